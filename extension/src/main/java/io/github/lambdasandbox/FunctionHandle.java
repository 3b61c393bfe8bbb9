package io.github.lambdasandbox;

import java.util.List;

/**
 * A Lambda function of the sandbox.
 *
 * @since 0.1
 */
public interface FunctionHandle {

	/** The function name. */
	String name();

	/** The unqualified ARN, {@code arn:aws:lambda:us-east-1:123456789012:function:<name>}. */
	String arn();

	/** Same as {@link Sandbox#invoke(String, String)} for this function. */
	InvokeResult invoke(String payload);

	/** Same as {@link Sandbox#invokeAsync(String, String)} for this function. */
	InvokeResult invokeAsync(String payload);

	/**
	 * The sum of a CloudWatch metric of this function (namespace {@code AWS/Lambda}): {@code Invocations},
	 * {@code Errors}, {@code Throttles}, {@code DeadLetterErrors}, {@code DestinationDeliveryFailures},
	 * {@code AsyncEventsReceived}, {@code AsyncEventsDropped}; {@code AsyncEventAge} sums milliseconds.
	 *
	 * @throws IllegalArgumentException for any other name, listing these
	 */
	long metric(String metricName);

	/**
	 * The function's CloudWatch log lines so far, oldest first: {@code START}, what the handler logged
	 * through its {@code LambdaLogger}, {@code END} and the tab-separated {@code REPORT} line.
	 */
	List<String> logs();

	/**
	 * Throttles the next {@code attempts} invocations of this function, as when the account or function is
	 * out of concurrency: a synchronous invocation fails with {@code TooManyRequestsException} (429); an
	 * asynchronous event goes back to the queue and is retried after 1, 2, 4 … up to 300 seconds, without
	 * using up its retry attempts, until it runs or grows older than the maximum event age.
	 */
	void simulateThrottles(int attempts);
}
