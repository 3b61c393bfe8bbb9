package io.github.lambdasandbox.assertions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;

/**
 * What a failure message shows besides its verdict: every queue and what it holds, the routing, and the timeline
 * of the requests involved. Bounded: a sandbox of thousands of events gives a message of some dozens of lines.
 */
final class Evidence {

	private static final int QUEUES_SHOWN = 15;

	private static final int REQUESTS_AT_EACH_END = 3;

	private Evidence() {
	}

	/** The sandbox state around a queue, for a failure message about that queue. */
	static String around(Sandbox sandbox, String queueName) {
		StringBuilder out = new StringBuilder();
		out.append("Queues at virtual time ").append(elapsed(sandbox)).append(":\n");
		List<SqsQueue> queues = sandbox.queues();
		for (int i = 0; i < queues.size(); i++) {
			if (i == QUEUES_SHOWN) {
				out.append("  … ").append(queues.size() - QUEUES_SHOWN).append(" more queues\n");
				break;
			}
			SqsQueue queue = queues.get(i);
			out.append("  \"").append(queue.name()).append("\": ").append(describe(queue.messages())).append('\n');
		}
		for (SnsTopic topic : sandbox.topics()) {
			out.append("  topic \"").append(topic.name()).append("\": ").append(topic.messages().size()).append(" published\n");
		}
		for (EventBus bus : sandbox.eventBuses()) {
			out.append("  event bus \"").append(bus.name()).append("\": ").append(bus.events().size()).append(" events\n");
		}
		return routingAndTimeline(out, sandbox, "sqs:" + queueName);
	}

	/** The sandbox state around a topic: what each topic holds, where the messages of this one went, the timeline. */
	static String aroundTopic(Sandbox sandbox, String topicName) {
		StringBuilder out = new StringBuilder();
		out.append("Topics at virtual time ").append(elapsed(sandbox)).append(":\n");
		for (SnsTopic topic : sandbox.topics()) {
			int published = topic.messages().size();
			out.append("  \"").append(topic.name()).append("\": ").append(published)
					.append(published == 1 ? " message published\n" : " messages published\n");
		}
		List<String> routes = new ArrayList<>();
		for (JournalEntry entry : sandbox.journal().ofResource("sns:" + topicName)) {
			if (entry instanceof JournalEntry.SubscriptionDelivered d) {
				routes.add("message " + d.messageId() + " → " + d.endpoint());
			}
			else if (entry instanceof JournalEntry.MessageFiltered f) {
				routes.add("message " + f.messageId() + " ↛ " + f.endpoint() + ": its filter policy " + f.filterPolicy()
						+ " does not match");
			}
			else if (entry instanceof JournalEntry.NotDelivered n) {
				routes.add("message " + n.messageId() + " ↛ " + n.target() + ": " + n.reason());
			}
		}
		routes(out, "Where the messages of \"" + topicName + "\" went", routes);
		return routingAndTimeline(out, sandbox, "sns:" + topicName);
	}

	/** The sandbox state around a bucket: what each bucket holds, the routing, the timeline. */
	static String aroundBucket(Sandbox sandbox, String bucketName) {
		StringBuilder out = new StringBuilder();
		out.append("Buckets at virtual time ").append(elapsed(sandbox)).append(":\n");
		for (io.github.lambdasandbox.S3Bucket bucket : sandbox.buckets()) {
			List<String> keys = bucket.keys();
			out.append("  \"").append(bucket.name()).append("\": ").append(keys.size())
					.append(keys.size() == 1 ? " object" : " objects").append(keys.isEmpty() ? "" : " " + abbreviated(keys))
					.append('\n');
		}
		return routingAndTimeline(out, sandbox, "s3:" + bucketName);
	}

	private static String abbreviated(List<String> keys) {
		return keys.size() <= 5 ? keys.toString() : keys.subList(0, 5) + " … " + (keys.size() - 5) + " more";
	}

	/** The sandbox state around a bus: what each bus holds, where the events of this one went, the timeline. */
	static String aroundBus(Sandbox sandbox, String busName) {
		StringBuilder out = new StringBuilder();
		out.append("Event buses at virtual time ").append(elapsed(sandbox)).append(":\n");
		for (EventBus bus : sandbox.eventBuses()) {
			int events = bus.events().size();
			out.append("  \"").append(bus.name()).append("\": ").append(events).append(events == 1 ? " event\n" : " events\n");
		}
		Map<String, String> described = new LinkedHashMap<>();
		List<String> routes = new ArrayList<>();
		for (JournalEntry entry : sandbox.journal().ofResource("events:" + busName)) {
			if (entry instanceof JournalEntry.EventPut put) {
				described.put(put.eventId(), Events.describe(put.event()));
			}
			else if (entry instanceof JournalEntry.RuleMatched m) {
				routes.add("event " + described.getOrDefault(m.eventId(), m.eventId()) + ": rule " + m.rule() + " → " + m.target());
			}
			else if (entry instanceof JournalEntry.EventUnmatched u) {
				routes.add("event " + described.getOrDefault(u.eventId(), u.eventId()) + ": matches none of its rules "
						+ u.rules());
			}
			else if (entry instanceof JournalEntry.NotDelivered n) {
				routes.add("event " + described.getOrDefault(n.messageId(), n.messageId()) + ": rule " + n.route() + " ↛ "
						+ n.target() + ": " + n.reason());
			}
		}
		routes(out, "Where the events of \"" + busName + "\" went", routes);
		return routingAndTimeline(out, sandbox, "events:" + busName);
	}

	private static void routes(StringBuilder out, String title, List<String> routes) {
		if (routes.isEmpty()) {
			return;
		}
		out.append(title).append(":\n");
		int skipped = routes.size() - 2 * REQUESTS_AT_EACH_END;
		for (int i = 0; i < routes.size(); i++) {
			if (skipped > 1 && i == REQUESTS_AT_EACH_END) {
				out.append("  … ").append(skipped).append(" more\n");
				i += skipped - 1;
				continue;
			}
			out.append("  ").append(routes.get(i)).append('\n');
		}
	}

	/** How each function routes its outcomes, and the timeline of the requests of those that send to {@code target}. */
	private static String routingAndTimeline(StringBuilder out, Sandbox sandbox, String target) {
		List<FunctionHandle> functions = routes(sandbox);
		if (!functions.isEmpty()) {
			out.append("Routing:\n");
			for (FunctionHandle function : functions) {
				out.append("  ").append(invokedAs(function)).append(": on-success → ").append(or(function.onSuccess()))
						.append(", on-failure → ").append(or(function.onFailure())).append(", dead-letter queue → ")
						.append(or(function.deadLetterQueue())).append('\n');
			}
			for (io.github.lambdasandbox.EventSourceMappingHandle mapping : sandbox.eventSourceMappings()) {
				out.append("  ").append(mapping.functionName()).append(" ← ").append(mapping.source()).append(" (mapping, ")
						.append(mapping.state()).append(mapping.onFailure() == null ? "" : ", on-failure → " + mapping.onFailure())
						.append(")\n");
			}
		}
		// the requests of the functions that send to this target; if none ran, every request: the event went elsewhere
		String timeline = timelineOf(sandbox, sendersTo(functions, target));
		out.append(timeline != null ? timeline : sandbox.timeline());
		return out.toString().stripTrailing();
	}

	/** Log lines a message shows, at most: the last ones. */
	private static final int LOG_LINES_SHOWN = 40;

	/**
	 * A function (or version, or alias) as a failure message shows it: its metrics, routing, versions and aliases, what
	 * is still to come, and the timelines of its requests (bounded).
	 */
	static String aroundFunction(FunctionHandle function) {
		Sandbox sandbox = function.sandbox();
		StringBuilder out = new StringBuilder();
		out.append("Function \"").append(invokedAs(function)).append("\" at virtual time ").append(elapsed(sandbox)).append(":\n");
		List<String> metrics = new ArrayList<>();
		for (String metric : List.of("Invocations", "Errors", "Throttles", "AsyncEventsReceived", "AsyncEventsDropped",
				"DestinationDeliveryFailures", "DeadLetterErrors")) {
			metrics.add(metric + " " + function.metric(metric));
		}
		out.append("  metrics: ").append(String.join(", ", metrics)).append('\n');
		out.append("  routing: on-success → ").append(or(function.onSuccess())).append(", on-failure → ")
				.append(or(function.onFailure())).append(", dead-letter queue → ").append(or(function.deadLetterQueue()))
				.append('\n');
		List<String> aliases = new ArrayList<>();
		for (io.github.lambdasandbox.AliasConfiguration alias : function.aliases()) {
			aliases.add(alias.name() + " → " + alias.functionVersion() + (alias.additionalVersionWeights().isEmpty() ? ""
					: " " + alias.additionalVersionWeights()));
		}
		out.append("  versions: ").append(String.join(", ", function.versions())).append("; aliases: ")
				.append(aliases.isEmpty() ? "(none)" : String.join(", ", aliases)).append('\n');
		String pending = sandbox.pendingWork();
		if (!pending.equals("nothing scheduled")) {
			out.append("Still to come: ").append(pending).append(" (sandbox.settle() lets it happen)\n");
		}
		List<String> requests = new ArrayList<>();
		for (JournalEntry entry : entriesOf(function)) {
			if (entry instanceof JournalEntry.Accepted accepted) {
				requests.add(accepted.requestId());
			}
		}
		out.append(requests.isEmpty() ? "No request of " + invokedAs(function) + " so far." : timelines(sandbox, requests));
		return out.toString().stripTrailing();
	}

	/** {@code orders}, or {@code orders:prod}. */
	static String invokedAs(FunctionHandle function) {
		return function.qualifier() == null ? function.name() : function.name() + ":" + function.qualifier();
	}

	/** The journal entries of a function; of a version's or alias's handle, those of the requests made through it. */
	static List<JournalEntry> entriesOf(FunctionHandle function) {
		List<JournalEntry> entries = function.sandbox().journal().ofFunction(function.name());
		if (function.qualifier() == null) {
			return entries;
		}
		java.util.Set<String> requests = new java.util.HashSet<>();
		for (JournalEntry entry : entries) {
			if (entry instanceof JournalEntry.Accepted accepted && function.qualifier().equals(accepted.qualifier())) {
				requests.add(accepted.requestId());
			}
		}
		return entries.stream().filter(e -> e.requestId() != null && requests.contains(e.requestId())).toList();
	}

	/** The last log lines, indented, and how many were left out. */
	static String logLines(List<String> lines) {
		StringBuilder out = new StringBuilder();
		int from = Math.max(0, lines.size() - LOG_LINES_SHOWN);
		if (from > 0) {
			out.append("  … ").append(from).append(" earlier lines\n");
		}
		for (String line : lines.subList(from, lines.size())) {
			out.append("  ").append(line.replace("\t", "  ")).append('\n');
		}
		return out.toString();
	}

	/** The record or message, and the timeline of its request. */
	static String ofRequest(Sandbox sandbox, String requestId) {
		return sandbox == null || requestId == null ? "" : "\n" + sandbox.journal().timeline(requestId);
	}

	/**
	 * Where outcomes go: every function, and each version or alias with a configuration for asynchronous invocation of
	 * its own (events sent to it follow that one).
	 */
	private static List<FunctionHandle> routes(Sandbox sandbox) {
		List<FunctionHandle> routes = new ArrayList<>();
		for (FunctionHandle function : sandbox.functions()) {
			routes.add(function);
			List<String> qualifiers = new ArrayList<>(function.versions().subList(1, function.versions().size()));
			function.aliases().forEach(alias -> qualifiers.add(alias.name()));
			for (String qualifier : qualifiers) {
				FunctionHandle qualified = sandbox.function(function.name() + ":" + qualifier);
				if (qualified.eventInvokeConfig().isPresent()) {
					routes.add(qualified);
				}
			}
		}
		return routes;
	}

	/** The last error of the functions that send to a queue: the cause to attach to a failure. */
	static Optional<Throwable> lastErrorOf(Sandbox sandbox, String queueName) {
		return lastErrorOfSendersTo(sandbox, "sqs:" + queueName);
	}

	/** The last error of the functions whose destinations name {@code target} ({@code sns:alerts}, {@code events:b}). */
	static Optional<Throwable> lastErrorOfSendersTo(Sandbox sandbox, String target) {
		for (FunctionHandle function : sendersTo(routes(sandbox), target)) {
			Optional<Throwable> error = function.lastError();
			if (error.isPresent()) {
				return error;
			}
		}
		return Optional.empty();
	}

	private static List<FunctionHandle> sendersTo(List<FunctionHandle> functions, String target) {
		List<FunctionHandle> senders = new ArrayList<>();
		for (FunctionHandle function : functions) {
			if (function.onSuccess().filter(target::equals).isPresent() || function.onFailure().filter(target::equals).isPresent()
					|| function.deadLetterQueue().filter(target::equals).isPresent()) {
				senders.add(function);
			}
		}
		return senders;
	}

	private static String timelineOf(Sandbox sandbox, List<FunctionHandle> functions) {
		java.util.Set<String> requests = new java.util.LinkedHashSet<>();
		for (FunctionHandle function : functions) {
			for (JournalEntry entry : sandbox.journal().ofFunction(function.name())) {
				if (entry instanceof JournalEntry.Accepted accepted) {
					requests.add(accepted.requestId());
				}
			}
		}
		if (requests.isEmpty()) {
			return null;
		}
		return timelines(sandbox, new ArrayList<>(requests));
	}

	/** The timelines of requests: the first and the last few in full. */
	private static String timelines(Sandbox sandbox, List<String> requests) {
		StringBuilder out = new StringBuilder();
		int skipped = requests.size() - 2 * REQUESTS_AT_EACH_END;
		for (int i = 0; i < requests.size(); i++) {
			if (skipped > 0 && i == REQUESTS_AT_EACH_END) {
				out.append("… ").append(skipped).append(" more requests (sandbox.journal() has every entry)\n");
				i += skipped - 1;
				continue;
			}
			out.append(sandbox.journal().timeline(requests.get(i))).append('\n');
		}
		return out.toString();
	}

	private static String or(Optional<String> target) {
		return target.orElse("(none)");
	}

	/** "0 messages", "1 message (record Success)", "12 messages (records: 10 Success, 2 RetriesExhausted)". */
	static String describe(List<SqsMessage> messages) {
		if (messages.isEmpty()) {
			return "0 messages";
		}
		Map<String, Integer> kinds = new LinkedHashMap<>();
		for (SqsMessage message : messages) {
			kinds.merge(kind(message), 1, Integer::sum);
		}
		List<String> parts = new ArrayList<>();
		kinds.forEach((kind, count) -> parts.add(count == 1 ? kind : count + " × " + kind));
		return messages.size() + (messages.size() == 1 ? " message" : " messages") + " (" + String.join(", ", parts) + ")";
	}

	private static String kind(SqsMessage message) {
		String condition = Records.condition(message.body());
		if (condition != null) {
			return "record " + condition;
		}
		if (message.attribute("RequestID") != null) {
			return "dead letter";
		}
		return JsonValues.parseOrNull(message.body()) != null ? "JSON message" : "text message";
	}

	/** The virtual time since the sandbox started: {@code +180s}. */
	static String elapsed(Sandbox sandbox) {
		return offset(sandbox, sandbox.clock().now());
	}

	/** {@code +90s}: an instant of the sandbox as offset from its start. */
	static String offset(Sandbox sandbox, java.time.Instant at) {
		Duration d = Duration.between(sandbox.clock().start(), at);
		BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
		return "+" + seconds.stripTrailingZeros().toPlainString() + "s";
	}

	/** {@code 30s}, {@code 1.5s}, {@code 2m}: a duration as messages show it. */
	static String duration(Duration d) {
		if (d.toSeconds() == 0 && d.toNanosPart() % 1_000_000 == 0) {
			return d.toMillis() + "ms";
		}
		if (d.toSecondsPart() == 0 && d.toNanosPart() == 0 && d.toMinutes() > 0 && d.toMinutes() % 60 != 0) {
			return d.toMinutes() + "min";
		}
		BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
		return seconds.stripTrailingZeros().toPlainString() + "s";
	}

	/** Messages whose history is shown in full; the others are counted. */
	private static final int HISTORIES_SHOWN = 5;

	/**
	 * What happened to each message, from the journal: sent, received (by whom, how often), moved, deleted.
	 */
	static String messageHistories(Sandbox sandbox, String queueName, List<SqsMessage> messages) {
		StringBuilder out = new StringBuilder();
		List<JournalEntry> entries = sandbox.journal().entries();
		for (int i = 0; i < messages.size() && i < HISTORIES_SHOWN; i++) {
			SqsMessage message = messages.get(i);
			out.append("Message ").append(message.messageId()).append(" (").append(QueueAssert.abbreviate(message.body()))
					.append("):\n");
			for (JournalEntry entry : entries) {
				String line = historyLine(sandbox, entry, message.messageId());
				if (line != null) {
					out.append("  ").append(offset(sandbox, entry.at())).append("  ").append(line).append('\n');
				}
			}
		}
		if (messages.size() > HISTORIES_SHOWN) {
			out.append("… ").append(messages.size() - HISTORIES_SHOWN).append(" more messages\n");
		}
		return out.toString().stripTrailing();
	}

	private static String historyLine(Sandbox sandbox, JournalEntry entry, String messageId) {
		if (entry instanceof JournalEntry.MessageSent s && s.message().messageId().equals(messageId)) {
			return "reached " + s.resource() + (s.function() == null ? "" : " from " + s.function());
		}
		if (entry instanceof JournalEntry.MessageReceived r && r.messageId().equals(messageId)) {
			return "received (count " + r.receiveCount() + ") by " + r.by() + ", hidden until "
					+ offset(sandbox, r.visibleAgainAt());
		}
		if (entry instanceof JournalEntry.BatchEnded b && b.failedItems().contains(messageId)) {
			return "its batch " + (b.outcome() == JournalEntry.BatchOutcome.PARTIAL_FAILURE
					? "reported it as failed" : "failed") + " (request " + b.requestId() + ", function " + b.function() + ")";
		}
		if (entry instanceof JournalEntry.MessageMovedToDeadLetterQueue m
				&& m.messageId().equals(messageId)) {
			return "moved from " + m.resource() + " to " + m.deadLetterQueue() + " after " + m.receiveCount() + " receives";
		}
		return null;
	}
}
