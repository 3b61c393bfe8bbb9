package io.github.lambdasandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @LambdaSandbox} runs each test of the annotated class against a fresh, simulated AWS account:
 * the functions, queues and buckets declared with {@link LambdaFunction @LambdaFunction},
 * {@link Queue @Queue} and {@link Bucket @Bucket}, all in memory, on a virtual clock.
 *
 * <pre>{@code
 * @LambdaSandbox
 * @LambdaFunction(name = "lambda-s3", handler = Boom.class,
 *           onSuccess = "sqs:S3-success", onFailure = "sqs:S3-failure")
 * @Bucket(name = "images", onObjectCreated = "lambda-s3")
 * class S3FailureTest {
 *   @Test void failuresAreRecordedAfterTwoRetries(Sandbox sandbox) {
 *     sandbox.bucket("images").putObject("index.html", "<html/>");
 *     assertThat(queue("S3-failure")).receivesRecord()
 *         .withCondition(RETRIES_EXHAUSTED)
 *         .withApproximateInvokeCount(3);
 *   }
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * A new {@link Sandbox} is built before each test and closed after it: no state, thread or message
 * survives a test. Test methods and {@code @BeforeEach} / {@code @AfterEach} methods can declare a
 * {@link Sandbox} parameter (not constructors: a sandbox lives for one test, an instance may serve several);
 * the static accessors of {@code LambdaSandboxAssertions} ({@code queue("…")}) find the
 * sandbox of the test running on the current thread.
 *
 * <h2>Time</h2>
 * Time is virtual. It moves only while the test waits in the sandbox ({@link Sandbox#settle()}, a waiting
 * assertion, {@link VirtualClock#advance(java.time.Duration)}), so a retry cycle of three minutes
 * takes milliseconds, and the same test gives the same timestamps and request ids on every run.
 *
 * <h2>Parallel execution</h2>
 * Sandboxes share nothing; test classes and methods may run in parallel.
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LambdaSandboxExtension.class)
public @interface LambdaSandbox {

	/**
	 * The virtual instant at which every sandbox of this class starts, in ISO-8601
	 * ({@code 2025-01-01T00:00:00Z} by default).
	 */
	String startTime() default "2025-01-01T00:00:00Z";

	/**
	 * The seed of request ids, message ids and every other generated id. By default each test gets its own seed,
	 * derived from its unique id: different tests get different ids, and each test the same ids on every run.
	 */
	long seed() default SEED_FROM_TEST;

	/**
	 * The account's concurrency limit ({@code ConcurrentExecutions}, 1000 by default, as for most accounts):
	 * functions without {@code reservedConcurrency} share what the reservations leave, and the account must keep
	 * at least 100 unreserved (or all of a smaller limit).
	 */
	int accountConcurrency() default 1000;

	/**
	 * The largest payload of an asynchronous invocation: 1 MB since October 2025 ({@code ONE_MB}, 1 048 576 bytes,
	 * the default), or the 256 KB of before ({@code LEGACY_256_KB}, 262 144 bytes) for code written against it.
	 */
	AsyncPayloadLimit asyncPayloadLimit() default AsyncPayloadLimit.ONE_MB;

	/** The payload limits of asynchronous invocations AWS has had. */
	enum AsyncPayloadLimit {
		/** 1 MB (1 048 576 bytes), since October 2025. */
		ONE_MB(1_048_576),
		/** 256 KB (262 144 bytes), until October 2025. */
		LEGACY_256_KB(262_144);

		private final int bytes;

		AsyncPayloadLimit(int bytes) {
			this.bytes = bytes;
		}

		/** The limit in bytes. */
		public int bytes() {
			return bytes;
		}
	}

	/**
	 * Whether a test fails when it ends with work still to come (on a paused clock, work scheduled that never ran);
	 * by default it is only reported (a report entry "lambda-sandbox pending work").
	 */
	boolean failOnPendingWork() default false;

	/** The default of {@link #seed()}: derive the seed from the test's unique id. */
	long SEED_FROM_TEST = Long.MIN_VALUE;
}
