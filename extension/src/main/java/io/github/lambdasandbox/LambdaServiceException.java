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

	public LambdaServiceException(int statusCode, String errorCode, String message) {
		super(message);
		this.statusCode = statusCode;
		this.errorCode = errorCode;
	}

	/** The HTTP status code, e.g. 429. */
	public int statusCode() {
		return statusCode;
	}

	/** The AWS error code, e.g. {@code TooManyRequestsException}. */
	public String errorCode() {
		return errorCode;
	}

	@Override
	public String toString() {
		return errorCode + " (" + statusCode + "): " + getMessage();
	}
}
