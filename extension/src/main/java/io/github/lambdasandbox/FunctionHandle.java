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
	 * {@code AsyncEventsReceived}, {@code AsyncEventsDropped}, {@code RecursiveInvocationsDropped};
	 * {@code AsyncEventAge} sums milliseconds (see
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

	/**
	 * Injects a fault into the next attempts of this function ({@link Fault#times(int)}, 1 by default), after those
	 * injected before: a function error, a timeout or extra latency of an attempt; a throttle or a service error of
	 * an invocation. Each shows in the journal and the timeline.
	 *
	 * @since 0.2
	 */
	void injectFault(Fault fault);

	/**
	 * Delivers the next asynchronous event twice, as Lambda may (at least once): the handler runs a second time with
	 * the same event and the same request id. For testing idempotent handlers. See also
	 * {@code @LambdaSandbox(duplicateDeliveryProbability)}.
	 *
	 * @since 0.2
	 */
	void deliverNextEventTwice();

	/** What the handler threw in its latest failed attempt, if any: the cause behind a failure record. */
	Optional<Throwable> lastError();

	/** The on-success destination, in short form ({@code sqs:S3-success}), if there is one. */
	Optional<String> onSuccess();

	/** The on-failure destination, in short form ({@code sqs:S3-failure}), if there is one. */
	Optional<String> onFailure();

	/** The dead-letter queue, in short form ({@code sqs:lambda-DLQ}), if there is one. */
	Optional<String> deadLetterQueue();

	/**
	 * The function's execution role: what it may do ({@link LambdaFunction#permissions()}), and
	 * {@link ExecutionRole#putRolePolicy} to change that while the test runs.
	 *
	 * @since 0.3
	 */
	ExecutionRole executionRole();

	/**
	 * The function's recursive loop detection setting, as {@code GetFunctionRecursionConfig} answers it:
	 * {@link RecursiveLoop#TERMINATE TERMINATE} unless the declaration or {@link #putFunctionRecursionConfig} says
	 * otherwise.
	 *
	 * @since 0.3
	 */
	RecursiveLoop recursiveLoop();

	/**
	 * Sets recursive loop detection, as {@code PutFunctionRecursionConfig} does: {@link RecursiveLoop#ALLOW ALLOW} lets
	 * the function run in a loop, {@link RecursiveLoop#TERMINATE TERMINATE} stops its invocation once it ran 16 times in
	 * one chain of requests. Applies at once, to events already on their way too.
	 *
	 * @throws LambdaServiceException {@code ValidationException} for null, with AWS's message
	 * @since 0.3
	 */
	void putFunctionRecursionConfig(RecursiveLoop recursiveLoop);

	/**
	 * Replaces the function's configuration for asynchronous invocation, as {@code PutFunctionEventInvokeConfig}
	 * does: what {@code config} leaves out goes back to Lambda's default (2 retries, 6 hours, no destination). It
	 * applies at once, also to events already accepted (their next retry, their age, where their record goes). A
	 * destination must exist in the sandbox: declare queues with {@link Queue @Queue}, and name topics, buses and
	 * buckets in a declaration.
	 *
	 * <p>The declaration's settings ({@link LambdaFunction @LambdaFunction}'s {@code maximumRetryAttempts},
	 * {@code maximumEventAgeInSeconds}, {@code onSuccess}, {@code onFailure}) are the function's configuration until
	 * then.
	 *
	 * @throws LambdaServiceException as Lambda refuses it, with AWS's message: {@code ValidationException} (a
	 *         value out of range, a destination that is no ARN), {@code InvalidParameterValueException} (nothing set,
	 *         a destination Lambda does not send to, the function itself), and what to do
	 */
	void putEventInvokeConfig(EventInvokeConfig config);

	/**
	 * The function's configuration for asynchronous invocation, as {@code GetFunctionEventInvokeConfig} answers it
	 * (destinations as ARNs); empty if it has none (Lambda's defaults apply). A declared function has one when its
	 * declaration sets anything other than the defaults.
	 */
	Optional<EventInvokeConfig> eventInvokeConfig();

	/**
	 * Removes the function's configuration for asynchronous invocation, as {@code DeleteFunctionEventInvokeConfig}
	 * does: Lambda's defaults apply again (2 retries, 6 hours, no destination).
	 *
	 * @throws LambdaServiceException {@code ResourceNotFoundException} if the function has none
	 */
	void deleteEventInvokeConfig();

	/**
	 * Deploys new code, as {@code UpdateFunctionCode} does: environments that start from now on run
	 * {@code handler}; an attempt running now finishes with the code it started with, and its environment is then
	 * retired. The function's other settings stay.
	 *
	 * @param handler a {@code RequestHandler} or {@code RequestStreamHandler} class with a public no-argument
	 *        constructor (one the runtime cannot load fails every invocation, as in AWS)
	 */
	void updateCode(Class<?> handler);

	/**
	 * Sets the dead-letter queue, as {@code UpdateFunctionConfiguration} with a {@code DeadLetterConfig} does: an
	 * SQS queue or SNS topic of the sandbox, by ARN or as {@code sqs:name} / {@code sns:name}; {@code ""} removes it.
	 * Events that fail from now on go there.
	 *
	 * @throws LambdaServiceException {@code InvalidParameterValueException} for anything else, saying what is allowed
	 */
	void updateDeadLetterConfig(String target);
}
