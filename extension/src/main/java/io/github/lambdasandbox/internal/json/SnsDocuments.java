package io.github.lambdasandbox.internal.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * What SNS delivers: the envelope an SQS subscription without raw delivery receives as the message body (spec
 * §10.6.1), and the event a Lambda subscription's function receives (§10.6.3).
 *
 * <p>The signature is not an RSA signature: it is a deterministic value of the same length (344 base64
 * characters, the 256 bytes of a 2048-bit key's signature) derived from the text SNS signs, so the same
 * notification has the same signature in every run. The certificate URL names an invented certificate of the
 * topic's region.
 */
public final class SnsDocuments {

	/** The length of a 2048-bit RSA signature, in bytes. */
	private static final int SIGNATURE_BYTES = 256;

	private SnsDocuments() {
	}

	/**
	 * One published message as one subscription gets it.
	 *
	 * @param subject {@code null} when the publisher gave none
	 * @param attributes in the order the publisher gave them (SNS's own order is not recorded; this keeps the
	 * publisher's)
	 */
	public record Notification(String messageId, String topicArn, String subject, String message, Instant timestamp,
			Map<String, MessageAttributeValue> attributes) {

		public Notification {
			Objects.requireNonNull(messageId, "messageId");
			Objects.requireNonNull(topicArn, "topicArn");
			Objects.requireNonNull(message, "message");
			Objects.requireNonNull(timestamp, "timestamp");
			attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		}
	}

	/**
	 * The SQS message body of a notification (raw delivery off), byte for byte: pretty-printed with a two-space
	 * indent and {@code " : "} between names and values, {@code Subject} only if given, {@code MessageAttributes}
	 * only if any, each attribute a compact {@code {"Type":…,"Value":…}} on one line (binary values in base64).
	 *
	 * @param signatureVersion {@code "1"} (the default) or {@code "2"} (the topic's {@code SignatureVersion})
	 * @param subscriptionArn the subscription's ARN, for {@code UnsubscribeURL}
	 */
	public static String sqsEnvelope(Notification notification, String signatureVersion, String subscriptionArn) {
		return envelope(notification, null, signatureVersion, subscriptionArn);
	}

	/**
	 * The SQS message body of a FIFO topic's notification (raw delivery off), formatted as {@link #sqsEnvelope}: a FIFO
	 * topic writes its {@code SequenceNumber} after {@code MessageId} and signs nothing (no {@code SignatureVersion},
	 * {@code Signature}, {@code SigningCertURL}), as captured bodies of FIFO topics show.
	 *
	 * @param sequenceNumber the topic's sequence number of the message: 20 digits
	 */
	public static String sqsFifoEnvelope(Notification notification, String sequenceNumber, String subscriptionArn) {
		return envelope(notification, Objects.requireNonNull(sequenceNumber, "sequenceNumber"), null, subscriptionArn);
	}

	private static String envelope(Notification notification, String sequenceNumber, String signatureVersion,
			String subscriptionArn) {
		return Json.write(out -> {
			out.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
			out.writeStartObject();
			out.writeStringField("Type", "Notification");
			out.writeStringField("MessageId", notification.messageId());
			if (sequenceNumber != null) {
				out.writeStringField("SequenceNumber", sequenceNumber);
			}
			out.writeStringField("TopicArn", notification.topicArn());
			if (notification.subject() != null) {
				out.writeStringField("Subject", notification.subject());
			}
			out.writeStringField("Message", notification.message());
			out.writeStringField("Timestamp", InvocationRecords.TIMESTAMP.format(notification.timestamp()));
			if (sequenceNumber == null) {
				out.writeStringField("SignatureVersion", signatureVersion);
				out.writeStringField("Signature", signature(notification, signatureVersion));
				out.writeStringField("SigningCertURL", signingCertUrl(ArnParts.region(notification.topicArn())));
			}
			out.writeStringField("UnsubscribeURL", unsubscribeUrl(subscriptionArn));
			if (!notification.attributes().isEmpty()) {
				out.writeObjectFieldStart("MessageAttributes");
				for (Map.Entry<String, MessageAttributeValue> attribute : notification.attributes().entrySet()) {
					out.writeFieldName(attribute.getKey());
					out.writeRawValue(Json.write(compact -> writeAttribute(compact, attribute.getValue())));
				}
				out.writeEndObject();
			}
			out.writeEndObject();
		});
	}

	/**
	 * The event of a Lambda subscription: {@code {"Records":[{EventSource, EventVersion, EventSubscriptionArn,
	 * Sns:{Type, MessageId, TopicArn, Subject, Message, Timestamp, SignatureVersion, Signature, SigningCertUrl,
	 * UnsubscribeUrl, MessageAttributes}}]}}, compact, one record; {@code "Subject":null} when there is none and
	 * {@code "MessageAttributes":{}} when there are none. This is the order captured from real invocations
	 * (§10.6.3); the DOC-2023 sample ({@code sns-event.json}) has the same fields in another order.
	 */
	public static String lambdaEvent(Notification notification, String signatureVersion, String subscriptionArn) {
		return Json.write(out -> {
			out.writeStartObject();
			out.writeArrayFieldStart("Records");
			out.writeStartObject();
			out.writeStringField("EventSource", "aws:sns");
			out.writeStringField("EventVersion", "1.0");
			out.writeStringField("EventSubscriptionArn", subscriptionArn);
			out.writeObjectFieldStart("Sns");
			out.writeStringField("Type", "Notification");
			out.writeStringField("MessageId", notification.messageId());
			out.writeStringField("TopicArn", notification.topicArn());
			out.writeStringField("Subject", notification.subject());
			out.writeStringField("Message", notification.message());
			out.writeStringField("Timestamp", InvocationRecords.TIMESTAMP.format(notification.timestamp()));
			out.writeStringField("SignatureVersion", signatureVersion);
			out.writeStringField("Signature", signature(notification, signatureVersion));
			out.writeStringField("SigningCertUrl", signingCertUrl(ArnParts.region(notification.topicArn())));
			out.writeStringField("UnsubscribeUrl", unsubscribeUrl(subscriptionArn));
			out.writeObjectFieldStart("MessageAttributes");
			for (Map.Entry<String, MessageAttributeValue> attribute : notification.attributes().entrySet()) {
				out.writeFieldName(attribute.getKey());
				writeAttribute(out, attribute.getValue());
			}
			out.writeEndObject();
			out.writeEndObject();
			out.writeEndObject();
			out.writeEndArray();
			out.writeEndObject();
		});
	}

	/**
	 * The text SNS signs for a notification (DOC "Verifying the signatures of Amazon SNS messages"): each of
	 * {@code Message, MessageId, Subject} (if any){@code , Timestamp, TopicArn, Type}, its name and value each on
	 * a line of its own.
	 */
	public static String stringToSign(Notification notification) {
		StringBuilder text = new StringBuilder();
		line(text, "Message", notification.message());
		line(text, "MessageId", notification.messageId());
		if (notification.subject() != null) {
			line(text, "Subject", notification.subject());
		}
		line(text, "Timestamp", InvocationRecords.TIMESTAMP.format(notification.timestamp()));
		line(text, "TopicArn", notification.topicArn());
		line(text, "Type", "Notification");
		return text.toString();
	}

	/**
	 * A stand-in for the signature: 256 bytes, in base64, expanded from the SHA-1 (version 1) or SHA-256
	 * (version 2) digest of {@link #stringToSign} with SHA-256 in counter mode.
	 */
	public static String signature(Notification notification, String signatureVersion) {
		byte[] digest = digest(signatureVersion.equals("2") ? "SHA-256" : "SHA-1",
				stringToSign(notification).getBytes(StandardCharsets.UTF_8));
		byte[] signature = new byte[SIGNATURE_BYTES];
		MessageDigest sha256 = messageDigest("SHA-256");
		for (int block = 0; block * 32 < SIGNATURE_BYTES; block++) {
			sha256.update(digest);
			sha256.update((byte) block);
			System.arraycopy(sha256.digest(), 0, signature, block * 32, 32);
		}
		return Base64.getEncoder().encodeToString(signature);
	}

	/**
	 * {@code https://sns.<region>.amazonaws.com/SimpleNotificationService-<32 hex>.pem}; the hex is the MD5 of the
	 * region's name, one invented certificate per region.
	 */
	public static String signingCertUrl(String region) {
		return "https://sns." + region + ".amazonaws.com/SimpleNotificationService-"
				+ SqsChecksums.md5Hex(region.getBytes(StandardCharsets.UTF_8)) + ".pem";
	}

	/** {@code https://sns.<region>.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=<subscription ARN>}. */
	public static String unsubscribeUrl(String subscriptionArn) {
		return "https://sns." + ArnParts.region(subscriptionArn) + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
				+ subscriptionArn;
	}

	private static void writeAttribute(JsonGenerator out, MessageAttributeValue value) throws IOException {
		out.writeStartObject();
		out.writeStringField("Type", value.dataType());
		out.writeStringField("Value", value.text());
		out.writeEndObject();
	}

	private static void line(StringBuilder text, String name, String value) {
		text.append(name).append('\n').append(value).append('\n');
	}

	private static byte[] digest(String algorithm, byte[] bytes) {
		return messageDigest(algorithm).digest(bytes);
	}

	private static MessageDigest messageDigest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
