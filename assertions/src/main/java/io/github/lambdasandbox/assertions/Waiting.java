package io.github.lambdasandbox.assertions;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.github.lambdasandbox.internal.engine.Scheduler.Outcome;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for a sandbox condition with Awaitility. Each poll lets the sandbox's virtual time run (the clock
 * jumps to the next scheduled event while the condition does not hold), so the wait ends as soon as the
 * condition holds or nothing more can happen: a negative answer does not wait out the timeout.
 */
final class Waiting {

	private static final Duration SLICE = Duration.ofMillis(50);

	private Waiting() {
	}

	static Outcome until(SandboxEngine sandbox, BooleanSupplier condition, Duration timeout, String alias) {
		AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.TIMED_OUT);
		try {
			Awaitility.await(alias)
					.atMost(timeout)
					.pollInSameThread()
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(1))
					.until(() -> {
						outcome.set(sandbox.await(condition, SLICE));
						return outcome.get() != Outcome.TIMED_OUT;
					});
		}
		catch (ConditionTimeoutException e) {
			return Outcome.TIMED_OUT;
		}
		return outcome.get();
	}
}
