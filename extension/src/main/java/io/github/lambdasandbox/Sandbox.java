package io.github.lambdasandbox;

import io.github.lambdasandbox.internal.engine.SandboxEngine;

/**
 * One simulated AWS account and region ({@code 123456789012}, {@code us-east-1}): its functions, queues
 * and buckets, all in memory, on a virtual clock.
 *
 * <p>In a {@link LambdaSandbox @LambdaSandbox} test, declare a {@code Sandbox} parameter to get the
 * sandbox of the running test. Outside JUnit, {@link #create(Class)} builds one from a class that
 * carries the same annotations.
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
	 * {@link Bucket @Bucket} and {@link LambdaSandbox @LambdaSandbox} annotations of {@code declaringClass}.
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
	 * Java runtime's error payload.
	 *
	 * @param payload the event as JSON; {@code null} or empty sends {@code {}}
	 * @throws LambdaServiceException for invocation errors, as AWS returns them: unknown function (404),
	 * payload that is not JSON (400), payload too large (413), throttled (429)
	 */
	InvokeResult invoke(String functionName, String payload);

	/**
	 * Invokes a function asynchronously ({@code InvocationType=Event}): the event is queued and status 202
	 * returned at once. The attempts, retries, destinations and dead-letter queue follow in virtual time.
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

	/** The function named {@code name}. @throws IllegalArgumentException naming the known functions */
	FunctionHandle function(String name);

	/** The SQS queue named {@code name}. @throws IllegalArgumentException naming the known queues */
	SqsQueue queue(String name);

	/** Every SQS queue of the sandbox, declared or named by a destination, in declaration order. */
	java.util.List<SqsQueue> queues();

	/** The SNS topic named {@code name} (topics exist when a destination or notification names them). */
	SnsTopic topic(String name);

	/** The EventBridge event bus named {@code name} (buses exist when a destination names them). */
	EventBus eventBus(String name);

	/** The S3 bucket named {@code name}. @throws IllegalArgumentException naming the known buckets */
	S3Bucket bucket(String name);

	/** The virtual clock. */
	VirtualClock clock();

	/**
	 * Lets virtual time run until nothing more is scheduled (with a paused clock: until nothing is due
	 * now), then returns. Every retry, delivery and event that the sandbox will ever produce by itself has
	 * then happened.
	 *
	 * @throws IllegalStateException if the sandbox is still busy after 30 seconds of real time (for example
	 * a never-ending chain of functions)
	 */
	void settle();

	/**
	 * What happened so far, request by request, in virtual time: acceptance, attempts, retries,
	 * deliveries.
	 */
	String timeline();

	/** Stops the sandbox and its threads. */
	@Override
	void close();
}
