package io.github.lambdasandbox.internal.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.lambdasandbox.internal.json.MessageAttributeValue;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.internal.config.QueueConfig;
import io.github.lambdasandbox.internal.json.Arns;

/** An SQS queue of the sandbox. */
final class SimulatedQueue implements SqsQueue {

	/** SQS's maximum message size (1 MiB since 2025): body and attributes. */
	static final int MAX_MESSAGE_BYTES = 1_048_576;

	record Message(String messageId, String body, Map<String, MessageAttributeValue> attributeMap, Instant sentAt)
			implements SqsMessage {

		@Override
		public String attribute(String name) {
			MessageAttributeValue attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.text();
		}

		@Override
		public String attributeDataType(String name) {
			MessageAttributeValue attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.dataType();
		}

		@Override
		public Map<String, String> attributes() {
			Map<String, String> values = new LinkedHashMap<>();
			attributeMap.forEach((name, attribute) -> values.put(name, attribute.text()));
			return Collections.unmodifiableMap(values);
		}

		@Override
		public String toString() {
			return "SqsMessage[" + messageId + ", body=" + body + (attributeMap.isEmpty() ? "" : ", attributes=" + attributes())
					+ "]";
		}
	}

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final ArrayDeque<SqsMessage> messages = new ArrayDeque<>();

	SimulatedQueue(SandboxEngine engine, QueueConfig config) {
		this.engine = engine;
		this.name = config.name();
		this.resource = "sqs:" + name;
	}

	@Override
	public Sandbox sandbox() {
		return engine;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String arn() {
		return Arns.queue(name);
	}

	@Override
	public boolean isFifo() {
		return name.endsWith(".fifo");
	}

	String resource() {
		return resource;
	}

	@Override
	public List<SqsMessage> messages() {
		return engine.executive.read(() -> List.copyOf(messages));
	}

	@Override
	public Optional<SqsMessage> receive() {
		return engine.executive.read(() -> {
			SqsMessage message = messages.pollFirst();
			if (message != null) {
				JournalStore journal = engine.journal;
				journal.append(new JournalEntry.MessageDeleted(journal.next(), engine.executive.instant(), resource,
						message.messageId()));
			}
			return Optional.ofNullable(message);
		});
	}

	@Override
	public String sendMessage(String body) {
		if (body == null || body.isEmpty()) {
			throw new IllegalArgumentException("An SQS message body must not be empty (AWS: MissingParameter).");
		}
		return engine.executive.command(() -> deliver(body, Map.of(), null, null));
	}

	/** Puts a message in the queue and journals it. Engine only. */
	String deliver(String body, Map<String, MessageAttributeValue> attributes, String requestId, String function) {
		String id = engine.ids.uuid();
		Map<String, MessageAttributeValue> attributeMap = attributes.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		Message message = new Message(id, body, attributeMap, engine.executive.instant());
		messages.addLast(message);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.MessageSent(journal.next(), message.sentAt(), requestId, function, resource, message));
		return id;
	}

	@Override
	public String toString() {
		return "SqsQueue[" + name + "]";
	}
}
