package io.github.lambdasandbox.assertions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;

/**
 * What reached each queue, from the journal, and which of it the assertions have matched already: two
 * {@code receivesRecord()} match two records, and the queue keeps both.
 */
final class Deliveries {

	private static final Map<Sandbox, Map<String, Set<String>>> MATCHED = Collections.synchronizedMap(new WeakHashMap<>());

	private Deliveries() {
	}

	/** Every message that reached the queue, oldest first (also those received or deleted since). */
	static List<SqsMessage> of(Sandbox sandbox, String queue) {
		List<SqsMessage> messages = new ArrayList<>();
		for (JournalEntry entry : sandbox.journal().ofResource("sqs:" + queue)) {
			if (entry instanceof JournalEntry.MessageSent sent) {
				messages.add(sent.message());
			}
		}
		return messages;
	}

	/** The oldest message of the queue that no assertion matched yet and that {@code kind} accepts. */
	static SqsMessage firstUnmatched(Sandbox sandbox, String queue, Predicate<SqsMessage> kind) {
		Set<String> matched = matched(sandbox, queue);
		for (SqsMessage message : of(sandbox, queue)) {
			if (!matched.contains(message.messageId()) && kind.test(message)) {
				return message;
			}
		}
		return null;
	}

	/** The messages of the queue that no assertion matched, that {@code kind} accepts. */
	static List<SqsMessage> unmatched(Sandbox sandbox, String queue, Predicate<SqsMessage> kind) {
		Set<String> matched = matched(sandbox, queue);
		return of(sandbox, queue).stream().filter(m -> !matched.contains(m.messageId()) && kind.test(m)).toList();
	}

	static void match(Sandbox sandbox, String queue, SqsMessage message) {
		synchronized (MATCHED) {
			MATCHED.computeIfAbsent(sandbox, s -> new HashMap<>()).computeIfAbsent(queue, q -> new HashSet<>())
					.add(message.messageId());
		}
	}

	private static Set<String> matched(Sandbox sandbox, String queue) {
		synchronized (MATCHED) {
			Map<String, Set<String>> queues = MATCHED.get(sandbox);
			Set<String> ids = queues == null ? null : queues.get(queue);
			return ids == null ? Set.of() : Set.copyOf(ids);
		}
	}
}
