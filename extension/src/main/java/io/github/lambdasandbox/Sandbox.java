package io.github.lambdasandbox;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.lambdasandbox.internal.engine.SandboxEngine;

/**
 * One simulated AWS account and region ({@code 123456789012}, {@code us-east-1}): its functions, queues, topics,
 * buses and buckets, all in memory, on a virtual clock.
 *
 * <p>In a {@link LambdaSandbox @LambdaSandbox} test, declare a {@code Sandbox} parameter to get the
 * sandbox of the running test. Outside JUnit, {@link #create(Class)} builds one from a class that
 * carries the same annotations.
 *
 * <h2>When things happen</h2>
 * Nothing happens behind the test's back. What the test asks for ({@link #invokeAsync}, a message sent, an
 * object put) is accepted at the current virtual instant; the work it causes runs when the test next looks or
 * waits: every read ({@code messages()}, {@code logs()}, {@code metric(…)}, the journal) first lets everything
 * due at the current instant happen (the clock does not move); {@link #settle()}, {@link #runUntil}, a waiting
 * assertion and {@link VirtualClock#advance} also let the clock move. So the same test sees the same things,
 * with the same ids and timestamps, on every run.
 *
 * @since 0.1
 */
public interface Sandbox extends AutoCloseable {

	/** The account id of every sandbox. */
	String ACCOUNT_ID = "123456789012";

	/** The region of every sandbox. */
	String REGION = "us-east-1";

	/**
	 * Builds a sandbox from the {@link LambdaFunction @LambdaFunction}, {@link Queue @Queue},
	 * {@link Bucket @Bucket}, {@link Topic @Topic}, {@link Subscription @Subscription}, {@link EventRule @EventRule},
	 * {@link BucketNotification @BucketNotification} (and the other declaration) annotations and the
	 * {@link LambdaSandbox @LambdaSandbox} annotation of {@code declaringClass}.
	 * Close it when done.
	 *
	 * @throws IllegalArgumentException if the declarations are invalid; the message names the annotation,
	 * the value and what AWS allows
	 */
	static Sandbox create(Class<?> declaringClass) {
		return SandboxEngine.create(declaringClass);
	}

	/**
	 * Invokes a function synchronously ({@code InvocationType=RequestResponse}) and returns its response:
	 * status 200 and the function's result, or status 200 with {@code functionError = "Unhandled"} and the
	 * Java runtime's error payload. The invocation runs after what is already due at the current instant; if
	 * the handler waits on the sandbox clock, the clock moves as far as it waits (even when paused).
	 *
	 * <p>The function is named as Lambda's Invoke takes it: {@code "orders"} invokes {@code $LATEST};
	 * {@code "orders:prod"} (an alias), {@code "orders:1"} (a version) or an ARN, qualified or not, invoke what they name
	 * ({@link FunctionHandle#publishVersion()}, {@link FunctionHandle#createAlias(String, String)}).
	 *
	 * @param payload the event as JSON; {@code null} or empty sends {@code {}}
	 * @throws LambdaServiceException for invocation errors, as AWS returns them: unknown function, version or alias
	 * (404), payload that is not JSON (400), payload too large (413), throttled (429)
	 */
	InvokeResult invoke(String functionName, String payload);

	/**
	 * Invokes a function asynchronously ({@code InvocationType=Event}): the event is queued and status 202
	 * returned at once. The attempts, retries, destinations and dead-letter queue follow in virtual time. Sent to a
	 * version or alias ({@code "orders:prod"}), the event follows that qualifier's configuration for asynchronous
	 * invocation, and its records name it ({@code …:function:orders:prod}) with the version that ran.
	 *
	 * @throws LambdaServiceException for invocation errors (unknown function, payload not JSON, over 1 MB)
	 */
	InvokeResult invokeAsync(String functionName, String payload);

	/**
	 * Validates an invocation without running the function ({@code InvocationType=DryRun}): status 204.
	 *
	 * @throws LambdaServiceException for the invocation errors {@link #invoke(String, String)} would give
	 */
	InvokeResult dryRun(String functionName, String payload);

	/**
	 * The function named {@code name}, or one of its versions or aliases: {@code "orders"}, {@code "orders:prod"},
	 * {@code "orders:1"}, or an ARN.
	 *
	 * @throws LambdaServiceException 404 naming the functions there are, or the function's versions and aliases
	 */
	FunctionHandle function(String name);

	/** Every function, in declaration order. */
	List<FunctionHandle> functions();

	/** The SQS queue named {@code name}. @throws IllegalArgumentException naming the known queues */
	SqsQueue queue(String name);

	/** Every SQS queue of the sandbox, declared or named by a destination, in declaration order. */
	List<SqsQueue> queues();

	/**
	 * The SNS topic named {@code name}: declared with {@link Topic @Topic}, or named by a destination, a dead-letter
	 * queue, a notification or a rule. @throws IllegalArgumentException naming the known topics
	 */
	SnsTopic topic(String name);

	/** Every SNS topic, in the order they were named. */
	List<SnsTopic> topics();

	/**
	 * The EventBridge event bus named {@code name}: the {@code default} bus, or one a destination or an
	 * {@link EventRule @EventRule} names. @throws IllegalArgumentException naming the known buses
	 */
	EventBus eventBus(String name);

	/** Every EventBridge bus, in the order they were named ({@code default} once it is named or used). */
	List<EventBus> eventBuses();

	/** The S3 bucket named {@code name}. @throws IllegalArgumentException naming the known buckets */
	S3Bucket bucket(String name);

	/** Every S3 bucket, declared or named by a destination. */
	List<S3Bucket> buckets();

	/**
	 * The Kinesis data stream named {@code name}, declared with {@link DataStream @DataStream}.
	 *
	 * @throws IllegalArgumentException naming the known streams
	 * @since 0.2
	 */
	KinesisStream stream(String name);

	/** Every Kinesis data stream. @since 0.2 */
	List<KinesisStream> streams();

	/**
	 * The DynamoDB table named {@code name}, declared with {@link Table @Table}.
	 *
	 * @throws IllegalArgumentException naming the known tables
	 * @since 0.2
	 */
	DynamoDbTable table(String name);

	/** Every DynamoDB table. @since 0.2 */
	List<DynamoDbTable> tables();

	/**
	 * The event source mapping of {@code function} (a name or an ARN) on {@code source} ({@code sqs:orders},
	 * {@code kinesis:clicks}, {@code dynamodb:users}, or the source's ARN).
	 *
	 * @throws IllegalArgumentException naming the mappings there are
	 * @since 0.2
	 */
	EventSourceMappingHandle eventSourceMapping(String function, String source);

	/** Every event source mapping, in the order declared. @since 0.2 */
	List<EventSourceMappingHandle> eventSourceMappings();

	/**
	 * Makes a resource unavailable to the next deliveries ({@code Fault.unavailable().times(n)}): a record, a dead
	 * letter or an on-failure record sent there fails and is counted ({@code DestinationDeliveryFailures},
	 * {@code DeadLetterErrors}), as when AWS cannot reach it.
	 *
	 * @param resource {@code sqs:q}, {@code sns:t}, {@code events:bus}, {@code s3:bucket} or {@code lambda:f}
	 * @throws IllegalArgumentException for an unknown resource, or a fault that is not {@link Fault#unavailable()}
	 * @since 0.2
	 */
	void injectFault(String resource, Fault fault);

	// --- created while the sandbox runs (since 0.3) -----------------------------------------------------------

	/**
	 * Creates a function while the sandbox runs, as {@code CreateFunction} does, with {@link LambdaFunction
	 * @LambdaFunction}'s defaults: the "deploy" of an edit-deploy-test cycle. It can be invoked at once.
	 *
	 * @throws IllegalArgumentException for a name or handler missing
	 * @throws LambdaServiceException {@code ResourceConflictException} (409, {@code Function already exist: name}) if
	 *         the sandbox has a function of that name
	 * @since 0.3
	 */
	default FunctionHandle createFunction(String name, Class<?> handler) {
		return createFunction(FunctionDefinition.builder(name, handler).build());
	}

	/**
	 * Creates a function with the attributes of {@link LambdaFunction @LambdaFunction} (timeout, retries,
	 * destinations, dead-letter queue …), checked as a declaration is, with the same messages. The queues, topics, buses
	 * and buckets its destinations name are created too, as for a declaration.
	 *
	 * @throws IllegalArgumentException for a value AWS does not allow, naming it
	 * @throws LambdaServiceException {@code ResourceConflictException} (409) if the sandbox has a function of that name
	 * @since 0.3
	 */
	FunctionHandle createFunction(FunctionDefinition definition);

	/**
	 * Creates an SQS queue, as {@code CreateQueue} does, with SQS's defaults (a name ending in {@code .fifo}: a FIFO
	 * queue). A queue that exists is answered with, as SQS does. Destinations, dead-letter queues and notifications may
	 * name it from then on.
	 *
	 * @throws IllegalArgumentException for a name SQS refuses, with its rule
	 * @since 0.3
	 */
	SqsQueue createQueue(String name);

	/** Creates an SNS topic, as {@code CreateTopic} does (one that exists is answered with). @since 0.3 */
	SnsTopic createTopic(String name);

	/** Creates an S3 bucket, as {@code CreateBucket} does in us-east-1 (one the account has is answered with). @since 0.3 */
	S3Bucket createBucket(String name);

	/**
	 * Creates an EventBridge event bus, as {@code CreateEventBus} does.
	 *
	 * @throws IllegalArgumentException if it exists ({@code Event bus <name> already exists.}), or for a name
	 *         EventBridge refuses
	 * @since 0.3
	 */
	EventBus createEventBus(String name);

	/** The virtual clock. */
	VirtualClock clock();

	/**
	 * Lets virtual time run until nothing more will happen unless the test acts (with a paused clock: until
	 * nothing more is due now), then returns. Every retry, delivery and event that the sandbox will produce by
	 * itself has then happened. Background work (a poller's next look at an empty source) does not count.
	 *
	 * @throws IllegalStateException if the sandbox is still busy after 30 seconds of real time (for example
	 * a never-ending chain of functions)
	 */
	void settle();

	/**
	 * Lets virtual time run until {@code condition} holds at a quiet virtual instant (one where everything due
	 * has happened), for at most {@code within} of virtual time, and says how it ended. The clock never moves past
	 * an instant where the condition holds. The condition is read by the sandbox between its steps: it must only
	 * read (the sandbox's journal, its queues).
	 *
	 * <p>A real-time guard of 30 seconds ends a wait that virtual time cannot end (a handler that runs for real,
	 * work without end): {@link WaitOutcome#REAL_TIME_EXCEEDED}.
	 */
	WaitOutcome runUntil(BooleanSupplier condition, Duration within);

	/** {@link #runUntil(BooleanSupplier, Duration)} with another real-time guard. */
	WaitOutcome runUntil(BooleanSupplier condition, Duration within, Duration realTimeGuard);

	/** Everything that happened, entry by entry: the evidence behind the timeline, the metrics and the logs. */
	Journal journal();

	/**
	 * What happened so far, request by request, in virtual time: acceptance, attempts, retries, deliveries.
	 * Long histories are shortened (see {@link Journal#timeline()}).
	 */
	String timeline();

	/**
	 * What is still to come, for messages: {@code "nothing scheduled"}, or {@code "3 actions scheduled, the next
	 * at +60s (retry 1 of request …)"}, and a handler that is running.
	 */
	String pendingWork();

	/** Stops the sandbox and its threads. */
	@Override
	void close();
}
