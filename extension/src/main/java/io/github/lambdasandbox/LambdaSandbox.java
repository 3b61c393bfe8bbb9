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
 * <h2>Handler code</h2>
 * Handler code lives in the sandbox's time too: {@code System.currentTimeMillis()}, {@code Instant.now()},
 * {@code Clock.systemUTC()}, {@code LocalDateTime.now()}, {@code new Date()} … read the virtual clock, and
 * {@code Thread.sleep} waits in virtual time ({@link #handlerTime()}); {@code System.exit} fails the invocation
 * with {@code Runtime.ExitError} instead of ending the JVM. The sandbox rewrites these calls in the classes of the
 * handler's code source (a Java agent it attaches once per JVM: a second or more, the first time). Each execution
 * environment may load the handler anew, for static state of its own ({@link #isolatedEnvironments()}).
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

	/**
	 * The probability, 0 to 1, that an asynchronous event or a message of a standard queue read by an event source
	 * mapping is delivered twice, as AWS may (at least once). Drawn from the sandbox's seeded randomness: the same
	 * test duplicates the same events on every run. Default 0.
	 *
	 * @since 0.2
	 */
	double duplicateDeliveryProbability() default 0.0;

	/**
	 * Which clock handler code reads through {@code System.currentTimeMillis()}, {@code Instant.now()},
	 * {@code Clock.systemUTC()}, {@code LocalDateTime.now()}, {@code new Date()} … and waits on with
	 * {@code Thread.sleep} / {@code TimeUnit.sleep}: the sandbox's virtual clock ({@code VIRTUAL}, the default) or
	 * the system clock ({@code SYSTEM}).
	 *
	 * <p>With {@code VIRTUAL}, a handler sees the sandbox clock at the instant its attempt started (a retry sees the
	 * time of the retry), and a handler that sleeps 10 minutes takes 10 virtual minutes, in milliseconds of real
	 * time: past the function's {@code timeout} it times out at its timeout, in virtual time. Only the calls in the
	 * user's own classes (the handler's code source) are rewritten; the JDK and libraries keep the system clock.
	 *
	 * <p>{@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in handler code fail the invocation with
	 * {@code Runtime.ExitError} with either setting. To rewrite nothing at all (no agent attached; handler code reads
	 * the system clock, sleeps for real, and an exit ends the JVM), run the tests with
	 * {@code -Dlambdasandbox.bytecode=off}.
	 */
	HandlerTime handlerTime() default HandlerTime.VIRTUAL;

	/** The clocks handler code can read: see {@link #handlerTime()}. */
	enum HandlerTime {
		/** The sandbox's virtual clock: time and sleeps of handler code are virtual. */
		VIRTUAL,
		/** The system clock: time and sleeps of handler code are real. */
		SYSTEM
	}

	/**
	 * Whether each execution environment loads the handler anew, in a class loader of its own, so that static state
	 * (caches, singletons, SDK clients kept in static fields) belongs to one environment, as in AWS where each
	 * execution environment is a JVM of its own. {@code false} by default: every environment shares the classes the
	 * test loaded, and a static field the test sets is the one the handler reads.
	 *
	 * <p>With {@code true}, a cold start loads the classes of the handler's code source anew and runs their static
	 * initialisers on the handler's thread (in virtual time, counted in {@code Init Duration}); an environment that
	 * timed out or exited is replaced by a new one with fresh static state. The JDK, the Lambda Java libraries, the
	 * AWS SDK, other libraries and the sandbox itself are shared. The test cannot read the environments' static
	 * fields (it sees its own copy of the classes): observe a handler through its results, logs and messages.
	 */
	boolean isolatedEnvironments() default false;

	/** The default of {@link #seed()}: derive the seed from the test's unique id. */
	long SEED_FROM_TEST = Long.MIN_VALUE;
}
