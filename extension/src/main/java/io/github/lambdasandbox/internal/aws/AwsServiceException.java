package io.github.lambdasandbox.internal.aws;

import java.util.Map;

/**
 * An error as an AWS service returns it: the HTTP status, the error code ({@code NoSuchKey},
 * {@code AWS.SimpleQueueService.NonExistentQueue}, {@code ResourceNotFoundException} …), the message, and the
 * extra fields some protocols carry (S3's {@code Key}, {@code BucketName}; Lambda's {@code Type},
 * {@code Reason}).
 */
public class AwsServiceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	private final String errorCode;

	private final boolean senderFault;

	private final Map<String, String> fields;

	public AwsServiceException(int statusCode, String errorCode, String message) {
		this(statusCode, errorCode, message, statusCode < 500, Map.of());
	}

	public AwsServiceException(int statusCode, String errorCode, String message, boolean senderFault,
			Map<String, String> fields) {
		super(message);
		this.statusCode = statusCode;
		this.errorCode = errorCode;
		this.senderFault = senderFault;
		this.fields = Map.copyOf(fields);
	}

	public int statusCode() {
		return statusCode;
	}

	public String errorCode() {
		return errorCode;
	}

	/** Whether the caller is at fault (4xx: {@code Sender}/{@code Client}) or the service (5xx). */
	public boolean senderFault() {
		return senderFault;
	}

	/** Extra fields of the error body, in the order the protocol writes them. */
	public Map<String, String> fields() {
		return fields;
	}

	@Override
	public String toString() {
		return errorCode + " (" + statusCode + "): " + getMessage();
	}
}
