package io.github.lambdasandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's clock. Record timestamps, event ages and retry delays all read it.
 *
 * <p>By default it advances by itself while the test waits in the sandbox, jumping straight to the next
 * scheduled event. {@link #pause() Pause} it to step through time by hand with {@link #advance(Duration)}.
 *
 * @since 0.1
 */
public interface VirtualClock {

	/** The current virtual instant. */
	Instant now();

	/** The virtual instant the sandbox started at ({@code @LambdaSandbox(startTime)}). */
	Instant start();

	/** Stops automatic advance: from now on only {@link #advance(Duration)} moves the clock. */
	void pause();

	/** Returns to automatic advance. */
	void resume();

	/** Whether the clock is paused. */
	boolean isPaused();

	/**
	 * Moves the clock forward by {@code duration}, running in order everything scheduled up to the new
	 * instant, and returns when all of it is done.
	 *
	 * @throws IllegalArgumentException if {@code duration} is negative
	 */
	void advance(Duration duration);
}
