package io.github.lambdasandbox.internal.json;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The event Lambda's SQS event source mapping passes to a function: {@code {"Records":[…]}}, one record per
 * message, field for field as AWS writes it (AWS-recorded):
 * {@code messageId, receiptHandle, body, attributes, messageAttributes, md5OfMessageAttributes, md5OfBody,
 * eventSource, eventSourceARN, awsRegion}. Without message attributes the record has
 * {@code "messageAttributes":{}} and {@code "md5OfMessageAttributes":null} (AWS-recorded; the DOC-2023 sample
 * in {@code sqs-event.json} leaves the digest out).
 *
 * <p>The poller keeps both attribute maps in {@code java.util.HashMap}s: AWS writes them in a HashMap's
 * iteration order (AWS-recorded for the system attributes: {@code ApproximateReceiveCount, SentTimestamp,
 * SenderId, ApproximateFirstReceiveTimestamp}; with a trace header {@code ApproximateReceiveCount,
 * AWSTraceHeader, …}; FIFO {@code ApproximateReceiveCount, SentTimestamp, SequenceNumber, MessageGroupId,
 * SenderId, MessageDeduplicationId, ApproximateFirstReceiveTimestamp}), and so does this writer, whatever order
 * the caller's maps have.
 */
public final class SqsEvents {

	/**
	 * The order in which the system attributes go into the HashMap. Only names in the same bucket keep this order
	 * ({@code ApproximateReceiveCount} before {@code AWSTraceHeader}, as recorded); names not listed follow in the
	 * caller's order.
	 */
	private static final List<String> SYSTEM_ATTRIBUTE_INSERTION_ORDER = List.of("ApproximateReceiveCount",
			"AWSTraceHeader", "SentTimestamp", "SequenceNumber", "MessageGroupId", "SenderId", "MessageDeduplicationId",
			"ApproximateFirstReceiveTimestamp", "DeadLetterQueueSourceArn");

	private SqsEvents() {
	}

	/**
	 * One message of the event.
	 *
	 * @param attributes the system attributes, values as SQS writes them (all strings), any order
	 * @param messageAttributes the message attributes in the order they were sent, any number
	 * @param md5OfMessageAttributes {@code null} when there are no message attributes
	 * @param eventSourceArn the queue's ARN; the record's {@code awsRegion} is its region
	 */
	public record Message(String messageId, String receiptHandle, String body, Map<String, String> attributes,
			Map<String, MessageAttributeValue> messageAttributes, String md5OfBody, String md5OfMessageAttributes,
			String eventSourceArn) {

		public Message {
			Objects.requireNonNull(messageId, "messageId");
			Objects.requireNonNull(receiptHandle, "receiptHandle");
			Objects.requireNonNull(body, "body");
			Objects.requireNonNull(md5OfBody, "md5OfBody");
			Objects.requireNonNull(eventSourceArn, "eventSourceArn");
			attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
			messageAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(messageAttributes));
		}
	}

	/** A message with its digests computed ({@link SqsChecksums}). */
	public static Message message(String messageId, String receiptHandle, String body, Map<String, String> attributes,
			Map<String, MessageAttributeValue> messageAttributes, String queueArn) {
		return new Message(messageId, receiptHandle, body, attributes, messageAttributes, SqsChecksums.md5OfBody(body),
				SqsChecksums.md5OfMessageAttributes(messageAttributes), queueArn);
	}

	/**
	 * The system attributes of a message of a standard queue.
	 *
	 * @param senderId {@link IamIdentities#TEST_USER_ID} for what the test sends,
	 * {@link IamIdentities#functionSenderId} for what a function sends
	 * @param awsTraceHeader {@code null} when the message has none
	 */
	public static Map<String, String> standardAttributes(int approximateReceiveCount, Instant sentTimestamp,
			String senderId, Instant approximateFirstReceiveTimestamp, String awsTraceHeader) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("ApproximateReceiveCount", Integer.toString(approximateReceiveCount));
		if (awsTraceHeader != null) {
			attributes.put("AWSTraceHeader", awsTraceHeader);
		}
		attributes.put("SentTimestamp", Long.toString(sentTimestamp.toEpochMilli()));
		attributes.put("SenderId", senderId);
		attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(approximateFirstReceiveTimestamp.toEpochMilli()));
		return attributes;
	}

	/** The system attributes of a message of a FIFO queue. */
	public static Map<String, String> fifoAttributes(int approximateReceiveCount, Instant sentTimestamp,
			String sequenceNumber, String messageGroupId, String senderId, String messageDeduplicationId,
			Instant approximateFirstReceiveTimestamp, String awsTraceHeader) {
		Map<String, String> attributes = standardAttributes(approximateReceiveCount, sentTimestamp, senderId,
				approximateFirstReceiveTimestamp, awsTraceHeader);
		attributes.put("SequenceNumber", sequenceNumber);
		attributes.put("MessageGroupId", messageGroupId);
		attributes.put("MessageDeduplicationId", messageDeduplicationId);
		return attributes;
	}

	/** {@code {"Records":[…]}}, compact. */
	public static String event(List<Message> messages) {
		return Json.write(out -> {
			out.writeStartObject();
			out.writeArrayFieldStart("Records");
			for (Message message : messages) {
				writeRecord(out, message);
			}
			out.writeEndArray();
			out.writeEndObject();
		});
	}

	static void writeRecord(JsonGenerator out, Message message) throws IOException {
		out.writeStartObject();
		out.writeStringField("messageId", message.messageId());
		out.writeStringField("receiptHandle", message.receiptHandle());
		out.writeStringField("body", message.body());
		out.writeObjectFieldStart("attributes");
		for (String name : hashMapOrder(insertionOrder(message.attributes().keySet()))) {
			out.writeStringField(name, message.attributes().get(name));
		}
		out.writeEndObject();
		out.writeObjectFieldStart("messageAttributes");
		for (String name : hashMapOrder(message.messageAttributes().keySet())) {
			MessageAttributeValue value = message.messageAttributes().get(name);
			out.writeObjectFieldStart(name);
			if (value.isBinary()) {
				out.writeStringField("binaryValue", value.text());
			}
			else {
				out.writeStringField("stringValue", value.stringValue());
			}
			out.writeArrayFieldStart("stringListValues");
			out.writeEndArray();
			out.writeArrayFieldStart("binaryListValues");
			out.writeEndArray();
			out.writeStringField("dataType", value.dataType());
			out.writeEndObject();
		}
		out.writeEndObject();
		out.writeStringField("md5OfMessageAttributes", message.md5OfMessageAttributes());
		out.writeStringField("md5OfBody", message.md5OfBody());
		out.writeStringField("eventSource", "aws:sqs");
		out.writeStringField("eventSourceARN", message.eventSourceArn());
		out.writeStringField("awsRegion", ArnParts.region(message.eventSourceArn()));
		out.writeEndObject();
	}

	/** The system attribute names in the order the poller puts them into its map. */
	private static List<String> insertionOrder(Set<String> names) {
		List<String> ordered = new ArrayList<>(names.size());
		for (String name : SYSTEM_ATTRIBUTE_INSERTION_ORDER) {
			if (names.contains(name)) {
				ordered.add(name);
			}
		}
		for (String name : names) {
			if (!SYSTEM_ATTRIBUTE_INSERTION_ORDER.contains(name)) {
				ordered.add(name);
			}
		}
		return ordered;
	}

	/**
	 * The iteration order of a {@code new HashMap<>()} into which {@code names} were put in the order given (the
	 * order depends on it only for names that share a bucket).
	 */
	static List<String> hashMapOrder(Collection<String> names) {
		Map<String, Boolean> map = new HashMap<>();
		for (String name : names) {
			map.put(name, Boolean.TRUE);
		}
		return List.copyOf(new LinkedHashSet<>(map.keySet()));
	}
}
