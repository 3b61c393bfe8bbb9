package io.github.lambdasandbox.assertions;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.WaitOutcome;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * How the {@code receives…} assertions of queues, topics and buses wait: virtual time runs until what is expected has
 * arrived, until nothing more can happen, or until the virtual time allowed has passed; real time is guarded.
 */
final class Waiting {

	/** How long a wait may take in real time: handlers that run for real, work without end. */
	static final Duration REAL_TIME_GUARD = Duration.ofSeconds(30);

	/** No virtual limit: wait until nothing more can happen. */
	private static final Duration UNTIL_SETTLED = Duration.ofSeconds(Long.MAX_VALUE / 4);

	/** What a wait found (null if nothing), and how it ended. */
	record Outcome<T>(T found, WaitOutcome how) {
	}

	private Waiting() {
	}

	/** Runs the sandbox until {@code first} finds something, at a quiet instant. */
	static <T> Outcome<T> until(Sandbox sandbox, Supplier<T> first, Duration within, Duration realTimeGuard) {
		WaitOutcome how = sandbox.runUntil(() -> first.get() != null, within == null ? UNTIL_SETTLED : within, realTimeGuard);
		return new Outcome<>(how == WaitOutcome.SATISFIED ? first.get() : null, how);
	}

	/** Runs the sandbox until nothing more will happen (or as far as {@code within}). */
	static WaitOutcome settle(Sandbox sandbox, Duration within, Duration realTimeGuard) {
		return sandbox.runUntil(() -> false, within == null ? UNTIL_SETTLED : within, realTimeGuard);
	}

	/** Why a wait found nothing, after "but ": the clock is paused, time ran out, or the sandbox is idle. */
	static String whyNone(WaitOutcome how, Sandbox sandbox, Duration within, Duration realTimeGuard) {
		return switch (how) {
			case PAUSED -> "it received none by virtual time " + Evidence.elapsed(sandbox) + ": the clock is paused ("
					+ sandbox.pendingWork() + "); call clock().advance(…) or clock().resume() to let it run";
			case WITHIN_ELAPSED -> "it received none within " + Evidence.duration(within) + " of virtual time (then "
					+ sandbox.pendingWork() + ")";
			case REAL_TIME_EXCEEDED -> "it received none within " + Evidence.duration(realTimeGuard) + " of real time: "
					+ sandbox.pendingWork();
			default -> "it received none: the sandbox is idle and nothing more is scheduled";
		};
	}

	/** {@code ""}, or {@code " within 30s of virtual time"}. */
	static String within(Duration within) {
		return within == null ? "" : " within " + Evidence.duration(within) + " of virtual time";
	}

	/** The first 5 of what arrived unexpectedly, one per line, indented. */
	static String listed(List<String> texts) {
		StringBuilder listed = new StringBuilder();
		for (int i = 0; i < texts.size() && i < 5; i++) {
			listed.append("  ").append(abbreviate(texts.get(i))).append('\n');
		}
		if (texts.size() > 5) {
			listed.append("  … ").append(texts.size() - 5).append(" more\n");
		}
		return listed.toString();
	}

	/** Throws the failure, or collects it in a soft-assertions block; {@code cause} is a handler's last error. */
	static void report(AssertionError error, Throwable cause, AssertionErrorCollector softly) {
		if (cause != null && error.getCause() == null) {
			error.initCause(cause);
		}
		if (softly != null) {
			softly.collectAssertionError(error);
			return;
		}
		throw error;
	}

	static String abbreviate(String body) {
		return body.length() <= 500 ? body : body.substring(0, 500) + "… (" + body.length() + " characters)";
	}

	static void checkPositive(String method, Duration duration, String what) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(method + "(" + duration + "): the " + what + " to wait must be positive.");
		}
	}
}
