package io.github.lambdasandbox.internal.services;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** CloudWatch metrics of namespace {@code AWS/Lambda}, summed per function. */
public final class Metrics {

	public static final String INVOCATIONS = "Invocations";

	public static final String ERRORS = "Errors";

	public static final String THROTTLES = "Throttles";

	public static final String DEAD_LETTER_ERRORS = "DeadLetterErrors";

	public static final String DESTINATION_DELIVERY_FAILURES = "DestinationDeliveryFailures";

	public static final String ASYNC_EVENTS_RECEIVED = "AsyncEventsReceived";

	public static final String ASYNC_EVENT_AGE = "AsyncEventAge";

	public static final String ASYNC_EVENTS_DROPPED = "AsyncEventsDropped";

	public static final List<String> NAMES = List.of(INVOCATIONS, ERRORS, THROTTLES, DEAD_LETTER_ERRORS,
			DESTINATION_DELIVERY_FAILURES, ASYNC_EVENTS_RECEIVED, ASYNC_EVENT_AGE, ASYNC_EVENTS_DROPPED);

	private final Map<String, AtomicLong> sums = new ConcurrentHashMap<>();

	public void add(String function, String metric, long value) {
		sums.computeIfAbsent(function + "/" + metric, k -> new AtomicLong()).addAndGet(value);
	}

	public void increment(String function, String metric) {
		add(function, metric, 1);
	}

	/** @throws IllegalArgumentException for a metric Lambda does not emit here, listing those it does */
	public long sum(String function, String metric) {
		if (!NAMES.contains(metric)) {
			throw new IllegalArgumentException("Unknown metric \"" + metric + "\". Lambda metrics of the sandbox: "
					+ String.join(", ", NAMES) + ".");
		}
		AtomicLong sum = sums.get(function + "/" + metric);
		return sum == null ? 0 : sum.get();
	}
}
