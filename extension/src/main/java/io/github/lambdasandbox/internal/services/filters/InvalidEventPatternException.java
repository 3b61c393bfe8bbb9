package io.github.lambdasandbox.internal.services.filters;

/**
 * EventBridge's {@code InvalidEventPatternException} (PutRule, TestEventPattern): the message is AWS's
 * {@code Event pattern is not valid. Reason: <reason>}. AWS appends the Java parser's location
 * ({@code \n at [Source: (String)"…"; line: 1, column: N]}) to most reasons; this message leaves it out.
 */
public final class InvalidEventPatternException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final String PREFIX = "Event pattern is not valid. Reason: ";

	private final String reason;

	InvalidEventPatternException(String reason) {
		super(PREFIX + reason);
		this.reason = reason;
	}

	/** The text after {@code Reason: }, e.g. {@code Empty arrays are not allowed}. */
	public String reason() {
		return reason;
	}

	/** AWS's error code. */
	public String errorCode() {
		return "InvalidEventPatternException";
	}
}
