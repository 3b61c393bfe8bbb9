package io.github.lambdasandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda function of the sandbox, or one of its versions or aliases: {@code sandbox.function("orders")} is the
 * function, {@code sandbox.function("orders:prod")} its alias {@code prod} (the same as invoking
 * {@code "orders:prod"}), {@code sandbox.function("orders:1")} its version 1.
 *
 * <p>A handle of a version or alias ({@link #qualifier()} not null) invokes that qualifier, and has its own
 * configuration for asynchronous invocation, metrics and logs (those of the invocations made through it: CloudWatch's
 * {@code Resource} dimension). What belongs to the function — its code, dead-letter queue, versions and aliases —
 * is changed through the function's handle.
 *
 * @since 0.1
 */
public interface FunctionHandle {

	/** The sandbox this function belongs to. */
	Sandbox sandbox();

	/** The function name (without a qualifier). */
	String name();

	/**
	 * The version or alias this handle names ({@code "1"}, {@code "prod"}, {@code "$LATEST"}), or null for the function
	 * itself (which invokes {@code $LATEST}).
	 *
	 * @since 0.3
	 */
	String qualifier();

	/**
	 * The ARN: unqualified, {@code arn:aws:lambda:us-east-1:123456789012:function:<name>}, or with this handle's
	 * qualifier, {@code …:function:<name>:prod}.
	 */
	String arn();

	/** Same as {@link Sandbox#invoke(String, String)} for this function (or this version or alias). */
	InvokeResult invoke(String payload);

	/** Same as {@link Sandbox#invokeAsync(String, String)} for this function (or this version or alias). */
	InvokeResult invokeAsync(String payload);

	/**
	 * The sum of a CloudWatch metric of this function (namespace {@code AWS/Lambda}): {@code Invocations},
	 * {@code Errors}, {@code Throttles}, {@code DeadLetterErrors}, {@code DestinationDeliveryFailures},
	 * {@code AsyncEventsReceived}, {@code AsyncEventsDropped}, {@code RecursiveInvocationsDropped};
	 * {@code AsyncEventAge} sums milliseconds (see {@link #metricStatistics(String)} for its average and maximum). The
	 * function's handle counts every invocation (dimension {@code FunctionName}); a version's or alias's handle those
	 * made through it (dimension {@code Resource}, e.g. {@code orders:prod}).
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
	 * The function's CloudWatch log lines so far, oldest first: {@code START} (with the version that ran:
	 * {@code Version: $LATEST}, {@code Version: 1}), what the handler logged through its {@code LambdaLogger},
	 * {@code END} and the tab-separated {@code REPORT} line. A version's or alias's handle has the lines of the
	 * invocations made through it.
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

	/**
	 * The on-success destination, in short form ({@code sqs:S3-success}), if there is one: of this version's or alias's
	 * configuration for asynchronous invocation, for its handle.
	 */
	Optional<String> onSuccess();

	/** The on-failure destination, in short form ({@code sqs:S3-failure}), if there is one (as {@link #onSuccess()}). */
	Optional<String> onFailure();

	/** The dead-letter queue, in short form ({@code sqs:lambda-DLQ}), if there is one: the function's, for every version. */
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
	 * destination must exist in the sandbox: declare queues with {@link Queue @Queue}, name topics, buses and buckets in
	 * a declaration, or create them while the sandbox runs ({@link Sandbox#createQueue(String)} …).
	 *
	 * <p>The declaration's settings ({@link LambdaFunction @LambdaFunction}'s {@code maximumRetryAttempts},
	 * {@code maximumEventAgeInSeconds}, {@code onSuccess}, {@code onFailure}) are the function's configuration until
	 * then.
	 *
	 * <p>On a version's or alias's handle it configures that qualifier (PutFunctionEventInvokeConfig with
	 * {@code Qualifier}): events sent to {@code orders:prod} follow the configuration of {@code prod}, and Lambda's
	 * defaults if it has none — a version does not inherit the function's, as in AWS.
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

	// --- versions and aliases (since 0.3) -------------------------------------------------------------------------

	/**
	 * Publishes a version, as {@code PublishVersion} does: a snapshot of the function's code and configuration
	 * (handler, timeout, memory) that does not change when the function does. Versions are numbered {@code "1"},
	 * {@code "2"} …; if neither code nor configuration changed since the latest version, Lambda publishes none and answers
	 * with that version's number. A new version starts cold, in environments of its own, and has no configuration for
	 * asynchronous invocation until one is put on it.
	 *
	 * @return the version's number
	 * @throws LambdaServiceException on a version's or alias's handle: publish from the function's
	 * @since 0.3
	 */
	String publishVersion();

	/**
	 * The function's versions, as {@code ListVersionsByFunction} lists them: {@code $LATEST}, then the published ones,
	 * oldest first.
	 *
	 * @since 0.3
	 */
	List<String> versions();

	/**
	 * Creates an alias, as {@code CreateAlias} does: invoking {@code name} ({@code "orders:prod"}) invokes
	 * {@code functionVersion}.
	 *
	 * @param name letters, digits, hyphens and underscores, not only digits
	 * @param functionVersion a published version ({@code "1"}) or {@code "$LATEST"}
	 * @throws LambdaServiceException as Lambda refuses it, with AWS's message and what to do: {@code ValidationException}
	 *         (a name or version outside Lambda's model), {@code ResourceNotFoundException} (no such version),
	 *         {@code ResourceConflictException} (the alias exists: move it with {@link #updateAlias(String, String)})
	 * @since 0.3
	 */
	AliasConfiguration createAlias(String name, String functionVersion);

	/**
	 * Creates an alias that splits its invocations between two versions ({@code RoutingConfig}):
	 * {@code createAlias("prod", "1", Map.of("2", 0.1))} sends about 10 % of them to version 2. Each attempt draws its
	 * version from the sandbox's seeded ids: the same test makes the same choices on every run.
	 *
	 * @param additionalVersionWeights at most one other published version, with its share 0.0..1.0
	 * @throws LambdaServiceException as {@link #createAlias(String, String)}, and {@code InvalidParameterValueException}
	 *         for more than one additional version, the alias's own version, or routing from {@code $LATEST}
	 * @since 0.3
	 */
	AliasConfiguration createAlias(String name, String functionVersion, Map<String, Double> additionalVersionWeights);

	/**
	 * Points an alias at another version, as {@code UpdateAlias} does; its routing configuration stays. Invocations
	 * from then on (the next attempt of an event already queued too) run the new version.
	 *
	 * @throws LambdaServiceException {@code ResourceNotFoundException} ({@code Alias not found: …}) if there is no such
	 *         alias, and as {@link #createAlias(String, String)}
	 * @since 0.3
	 */
	AliasConfiguration updateAlias(String name, String functionVersion);

	/**
	 * Points an alias at another version and replaces its routing configuration; an empty map sends every invocation
	 * to {@code functionVersion}.
	 *
	 * @throws LambdaServiceException as {@link #createAlias(String, String, Map)} and {@link #updateAlias(String, String)}
	 * @since 0.3
	 */
	AliasConfiguration updateAlias(String name, String functionVersion, Map<String, Double> additionalVersionWeights);

	/**
	 * Deletes an alias, as {@code DeleteAlias} does (nothing happens if there is none, as in AWS). Events already queued
	 * for it still run the version it named.
	 *
	 * @since 0.3
	 */
	void deleteAlias(String name);

	/** The function's aliases, in the order they were created ({@code ListAliases}). @since 0.3 */
	List<AliasConfiguration> aliases();
}
