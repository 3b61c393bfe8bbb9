package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.JournalEntry.Accepted;
import io.github.lambdasandbox.JournalEntry.AttemptEnded;
import io.github.lambdasandbox.JournalEntry.AttemptStarted;
import io.github.lambdasandbox.JournalEntry.InvocationType;
import io.github.lambdasandbox.JournalEntry.Outcome;
import io.github.lambdasandbox.MetricStatistics;

/** A function's CloudWatch metrics and logs: views of its journal entries. */
final class FunctionViews {

	static final String INVOCATIONS = "Invocations";

	static final String ERRORS = "Errors";

	static final String THROTTLES = "Throttles";

	static final String DEAD_LETTER_ERRORS = "DeadLetterErrors";

	static final String DESTINATION_DELIVERY_FAILURES = "DestinationDeliveryFailures";

	static final String ASYNC_EVENTS_RECEIVED = "AsyncEventsReceived";

	static final String ASYNC_EVENT_AGE = "AsyncEventAge";

	static final String ASYNC_EVENTS_DROPPED = "AsyncEventsDropped";

	static final String RECURSIVE_INVOCATIONS_DROPPED = "RecursiveInvocationsDropped";

	static final List<String> METRICS = List.of(INVOCATIONS, ERRORS, THROTTLES, DEAD_LETTER_ERRORS,
			DESTINATION_DELIVERY_FAILURES, ASYNC_EVENTS_RECEIVED, ASYNC_EVENT_AGE, ASYNC_EVENTS_DROPPED,
			RECURSIVE_INVOCATIONS_DROPPED);

	private FunctionViews() {
	}

	/**
	 * The datapoints of a metric, oldest first: 1 per occurrence, or the age in milliseconds for
	 * {@code AsyncEventAge} (one per attempt of an asynchronous event).
	 *
	 * @throws IllegalArgumentException for a metric Lambda does not emit here, listing those it does
	 */
	static List<Double> datapoints(List<JournalEntry> entries, String metric) {
		if (!METRICS.contains(metric)) {
			throw new IllegalArgumentException("Unknown metric \"" + metric + "\". Lambda metrics of the sandbox: "
					+ String.join(", ", METRICS) + ".");
		}
		List<Double> points = new ArrayList<>();
		Map<String, Accepted> asyncRequests = new HashMap<>();
		for (JournalEntry entry : entries) {
			boolean counts = switch (metric) {
				case INVOCATIONS -> entry instanceof AttemptStarted;
				case ERRORS -> entry instanceof AttemptEnded e && !e.succeeded();
				case THROTTLES -> entry instanceof JournalEntry.Throttled;
				case DEAD_LETTER_ERRORS -> entry instanceof JournalEntry.DeliveryFailed f && f.deadLetter();
				case DESTINATION_DELIVERY_FAILURES -> entry instanceof JournalEntry.DeliveryFailed f && !f.deadLetter();
				case ASYNC_EVENTS_RECEIVED -> entry instanceof Accepted a && a.type() == InvocationType.EVENT;
				case ASYNC_EVENTS_DROPPED -> entry instanceof JournalEntry.EventDropped;
				case RECURSIVE_INVOCATIONS_DROPPED -> entry instanceof JournalEntry.RecursiveInvocationDropped;
				default -> false;
			};
			if (counts) {
				points.add(1.0);
			}
			if (metric.equals(ASYNC_EVENT_AGE)) {
				if (entry instanceof Accepted a && a.type() == InvocationType.EVENT) {
					asyncRequests.put(a.requestId(), a);
				}
				else if (entry instanceof AttemptStarted s && asyncRequests.containsKey(s.requestId())) {
					points.add((double) Duration.between(asyncRequests.get(s.requestId()).at(), s.at()).toMillis());
				}
			}
		}
		return points;
	}

	static MetricStatistics statistics(List<JournalEntry> entries, String metric) {
		List<Double> points = datapoints(entries, metric);
		if (points.isEmpty()) {
			return MetricStatistics.none(metric);
		}
		double sum = 0;
		double min = Double.MAX_VALUE;
		double max = -Double.MAX_VALUE;
		for (double point : points) {
			sum += point;
			min = Math.min(min, point);
			max = Math.max(max, point);
		}
		return new MetricStatistics(metric, points.size(), sum, sum / points.size(), min, max);
	}

	/**
	 * The function's CloudWatch log lines: {@code START}, what the handler wrote, the runtime's error lines,
	 * {@code END} and the tab-separated {@code REPORT} ({@code Status: timeout}, or {@code Status: error} with
	 * {@code Error Type: Runtime.ExitError} after the runtime exited).
	 *
	 * @param timeoutSeconds the function's timeout: a timed-out attempt's REPORT shows it as its duration
	 */
	static List<String> logs(List<JournalEntry> entries, int timeoutSeconds) {
		List<String> lines = new ArrayList<>();
		for (JournalEntry entry : entries) {
			if (entry instanceof AttemptStarted s) {
				lines.add("START RequestId: " + s.requestId() + " Version: " + s.version());
			}
			else if (entry instanceof JournalEntry.LogLine l) {
				lines.add(l.text());
			}
			else if (entry instanceof AttemptEnded e) {
				lines.add("END RequestId: " + e.requestId());
				lines.add(report(e, timeoutSeconds));
			}
		}
		return lines;
	}

	private static String report(AttemptEnded e, int timeoutSeconds) {
		double millis = e.outcome() == Outcome.TIMEOUT ? timeoutSeconds * 1000.0
				: (e.duration().toNanos() + e.runTime().toNanos()) / 1_000_000.0;
		StringBuilder line = new StringBuilder("REPORT RequestId: ").append(e.requestId())
				.append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", millis)).append(" ms")
				.append("\tBilled Duration: ").append((long) Math.ceil(millis)).append(" ms")
				.append("\tMemory Size: ").append(e.memorySize()).append(" MB")
				.append("\tMax Memory Used: ").append(e.maxMemoryUsed()).append(" MB");
		if (e.initDuration() != null) {
			line.append("\tInit Duration: ").append(String.format(Locale.ROOT, "%.2f", e.initDuration().toNanos() / 1_000_000.0))
					.append(" ms");
		}
		if (e.outcome() == Outcome.TIMEOUT) {
			line.append("\tStatus: timeout");
		}
		else if (FunctionRuntime.EXIT_ERROR.equals(e.errorType())) {
			// the runtime process exited: Lambda's REPORT line says so
			line.append("\tStatus: error\tError Type: ").append(FunctionRuntime.EXIT_ERROR);
		}
		return line.append('\t').toString();
	}
}
