package io.github.lambdasandbox.internal.bytecode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A pretended sandbox clock for {@link HandlerTime#runAsHandler}: sleeps move it on at once, and are recorded. */
final class ManualClock implements HandlerTime.TestClock {

	/** Far from the system clock, so that a reading of either cannot be mistaken for the other. */
	static final Instant START = Instant.parse("2001-02-03T04:05:06.789Z");

	private Instant now = START;

	private final List<Duration> sleeps = new ArrayList<>();

	@Override
	public synchronized Instant now() {
		return now;
	}

	@Override
	public synchronized void sleep(Duration duration) {
		sleeps.add(duration);
		now = now.plus(duration);
	}

	synchronized List<Duration> sleeps() {
		return List.copyOf(sleeps);
	}

	/** Runs {@code code} on the current thread as a handler's, on this clock. */
	<T> T callAsHandler(Callable<T> code) throws Exception {
		return HandlerTime.runAsHandler(this, code);
	}

	/** Runs {@code code} on the current thread as a handler's, on this clock. */
	void runAsHandler(ThrowingRunnable code) throws Exception {
		HandlerTime.runAsHandler(this, () -> {
			code.run();
			return null;
		});
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;
	}
}
