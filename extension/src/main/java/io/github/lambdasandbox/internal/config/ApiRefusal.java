package io.github.lambdasandbox.internal.config;

import java.util.Map;

import io.github.lambdasandbox.internal.aws.AwsServiceException;

/**
 * Lambda's API refuses a request: the error as AWS returns it (status, code, AWS's own message), and what a sandbox
 * user can do about it, for the sandbox's Java API to add to the message. AWS SDK clients get AWS's message alone.
 */
public final class ApiRefusal extends AwsServiceException {

	private static final long serialVersionUID = 1L;

	private final String hint;

	/**
	 * @param awsMessage AWS's message, or the sandbox's where AWS has none
	 * @param hint the fix, for the sandbox's Java API; null if the message says it all
	 */
	public ApiRefusal(int statusCode, String errorCode, String awsMessage, String hint) {
		super(statusCode, errorCode, awsMessage, true, Map.of("Type", "User"));
		this.hint = hint;
	}

	/** The fix; null if the message says it all. */
	public String hint() {
		return hint;
	}

	/** AWS's message and the fix, as the sandbox's Java API reports it. */
	public String describe() {
		return hint == null ? getMessage() : getMessage() + " " + hint;
	}

	static ApiRefusal invalidParameter(String awsMessage, String hint) {
		return new ApiRefusal(400, "InvalidParameterValueException", awsMessage, hint);
	}

	static ApiRefusal notFound(String awsMessage, String hint) {
		return new ApiRefusal(404, "ResourceNotFoundException", awsMessage, hint);
	}
}
