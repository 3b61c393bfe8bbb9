package io.github.lambdasandbox.internal.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.JournalEntry.AttemptEnded;
import io.github.lambdasandbox.JournalEntry.AttemptStarted;
import io.github.lambdasandbox.JournalEntry.InvocationType;

/**
 * The text timeline: a view of the journal, request by request, in virtual time. Bounded: a timeline never
 * grows past a few hundred lines, whatever the journal holds, and says what it left out.
 */
final class Timelines {

	/** Requests shown in full at the start and at the end of a long timeline. */
	static final int REQUESTS_AT_EACH_END = 10;

	/** Lines shown at the start and at the end of a long request. */
	static final int LINES_AT_EACH_END = 15;

	private Timelines() {
	}

	/** {@code +0s}, {@code +60s}, {@code +1.5s}. */
	static String offset(Instant from, Instant to) {
		Duration d = Duration.between(from, to);
		BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
		return (d.isNegative() ? "" : "+") + seconds.stripTrailingZeros().toPlainString() + "s";
	}

	static String seconds(Duration duration) {
		return offset(Instant.EPOCH, Instant.EPOCH.plus(duration)).substring(1);
	}

	/** The timeline of the requests in {@code entries} (any entries: those without a request are left out). */
	static String render(List<JournalEntry> entries) {
		return render(entries, null);
	}

	/**
	 * As {@link #render(List)}; with the sandbox's start, each request's header says when it began (a retry or a
	 * later batch does not begin at +0s).
	 */
	static String render(List<JournalEntry> entries, Instant start) {
		Map<String, List<JournalEntry>> requests = new LinkedHashMap<>();
		for (JournalEntry entry : entries) {
			if (entry.requestId() != null && shown(entry)) {
				requests.computeIfAbsent(entry.requestId(), id -> new ArrayList<>()).add(entry);
			}
		}
		if (requests.isEmpty()) {
			return "No request so far.";
		}
		List<String> ids = new ArrayList<>(requests.keySet());
		StringBuilder out = new StringBuilder();
		int skipped = ids.size() - 2 * REQUESTS_AT_EACH_END;
		for (int i = 0; i < ids.size(); i++) {
			if (skipped > 0 && i == REQUESTS_AT_EACH_END) {
				out.append("… ").append(skipped).append(skipped == 1 ? " more request" : " more requests")
						.append(" (sandbox.journal() has every entry)\n");
				i += skipped - 1;
				continue;
			}
			renderRequest(out, ids.get(i), requests.get(ids.get(i)), start);
		}
		return out.toString().stripTrailing();
	}

	/** The timeline of one request, from its entries. */
	static String renderRequest(String requestId, List<JournalEntry> entries) {
		List<JournalEntry> shown = entries.stream().filter(Timelines::shown).toList();
		if (shown.isEmpty()) {
			return "No request " + requestId + " in this sandbox.";
		}
		StringBuilder out = new StringBuilder();
		renderRequest(out, requestId, shown, null);
		return out.toString().stripTrailing();
	}

	private static boolean shown(JournalEntry entry) {
		return !(entry instanceof JournalEntry.LogLine || entry instanceof JournalEntry.MessageSent
				|| entry instanceof JournalEntry.Published || entry instanceof JournalEntry.EventPut
				|| entry instanceof JournalEntry.ObjectPut || entry instanceof JournalEntry.MessageDeleted
				|| entry instanceof JournalEntry.RecordPut || entry instanceof JournalEntry.ItemChanged
				|| entry instanceof JournalEntry.ObjectDeleted);
	}

	private static void renderRequest(StringBuilder out, String requestId, List<JournalEntry> entries, Instant start) {
		JournalEntry first = entries.get(0);
		String function = entries.stream().map(JournalEntry::function).filter(f -> f != null).findFirst().orElse("?");
		// the function as the caller named it: f, or f:prod
		for (JournalEntry entry : entries) {
			if (entry instanceof JournalEntry.Accepted a) {
				function = a.invokedAs();
				break;
			}
		}
		out.append("Timeline of request ").append(requestId).append("  (function ").append(function)
				.append(start == null || start.equals(first.at()) ? "" : ", from " + offset(start, first.at())).append(")\n");
		Instant from = first.at();
		List<String[]> lines = new ArrayList<>();
		Map<Integer, AttemptStarted> started = new LinkedHashMap<>();
		for (JournalEntry entry : entries) {
			if (entry instanceof AttemptStarted s) {
				started.put(s.attempt(), s);
				continue;
			}
			if (entry instanceof AttemptEnded e) {
				AttemptStarted s = started.remove(e.attempt());
				if (s != null && !e.duration().isZero()) {
					lines.add(new String[] { offset(from, s.at()), "attempt " + e.attempt() + version(s) + " started"
							+ (s.coldStart() ? " (cold start)" : "") });
					lines.add(new String[] { offset(from, e.at()), "attempt " + e.attempt() + " → " + outcome(e) + " after "
							+ seconds(e.duration()) });
				}
				else {
					lines.add(new String[] { offset(from, s == null ? e.at() : s.at()), "attempt " + e.attempt() + version(s)
							+ " → " + outcome(e) });
				}
				continue;
			}
			lines.add(new String[] { offset(from, entry.at()), describe(entry) });
		}
		for (AttemptStarted s : started.values()) {
			lines.add(new String[] { offset(from, s.at()), "attempt " + s.attempt() + " started, still running" });
		}
		int skipped = lines.size() - 2 * LINES_AT_EACH_END;
		for (int i = 0; i < lines.size(); i++) {
			if (skipped > 0 && i == LINES_AT_EACH_END) {
				out.append("  … ").append(skipped).append(" more entries\n");
				i += skipped - 1;
				continue;
			}
			String offset = lines.get(i)[0];
			out.append("  ").append(offset).append(" ".repeat(Math.max(1, 10 - offset.length()))).append(lines.get(i)[1])
					.append('\n');
		}
	}

	/** {@code " (version 2)"} for an attempt of a published version; nothing for {@code $LATEST}. */
	private static String version(AttemptStarted started) {
		return started == null || FunctionRuntime.LATEST.equals(started.version()) ? "" : " (version " + started.version() + ")";
	}

	private static String outcome(AttemptEnded ended) {
		return switch (ended.outcome()) {
			case SUCCESS -> "success, 200";
			case TIMEOUT -> "timed out: " + firstLine(ended.errorMessage());
			case FUNCTION_ERROR -> "function error: " + ended.errorType()
					+ (ended.errorMessage() == null ? "" : ": " + firstLine(ended.errorMessage()));
		};
	}

	private static String describe(JournalEntry entry) {
		if (entry instanceof JournalEntry.Accepted a) {
			return a.type() == InvocationType.EVENT ? "accepted (202) from " + a.origin() + ", async queue"
					: "invoked (RequestResponse) from " + a.origin();
		}
		if (entry instanceof JournalEntry.Throttled t) {
			return "throttled (429, " + t.reason() + ")";
		}
		if (entry instanceof JournalEntry.RetryScheduled r) {
			return r.afterThrottle() ? "back to the queue: next try in " + seconds(r.delay()) + " (a throttle does not use up a retry)"
					: "retry " + r.retry() + " in " + seconds(r.delay());
		}
		if (entry instanceof JournalEntry.EventAgeExceeded e) {
			return e.wouldRetryIn() != null ? "a retry in " + seconds(e.wouldRetryIn()) + " would pass the maximum event age of "
					+ seconds(e.maximumAge()) : "the event reached the maximum event age of " + seconds(e.maximumAge());
		}
		if (entry instanceof JournalEntry.RecursiveInvocationDropped r) {
			return "recursive loop: " + r.function() + " ran " + r.chain().get(r.function()) + " times in this chain of requests "
					+ r.chain() + ", Lambda stops this invocation (RecursiveInvocationsDropped)";
		}
		if (entry instanceof JournalEntry.EventDropped d) {
			return "failed (" + d.condition().awsName() + ")" + (d.routed() ? ""
					: ", dropped: no on-failure destination and no dead-letter queue (AsyncEventsDropped)");
		}
		if (entry instanceof JournalEntry.RecordDelivered r) {
			String what = "record (" + r.condition().awsName() + ") → " + r.resource();
			return r.resource().startsWith("lambda:") ? what + " (request " + r.messageId() + ")"
					: r.resource().startsWith("s3:") ? what + " as " + r.messageId() : what;
		}
		if (entry instanceof JournalEntry.DeadLetterDelivered d) {
			return "event → dead-letter queue " + d.resource();
		}
		if (entry instanceof JournalEntry.DeliveryFailed f) {
			return f.deadLetter()
					? "event → dead-letter queue " + f.resource() + " NOT delivered: " + f.reason() + " (DeadLetterErrors)"
					: "record (" + f.condition().awsName() + ") → " + f.resource() + " NOT delivered: " + f.reason()
							+ " (DestinationDeliveryFailures)";
		}
		if (entry instanceof JournalEntry.BatchInvoked b) {
			return "batch of " + b.items().size() + " from " + b.resource() + (b.shardId() == null ? "" : " " + b.shardId())
					+ (b.attempt() > 1 ? ", attempt " + b.attempt() : "") + " (mapping " + b.mapping() + "): "
					+ items(b.items());
		}
		if (entry instanceof JournalEntry.BatchEnded e) {
			return switch (e.outcome()) {
				case SUCCESS -> "batch succeeded";
				case PARTIAL_FAILURE -> "batch partly failed: " + items(e.failedItems());
				case FAILURE -> "batch failed";
				case THROTTLED -> "batch throttled (it did not reach the function)";
			};
		}
		if (entry instanceof JournalEntry.RecordsDiscarded d) {
			return "gave up on " + items(d.items()) + " (" + d.condition().awsName() + ")" + (d.destination() == null
					? ": no on-failure destination, the records are lost" : ": a record of them → " + d.destination());
		}
		if (entry instanceof JournalEntry.BatchRetryScheduled r) {
			return r.retry() == 0 ? "batch tried again in " + seconds(r.delay()) + " (a throttle does not use up a retry)"
					: "retry " + r.retry() + " of the batch in " + seconds(r.delay()) + "; the shard waits";
		}
		if (entry instanceof JournalEntry.BatchSplit b) {
			return "batch split in two: " + items(b.first()) + " then " + items(b.second()) + " (no retry used up)";
		}
		if (entry instanceof JournalEntry.Checkpointed c) {
			return "checkpoint of " + c.shardId() + " past " + c.sequenceNumber();
		}
		if (entry instanceof JournalEntry.FaultInjected f) {
			return "injected fault: " + f.fault();
		}
		String routing = describeRouting(entry);
		return routing != null ? routing : entry.toString();
	}

	/** What topics, buses and buckets did with what reached them; null for other entries. */
	private static String describeRouting(JournalEntry entry) {
		if (entry instanceof JournalEntry.SubscriptionDelivered d) {
			return d.resource() + " → " + d.endpoint() + (d.endpoint().startsWith("lambda:") ? " (subscription; request "
					+ d.deliveredId() + ")" : d.rawMessageDelivery() ? " (subscription, raw message)" : " (subscription)");
		}
		if (entry instanceof JournalEntry.MessageFiltered f) {
			return f.resource() + " ↛ " + f.endpoint() + ": its filter policy " + f.filterPolicy()
					+ (f.filterPolicyScope().equals("MessageBody") ? " (on the body)" : "") + " does not match message "
					+ f.messageId();
		}
		if (entry instanceof JournalEntry.RuleMatched m) {
			return m.resource() + " rule " + m.rule() + " → " + m.target() + (m.target().startsWith("lambda:")
					? " (request " + m.deliveredId() + ")" : "");
		}
		if (entry instanceof JournalEntry.EventUnmatched u) {
			return u.resource() + ": event " + u.eventId() + " matches none of its rules " + u.rules();
		}
		if (entry instanceof JournalEntry.PutToMissingBus p) {
			return "event " + p.eventId() + " put on " + p.resource() + ", which does not exist: EventBridge answers "
					+ "with an event id and drops it";
		}
		if (entry instanceof JournalEntry.NotificationSent n) {
			return n.resource() + " " + n.eventName() + (n.key() == null ? "" : " " + n.key()) + " → " + n.target()
					+ (n.target().startsWith("lambda:") ? " (request " + n.deliveredId() + ")" : "");
		}
		if (entry instanceof JournalEntry.NotificationFiltered n) {
			return n.resource() + " " + n.eventName() + " " + n.key() + " ↛ " + n.target() + ": " + n.reason();
		}
		if (entry instanceof JournalEntry.NotDelivered n) {
			return n.resource() + " → " + n.target() + " NOT delivered (" + n.route() + "): " + n.reason();
		}
		return null;
	}

	/** A list of ids, shortened: {@code [a, b, … 8 more]}. */
	static String items(List<String> items) {
		if (items.size() <= 4) {
			return items.toString();
		}
		return "[" + String.join(", ", items.subList(0, 3)) + ", … " + (items.size() - 3) + " more]";
	}

	static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline) + " …";
	}
}
