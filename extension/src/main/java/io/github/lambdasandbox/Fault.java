package io.github.lambdasandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject, on purpose and deterministically: what the next attempts of a function do instead of running
 * normally, or what the next deliveries to a resource meet. Every injected fault shows in the journal
 * ({@link JournalEntry.FaultInjected}) and in the timelines.
 *
 * <pre>{@code
 * sandbox.function("worker").injectFault(Fault.functionError("java.io.IOException", "db down").times(2));
 * sandbox.function("worker").injectFault(Fault.latency(Duration.ofSeconds(2)));    // the next attempt takes 2 s more
 * sandbox.function("worker").injectFault(Fault.serviceError());                     // Lambda answers 500 once
 * sandbox.injectFault("sqs:failures", Fault.unavailable());                         // the next delivery there fails
 * }</pre>
 *
 * @since 0.2
 */
public final class Fault {

	/** What a fault does. */
	public enum Kind {
		/** The attempt fails with the given error type and message, as if the handler had thrown it. */
		FUNCTION_ERROR,
		/** The attempt runs until the function's timeout and times out ({@code Sandbox.Timedout}). */
		TIMEOUT,
		/** The attempt takes the given virtual time more before the handler runs (past the timeout: a timeout). */
		LATENCY,
		/** Lambda throttles the invocation (429 {@code TooManyRequestsException}); events back off and try again. */
		THROTTLE,
		/**
		 * Lambda fails with an error of its own (500 {@code ServiceException}): a synchronous caller gets it, an
		 * asynchronous event or a mapping's batch is tried again as after a throttle.
		 */
		SERVICE_ERROR,
		/** A queue, topic, bus, bucket or function is unavailable: a delivery to it fails and is counted. */
		UNAVAILABLE
	}

	private final Kind kind;

	private final String errorType;

	private final String errorMessage;

	private final Duration latency;

	private final int times;

	private Fault(Kind kind, String errorType, String errorMessage, Duration latency, int times) {
		this.kind = kind;
		this.errorType = errorType;
		this.errorMessage = errorMessage;
		this.latency = latency;
		this.times = times;
	}

	/**
	 * The attempt fails as if its handler had thrown an exception of type {@code errorType} (a class name, e.g.
	 * {@code java.io.IOException}) with {@code errorMessage}; the handler does not run.
	 */
	public static Fault functionError(String errorType, String errorMessage) {
		Objects.requireNonNull(errorType, "errorType");
		if (errorType.isBlank()) {
			throw new IllegalArgumentException("functionError(\"\", …): name the error type, e.g. \"java.io.IOException\".");
		}
		return new Fault(Kind.FUNCTION_ERROR, errorType, Objects.requireNonNull(errorMessage, "errorMessage"), null, 1);
	}

	/** The attempt times out at the function's timeout; the handler does not run. */
	public static Fault timeout() {
		return new Fault(Kind.TIMEOUT, null, null, null, 1);
	}

	/** The attempt takes {@code virtualTime} more (a slow dependency) before the handler runs. */
	public static Fault latency(Duration virtualTime) {
		if (virtualTime == null || virtualTime.isNegative() || virtualTime.isZero()) {
			throw new IllegalArgumentException("latency(" + virtualTime + "): the extra virtual time must be positive.");
		}
		return new Fault(Kind.LATENCY, null, null, virtualTime, 1);
	}

	/** Lambda throttles the invocation. */
	public static Fault throttle() {
		return new Fault(Kind.THROTTLE, null, null, null, 1);
	}

	/** Lambda fails with 500 {@code ServiceException}. */
	public static Fault serviceError() {
		return new Fault(Kind.SERVICE_ERROR, null, null, null, 1);
	}

	/** A resource is unavailable to deliveries. */
	public static Fault unavailable() {
		return new Fault(Kind.UNAVAILABLE, null, null, null, 1);
	}

	/** The same fault for the next {@code count} attempts (or deliveries) instead of the next one. */
	public Fault times(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("times(" + count + "): a fault applies to 1 or more attempts.");
		}
		return new Fault(kind, errorType, errorMessage, latency, count);
	}

	public Kind kind() {
		return kind;
	}

	/** The error type of a {@link Kind#FUNCTION_ERROR}; null for the other kinds. */
	public String errorType() {
		return errorType;
	}

	/** The error message of a {@link Kind#FUNCTION_ERROR}; null for the other kinds. */
	public String errorMessage() {
		return errorMessage;
	}

	/** The extra virtual time of a {@link Kind#LATENCY}; null for the other kinds. */
	public Duration latency() {
		return latency;
	}

	/** How many attempts or deliveries it applies to. */
	public int times() {
		return times;
	}

	@Override
	public String toString() {
		String what = switch (kind) {
			case FUNCTION_ERROR -> "function error " + errorType + ": " + errorMessage;
			case TIMEOUT -> "timeout";
			case LATENCY -> "latency of " + latency;
			case THROTTLE -> "throttle";
			case SERVICE_ERROR -> "service error (500 ServiceException)";
			case UNAVAILABLE -> "unavailable";
		};
		return times == 1 ? what : what + " × " + times;
	}
}
