package io.github.lambdasandbox;

/**
 * How {@link Sandbox#runUntil(java.util.function.BooleanSupplier, java.time.Duration) runUntil} ended.
 *
 * @since 0.2
 */
public enum WaitOutcome {

	/** The condition held, at a virtual instant when everything due had happened. */
	SATISFIED,

	/** Nothing more will happen unless the test acts, and the condition does not hold. */
	SETTLED,

	/** The clock is paused: everything due now happened, more is scheduled later, and the condition does not hold. */
	PAUSED,

	/** The virtual time allowed ({@code within}) passed and the condition does not hold. */
	WITHIN_ELAPSED,

	/**
	 * The real-time guard ran out: a handler ran (in real time) for that long, or work kept coming without end.
	 */
	REAL_TIME_EXCEEDED
}
