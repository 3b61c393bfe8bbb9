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
		List<FunctionHandle> functions = sandbox.functions();
		if (!functions.isEmpty()) {
			out.append("Routing:\n");
			for (FunctionHandle function : functions) {
				out.append("  ").append(function.name()).append(": on-success → ").append(or(function.onSuccess()))
						.append(", on-failure → ").append(or(function.onFailure())).append(", dead-letter queue → ")
						.append(or(function.deadLetterQueue())).append('\n');
			}
		}
		// the requests of the functions that send to this queue; if none ran, every request: the event went elsewhere
		String timeline = timelineOf(sandbox, sendersTo(functions, "sqs:" + queueName));
		out.append(timeline != null ? timeline : sandbox.timeline());
		return out.toString().stripTrailing();
	}

	/** The record or message, and the timeline of its request. */
	static String ofRequest(Sandbox sandbox, String requestId) {
		return sandbox == null || requestId == null ? "" : "\n" + sandbox.journal().timeline(requestId);
	}

	/** The last error of the functions that send to a queue: the cause to attach to a failure. */
	static Optional<Throwable> lastErrorOf(Sandbox sandbox, String queueName) {
		for (FunctionHandle function : sendersTo(sandbox.functions(), "sqs:" + queueName)) {
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
		List<String> requests = new ArrayList<>();
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
		Duration d = Duration.between(sandbox.clock().start(), sandbox.clock().now());
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
}
