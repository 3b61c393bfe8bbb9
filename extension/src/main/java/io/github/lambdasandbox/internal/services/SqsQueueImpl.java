package io.github.lambdasandbox.internal.services;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.internal.json.Arns;

/** An in-memory SQS queue. */
public final class SqsQueueImpl implements SqsQueue {

	private record Message(String messageId, String body, Map<String, MessageAttribute> attributeMap, Instant sentAt)
			implements SqsMessage {

		@Override
		public String attribute(String name) {
			MessageAttribute attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.stringValue();
		}

		@Override
		public String attributeDataType(String name) {
			MessageAttribute attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.dataType();
		}

		@Override
		public Map<String, String> attributes() {
			Map<String, String> values = new LinkedHashMap<>();
			attributeMap.forEach((name, attribute) -> values.put(name, attribute.stringValue()));
			return Collections.unmodifiableMap(values);
		}

		@Override
		public String toString() {
			return "SqsMessage[" + messageId + ", body=" + body + (attributeMap.isEmpty() ? "" : ", attributes=" + attributes())
					+ "]";
		}
	}

	private final Sandbox sandbox;

	private final String name;

	private final Function<String, String> ids;

	private final Supplier<Instant> clock;

	private final Deque<SqsMessage> messages = new ArrayDeque<>();

	public SqsQueueImpl(Sandbox sandbox, String name, Function<String, String> ids, Supplier<Instant> clock) {
		this.sandbox = sandbox;
		this.name = name;
		this.ids = ids;
		this.clock = clock;
	}

	/** The sandbox the queue belongs to. */
	public Sandbox sandbox() {
		return sandbox;
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

	@Override
	public synchronized List<SqsMessage> messages() {
		return List.copyOf(messages);
	}

	@Override
	public synchronized Optional<SqsMessage> receive() {
		return Optional.ofNullable(messages.pollFirst());
	}

	@Override
	public String sendMessage(String body) {
		return send(body, Map.of(), "message to " + name);
	}

	/**
	 * @param cause what the message id derives from when the engine sends (see {@code Ids})
	 */
	public String send(String body, Map<String, MessageAttribute> attributes, String cause) {
		if (body == null || body.isEmpty()) {
			throw new IllegalArgumentException("An SQS message body must not be empty (AWS: MissingParameter).");
		}
		String id = ids.apply(cause);
		Message message = new Message(id, body, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)), clock.get());
		synchronized (this) {
			messages.addLast(message);
		}
		return id;
	}

	@Override
	public String toString() {
		return "SqsQueue[" + name + "]";
	}
}
