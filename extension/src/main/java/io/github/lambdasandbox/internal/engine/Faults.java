package io.github.lambdasandbox.internal.engine;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import io.github.lambdasandbox.Fault;
import io.github.lambdasandbox.JournalEntry;

/**
 * The faults injected into a sandbox, by function and by resource, used up one attempt or delivery at a time, in
 * the order they were injected; and at-least-once duplicates, explicit or with a seeded probability. Engine only,
 * lock held.
 */
final class Faults {

	/** A fault and how many more attempts it applies to. */
	private static final class Charge {

		final Fault fault;

		int left;

		Charge(Fault fault) {
			this.fault = fault;
			this.left = fault.times();
		}
	}

	private final SandboxEngine engine;

	/** Per function: faults of attempts (function error, timeout, latency). */
	private final Map<String, ArrayDeque<Charge>> attempts = new HashMap<>();

	/** Per function: refusals (throttle, service error). */
	private final Map<String, ArrayDeque<Charge>> refusals = new HashMap<>();

	/** Per resource ({@code sqs:q}): deliveries that fail. */
	private final Map<String, Integer> unavailable = new HashMap<>();

	/** Per function ({@code lambda:f}) or queue ({@code sqs:q}): events or messages to deliver twice. */
	private final Map<String, Integer> duplicates = new HashMap<>();

	private double duplicateProbability;

	Faults(SandboxEngine engine) {
		this.engine = engine;
	}

	void injectIntoFunction(String function, Fault fault) {
		switch (fault.kind()) {
			case FUNCTION_ERROR, TIMEOUT, LATENCY -> attempts.computeIfAbsent(function, f -> new ArrayDeque<>()).add(new Charge(fault));
			case THROTTLE, SERVICE_ERROR -> refusals.computeIfAbsent(function, f -> new ArrayDeque<>()).add(new Charge(fault));
			case UNAVAILABLE -> unavailable.merge("lambda:" + function, fault.times(), Integer::sum);
		}
	}

	void injectIntoResource(String resource, Fault fault) {
		if (fault.kind() != Fault.Kind.UNAVAILABLE) {
			throw new IllegalArgumentException("injectFault(\"" + resource + "\", " + fault + "): a resource can only be made "
					+ "unavailable (Fault.unavailable()); inject " + fault.kind() + " into a function: "
					+ "function(\"…\").injectFault(…).");
		}
		unavailable.merge(resource, fault.times(), Integer::sum);
	}

	void duplicateNext(String resource, int count) {
		duplicates.merge(resource, count, Integer::sum);
	}

	void duplicateProbability(double probability) {
		this.duplicateProbability = probability;
	}

	/** The fault for this attempt of {@code function}, used up; or null. */
	Fault takeAttemptFault(String function) {
		return take(attempts.get(function));
	}

	/** A throttle or service error for this invocation of {@code function}, used up; or null. */
	Fault takeRefusal(String function) {
		return take(refusals.get(function));
	}

	private static Fault take(ArrayDeque<Charge> charges) {
		if (charges == null || charges.isEmpty()) {
			return null;
		}
		Charge charge = charges.peekFirst();
		if (--charge.left == 0) {
			charges.pollFirst();
		}
		return charge.fault;
	}

	/** Whether a delivery to {@code resource} fails now (used up). */
	boolean unavailable(String resource) {
		return !unavailable.isEmpty() && use(unavailable, resource);
	}

	/** Whether a delivery to {@code target} fails now (used up); without faults, without building its name. */
	boolean unavailable(io.github.lambdasandbox.internal.config.TargetRef target) {
		return !unavailable.isEmpty() && use(unavailable, target.toString());
	}

	/** Whether any duplicate delivery may happen: without, callers need not name what they deliver. */
	boolean duplicatesPossible() {
		return !duplicates.isEmpty() || duplicateProbability > 0;
	}

	/** Whether this event or message of {@code resource} ({@code lambda:f}, {@code sqs:q}) is delivered twice. */
	boolean duplicate(String resource) {
		if (use(duplicates, resource)) {
			return true;
		}
		return duplicateProbability > 0 && engine.ids.nextInt(1_000_000) < duplicateProbability * 1_000_000;
	}

	private static boolean use(Map<String, Integer> counts, String key) {
		Integer left = counts.get(key);
		if (left == null) {
			return false;
		}
		if (left <= 1) {
			counts.remove(key);
		}
		else {
			counts.put(key, left - 1);
		}
		return true;
	}

	/** Journals a fault that happened. */
	void journal(String requestId, String function, String resource, String what) {
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.FaultInjected(journal.next(), engine.executive.instant(), requestId, function,
				resource, what));
	}
}
