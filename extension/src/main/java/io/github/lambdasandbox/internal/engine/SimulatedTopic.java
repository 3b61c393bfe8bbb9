package io.github.lambdasandbox.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.internal.json.MessageAttributeValue;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SnsMessage;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.internal.json.Arns;

/** An SNS topic of the sandbox: it keeps what is published to it. */
final class SimulatedTopic implements SnsTopic {

	/** SNS's maximum message size: 256 KiB, body and attributes. */
	static final int MAX_MESSAGE_BYTES = 262_144;

	private record Message(String messageId, String message, String subject, Map<String, MessageAttributeValue> attributeMap,
			Instant publishedAt) implements SnsMessage {

		@Override
		public String attribute(String name) {
			MessageAttributeValue attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.text();
		}

		@Override
		public Map<String, String> attributes() {
			Map<String, String> values = new LinkedHashMap<>();
			attributeMap.forEach((name, attribute) -> values.put(name, attribute.text()));
			return Collections.unmodifiableMap(values);
		}
	}

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final List<SnsMessage> messages = new ArrayList<>();

	SimulatedTopic(SandboxEngine engine, String name) {
		this.engine = engine;
		this.name = name;
		this.resource = "sns:" + name;
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
		return Arns.topic(name);
	}

	@Override
	public boolean isFifo() {
		return name.endsWith(".fifo");
	}

	@Override
	public List<SnsMessage> messages() {
		return engine.executive.read(() -> List.copyOf(messages));
	}

	/** Publishes and journals. Engine only. */
	String publish(String message, String subject, Map<String, MessageAttributeValue> attributes, String requestId,
			String function) {
		String id = engine.ids.uuid();
		Map<String, MessageAttributeValue> attributeMap = attributes.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		Message published = new Message(id, message, subject, attributeMap, engine.executive.instant());
		messages.add(published);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.Published(journal.next(), published.publishedAt(), requestId, function, resource,
				published));
		return id;
	}

	@Override
	public String toString() {
		return "SnsTopic[" + name + "]";
	}
}
