package io.github.lambdasandbox.assertions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SnsMessage;
import io.github.lambdasandbox.SqsMessage;

/**
 * What reached each queue, topic and bus, from the journal, and which of it the assertions have matched already: two
 * {@code receivesRecord()} match two records, and the queue keeps both. Queues are keyed by name, topics and buses by
 * resource ({@code sns:alerts}, {@code events:default}).
 */
final class Deliveries {

	private static final Map<Sandbox, Map<String, Set<String>>> MATCHED = Collections.synchronizedMap(new WeakHashMap<>());

	private Deliveries() {
	}

	/** Every message that reached the queue, oldest first (also those received or deleted since). */
	static List<SqsMessage> of(Sandbox sandbox, String queue) {
		return entries(sandbox, "sqs:" + queue, JournalEntry.MessageSent.class, JournalEntry.MessageSent::message);
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
		match(sandbox, queue, message.messageId());
	}

	/** What was published to a topic, oldest first. */
	static List<SnsMessage> publishedTo(Sandbox sandbox, String topic) {
		return entries(sandbox, "sns:" + topic, JournalEntry.Published.class, JournalEntry.Published::message);
	}

	/** What was put on a bus, oldest first. */
	static List<JournalEntry.EventPut> putOn(Sandbox sandbox, String bus) {
		return entries(sandbox, "events:" + bus, JournalEntry.EventPut.class, put -> put);
	}

	/** What the journal's entries of a kind at a resource carry, oldest first. */
	private static <E extends JournalEntry, T> List<T> entries(Sandbox sandbox, String resource, Class<E> kind,
			Function<E, T> carried) {
		List<T> values = new ArrayList<>();
		for (JournalEntry entry : sandbox.journal().ofResource(resource)) {
			if (kind.isInstance(entry)) {
				values.add(carried.apply(kind.cast(entry)));
			}
		}
		return values;
	}

	/** Of {@code all}, those no assertion matched yet at {@code key} that {@code kind} accepts, oldest first. */
	static <T> List<T> unmatched(Sandbox sandbox, String key, List<T> all, Function<T, String> id, Predicate<T> kind) {
		Set<String> matched = matched(sandbox, key);
		return all.stream().filter(item -> !matched.contains(id.apply(item)) && kind.test(item)).toList();
	}

	static void match(Sandbox sandbox, String key, String id) {
		synchronized (MATCHED) {
			MATCHED.computeIfAbsent(sandbox, s -> new HashMap<>()).computeIfAbsent(key, q -> new HashSet<>()).add(id);
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
