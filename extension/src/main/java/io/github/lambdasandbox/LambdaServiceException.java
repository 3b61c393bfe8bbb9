package io.github.lambdasandbox;

/**
 * An error of the Lambda service itself (not of the function), as the AWS SDK throws it:
 * {@code ResourceNotFoundException} (404), {@code InvalidRequestContentException} (400),
 * {@code RequestTooLargeException} (413), {@code TooManyRequestsException} (429).
 *
 * @since 0.1
 */
public class LambdaServiceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	private final String errorCode;

	private final String reason;

	private final String type;

	public LambdaServiceException(int statusCode, String errorCode, String message) {
		this(statusCode, errorCode, message, null, null);
	}

	/**
	 * @param reason AWS's {@code Reason}, e.g. {@code ReservedFunctionConcurrentInvocationLimitExceeded}; or null
	 * @param type AWS's {@code Type}: {@code User} or {@code Service}; or null
	 */
	public LambdaServiceException(int statusCode, String errorCode, String message, String reason, String type) {
		super(message);
		this.statusCode = statusCode;
		this.errorCode = errorCode;
		this.reason = reason;
		this.type = type;
	}

	/**
	 * A throttle, as Invoke answers it: 429 {@code TooManyRequestsException},
	 * {@code {"Reason":"<reason>","Type":"User","message":"Rate Exceeded."}}.
	 */
	public static LambdaServiceException tooManyRequests(String reason) {
		return new LambdaServiceException(429, "TooManyRequestsException", "Rate Exceeded.", reason, "User");
	}

	/** The HTTP status code, e.g. 429. */
	public int statusCode() {
		return statusCode;
	}

	/** The AWS error code, e.g. {@code TooManyRequestsException}. */
	public String errorCode() {
		return errorCode;
	}

	/** AWS's {@code Reason} (429s), e.g. {@code ReservedFunctionConcurrentInvocationLimitExceeded}; or null. */
	public String reason() {
		return reason;
	}

	/** AWS's {@code Type}: {@code User} or {@code Service}; or null. */
	public String type() {
		return type;
	}

	/** The response body as AWS writes it, e.g. {@code {"Reason":"…","Type":"User","message":"Rate Exceeded."}}. */
	public String body() {
		StringBuilder body = new StringBuilder("{");
		if (reason != null) {
			body.append("\"Reason\":").append(quote(reason)).append(',');
		}
		if (type != null) {
			body.append("\"Type\":").append(quote(type)).append(',');
		}
		return body.append("\"message\":").append(quote(getMessage())).append('}').toString();
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	@Override
	public String toString() {
		return errorCode + " (" + statusCode + "): " + getMessage() + (reason == null ? "" : " Reason: " + reason);
	}
}
