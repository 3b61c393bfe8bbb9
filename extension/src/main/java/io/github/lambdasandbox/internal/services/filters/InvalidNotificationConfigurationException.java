package io.github.lambdasandbox.internal.services.filters;

/**
 * S3's rejection of a PutBucketNotificationConfiguration (HTTP 400): {@link #errorCode()} is {@code InvalidArgument}
 * or {@code MalformedXML}, {@link #getMessage()} is S3's text, and {@link #argumentName()} / {@link #argumentValue()}
 * are the {@code ArgumentName} / {@code ArgumentValue} S3 adds when it names one ({@code null} when it does not, or
 * when what it adds is not known). {@link #hint()} says more for a person reading a failed test; S3 does not send it.
 */
public final class InvalidNotificationConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String errorCode;

	private final String argumentName;

	private final String argumentValue;

	private final String hint;

	InvalidNotificationConfigurationException(String errorCode, String message, String argumentName,
			String argumentValue, String hint) {
		super(message);
		this.errorCode = errorCode;
		this.argumentName = argumentName;
		this.argumentValue = argumentValue;
		this.hint = hint;
	}

	static InvalidNotificationConfigurationException invalidArgument(String message, String argumentName,
			String argumentValue, String hint) {
		return new InvalidNotificationConfigurationException("InvalidArgument", message, argumentName, argumentValue,
				hint);
	}

	static InvalidNotificationConfigurationException malformedXml(String hint) {
		return new InvalidNotificationConfigurationException("MalformedXML",
				"The XML you provided was not well-formed or did not validate against our published schema", null,
				null, hint);
	}

	public String errorCode() {
		return errorCode;
	}

	public String argumentName() {
		return argumentName;
	}

	public String argumentValue() {
		return argumentValue;
	}

	public String hint() {
		return hint;
	}
}
