package io.github.lambdasandbox.internal.services;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.lambdasandbox.SnsMessage;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.internal.json.Arns;

/** An in-memory SNS topic that keeps what is published to it. */
public final class SnsTopicImpl implements SnsTopic {

	/** SNS's maximum message size: 256 KB. */
	public static final int MAX_MESSAGE_BYTES = 262_144;

	private record Message(String messageId, String message, String subject, Map<String, MessageAttribute> attributeMap,
			Instant publishedAt) implements SnsMessage {

		@Override
		public String attribute(String name) {
			MessageAttribute attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.stringValue();
		}

		@Override
		public Map<String, String> attributes() {
			Map<String, String> values = new LinkedHashMap<>();
			attributeMap.forEach((name, attribute) -> values.put(name, attribute.stringValue()));
			return Collections.unmodifiableMap(values);
		}
	}

	private final String name;

	private final Function<String, String> ids;

	private final Supplier<Instant> clock;

	private final List<SnsMessage> messages = new ArrayList<>();

	public SnsTopicImpl(String name, Function<String, String> ids, Supplier<Instant> clock) {
		this.name = name;
		this.ids = ids;
		this.clock = clock;
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
	public synchronized List<SnsMessage> messages() {
		return List.copyOf(messages);
	}

	/**
	 * @param cause what the message id derives from when the engine publishes (see {@code Ids})
	 */
	public String publish(String message, String subject, Map<String, MessageAttribute> attributes, String cause) {
		String id = ids.apply(cause);
		Message published = new Message(id, message, subject, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
				clock.get());
		synchronized (this) {
			messages.add(published);
		}
		return id;
	}

	@Override
	public String toString() {
		return "SnsTopic[" + name + "]";
	}
}
