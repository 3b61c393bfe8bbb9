package io.github.lambdasandbox;

import java.util.List;
import java.util.Optional;

/**
 * A Lambda function of the sandbox.
 *
 * @since 0.1
 */
public interface FunctionHandle {

	/** The sandbox this function belongs to. */
	Sandbox sandbox();

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
	 * {@code AsyncEventsReceived}, {@code AsyncEventsDropped}; {@code AsyncEventAge} sums milliseconds (see
	 * {@link #metricStatistics(String)} for its average and maximum).
	 *
	 * @throws IllegalArgumentException for any other name, listing these
	 */
	long metric(String metricName);

	/**
	 * The statistics of a metric's datapoints, as CloudWatch gives them: sample count, sum, average, minimum,
	 * maximum. {@code metricStatistics("AsyncEventAge").maximum()} is the age of the oldest event at its attempt.
	 *
	 * @throws IllegalArgumentException for a metric Lambda does not emit here, listing those it does
	 */
	MetricStatistics metricStatistics(String metricName);

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

	/** What the handler threw in its latest failed attempt, if any: the cause behind a failure record. */
	Optional<Throwable> lastError();

	/** The on-success destination, in short form ({@code sqs:S3-success}), if there is one. */
	Optional<String> onSuccess();

	/** The on-failure destination, in short form ({@code sqs:S3-failure}), if there is one. */
	Optional<String> onFailure();

	/** The dead-letter queue, in short form ({@code sqs:lambda-DLQ}), if there is one. */
	Optional<String> deadLetterQueue();
}
