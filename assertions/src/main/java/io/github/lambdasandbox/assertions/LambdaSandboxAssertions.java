package io.github.lambdasandbox.assertions;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import org.assertj.core.api.Assertions;
import org.assertj.core.util.CheckReturnValue;

/**
 * The entry point: AssertJ's {@code assertThat} for the sandbox's resources, plus accessors for the
 * sandbox of the running {@code @LambdaSandbox} test. It extends AssertJ's {@link Assertions}, so one
 * static import gives both.
 *
 * <pre>{@code
 * import static io.github.lambdasandbox.Condition.*;
 * import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;
 *
 * assertThat(queue("S3-failure")).receivesRecord().withCondition(RETRIES_EXHAUSTED);
 * assertThat(function("lambda-s3")).wasInvoked(3).hasMetric("Errors", 3);
 * assertThat(sandbox.invoke("orders:prod", "{}")).hasExecutedVersion("2").hasNoFunctionError();
 * }</pre>
 *
 * <p>{@link #queue(String)}, {@link #topic(String)}, {@link #eventBus(String)}, {@link #function(String)} and
 * {@link #bucket(String)} find the sandbox of the test
 * running on the current thread: call them from the test, not from threads it starts (use the injected
 * {@code Sandbox} there). For soft assertions see {@link LambdaSandboxSoftAssertions}.
 *
 * @since 0.1
 */
public class LambdaSandboxAssertions extends Assertions {

	protected LambdaSandboxAssertions() {
	}

	/** Assertions on a queue; the {@code receives…} ones let virtual time run. */
	@CheckReturnValue
	public static QueueAssert assertThat(SqsQueue actual) {
		return new QueueAssert(actual);
	}

	/** Assertions on what an SNS topic received; the {@code receives…} ones let virtual time run. @since 0.3 */
	@CheckReturnValue
	public static TopicAssert assertThat(SnsTopic actual) {
		return new TopicAssert(actual);
	}

	/** Assertions on what an EventBridge bus received; the {@code receives…} ones let virtual time run. @since 0.3 */
	@CheckReturnValue
	public static EventBusAssert assertThat(EventBus actual) {
		return new EventBusAssert(actual);
	}

	/** Assertions on what an S3 bucket received; the {@code receives…} ones let virtual time run. @since 0.3 */
	@CheckReturnValue
	public static BucketAssert assertThat(S3Bucket actual) {
		return new BucketAssert(actual);
	}

	/** Assertions on a message as an invocation record. */
	@CheckReturnValue
	public static RecordAssert assertThatRecord(SqsMessage actual) {
		return new RecordAssert(actual);
	}

	/** Assertions on a message. */
	@CheckReturnValue
	public static MessageAssert assertThat(SqsMessage actual) {
		return new MessageAssert(actual);
	}

	/**
	 * Assertions on a function, version or alias: metrics, log, how its latest invocation ended. They read the sandbox
	 * as it is now and do not move the clock.
	 *
	 * @since 0.3
	 */
	@CheckReturnValue
	public static FunctionAssert assertThat(FunctionHandle actual) {
		return new FunctionAssert(actual);
	}

	/** Assertions on the response of an Invoke: status code, payload, function error, executed version. @since 0.3 */
	@CheckReturnValue
	public static InvokeResultAssert assertThat(InvokeResult actual) {
		return new InvokeResultAssert(actual);
	}

	/**
	 * The queue {@code name} of the running test's sandbox.
	 *
	 * @throws IllegalStateException outside a {@code @LambdaSandbox} test
	 * @throws IllegalArgumentException if there is no such queue, naming those there are
	 */
	public static SqsQueue queue(String name) {
		return LambdaSandboxExtension.currentSandbox("queue(\"" + name + "\")").queue(name);
	}

	/**
	 * The function {@code name} of the running test's sandbox, or one of its versions or aliases ({@code "orders:prod"}).
	 */
	public static FunctionHandle function(String name) {
		return LambdaSandboxExtension.currentSandbox("function(\"" + name + "\")").function(name);
	}

	/**
	 * The SNS topic {@code name} of the running test's sandbox.
	 *
	 * @since 0.3
	 */
	public static SnsTopic topic(String name) {
		return LambdaSandboxExtension.currentSandbox("topic(\"" + name + "\")").topic(name);
	}

	/**
	 * The EventBridge bus {@code name} of the running test's sandbox ({@code "default"} always exists).
	 *
	 * @since 0.3
	 */
	public static EventBus eventBus(String name) {
		return LambdaSandboxExtension.currentSandbox("eventBus(\"" + name + "\")").eventBus(name);
	}

	/** The bucket {@code name} of the running test's sandbox. */
	public static S3Bucket bucket(String name) {
		return LambdaSandboxExtension.currentSandbox("bucket(\"" + name + "\")").bucket(name);
	}
}
