package io.github.lambdasandbox.assertions;

import java.time.Instant;
import java.util.Map;

import io.github.lambdasandbox.SnsMessage;
import io.github.lambdasandbox.SqsMessage;

/**
 * A message as the record and message assertions read it, taken from where it arrived: a message published to a topic
 * (its body is the SNS {@code Message}), or an event's {@code detail}.
 *
 * @param subject the SNS {@code Subject}, or null
 */
record Published(String messageId, String body, String subject, Map<String, String> attributes, Instant sentAt)
		implements SqsMessage {

	static Published of(SnsMessage message) {
		return new Published(message.messageId(), message.message(), message.subject(), message.attributes(),
				message.publishedAt());
	}

	@Override
	public int approximateReceiveCount() {
		return 0;
	}

	@Override
	public String messageGroupId() {
		return null;
	}

	@Override
	public String attribute(String name) {
		return attributes.get(name);
	}

	/** SNS keeps the data types of attributes for subscribers; the published message shows their values. */
	@Override
	public String attributeDataType(String name) {
		return null;
	}

	@Override
	public String toString() {
		return "Message[" + messageId + ", " + body + (attributes.isEmpty() ? "" : ", attributes=" + attributes) + "]";
	}
}
