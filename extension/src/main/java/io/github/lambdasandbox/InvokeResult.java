package io.github.lambdasandbox;

/**
 * The response of an Invoke call, as the AWS SDK's {@code InvokeResponse} gives it.
 *
 * @since 0.1
 */
public interface InvokeResult {

	/** 200 for {@code RequestResponse} (also when the function failed), 202 for {@code Event}, 204 for {@code DryRun}. */
	int statusCode();

	/** The function's result or error payload as JSON; {@code ""} for {@code Event} and {@code DryRun}. */
	String payload();

	/** {@code "Unhandled"} when the function failed; {@code null} otherwise. */
	String functionError();

	/** The request id ({@code x-amzn-RequestId}); for {@code Event}, the id every attempt will see. */
	String requestId();

	/**
	 * The version that ran ({@code X-Amz-Executed-Version}), for a {@code RequestResponse} invocation: {@code "$LATEST"},
	 * or the published version ({@code "1"}) that the version or alias named chose; {@code null} otherwise.
	 */
	String executedVersion();
}
