package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.Test;

class SnsDocumentsTests {

	private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:my-topic";

	private static final String SUBSCRIPTION = TOPIC + ":21be56ed-a058-49f5-8c98-aedd2564c486";

	private static final Instant TIMESTAMP = Instant.parse("2019-01-02T12:45:07Z");

	private static SnsDocuments.Notification notification(String subject, Map<String, MessageAttributeValue> attributes) {
		return new SnsDocuments.Notification("95df01b4-ee98-5cb9-9903-4c221d41eb5e", TOPIC, subject, "Hello from SNS!",
				TIMESTAMP, attributes);
	}

	private static Map<String, MessageAttributeValue> twoAttributes() {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("attr1", MessageAttributeValue.string("Number", "1"));
		attributes.put("attr2", MessageAttributeValue.binary("Binary", new byte[] { 2, 3, 4 }));
		return attributes;
	}

	@Test
	void sqsEnvelopeIsPrettyPrintedAsSnsWritesIt() {
		SnsDocuments.Notification notification = notification("TestInvoke", twoAttributes());

		assertThat(SnsDocuments.sqsEnvelope(notification, "1", SUBSCRIPTION)).isEqualTo("""
				{
				  "Type" : "Notification",
				  "MessageId" : "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
				  "TopicArn" : "arn:aws:sns:us-east-1:123456789012:my-topic",
				  "Subject" : "TestInvoke",
				  "Message" : "Hello from SNS!",
				  "Timestamp" : "2019-01-02T12:45:07.000Z",
				  "SignatureVersion" : "1",
				  "Signature" : "%s",
				  "SigningCertURL" : "%s",
				  "UnsubscribeURL" : "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:my-topic:21be56ed-a058-49f5-8c98-aedd2564c486",
				  "MessageAttributes" : {
				    "attr1" : {"Type":"Number","Value":"1"},
				    "attr2" : {"Type":"Binary","Value":"AgME"}
				  }
				}""".formatted(SnsDocuments.signature(notification, "1"), SnsDocuments.signingCertUrl("us-east-1")));
	}

	@Test
	void sqsEnvelopeWithoutSubjectOrAttributesHasNeitherKey() {
		SnsDocuments.Notification notification = notification(null, Map.of());

		assertThat(SnsDocuments.sqsEnvelope(notification, "1", SUBSCRIPTION)).isEqualTo("""
				{
				  "Type" : "Notification",
				  "MessageId" : "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
				  "TopicArn" : "arn:aws:sns:us-east-1:123456789012:my-topic",
				  "Message" : "Hello from SNS!",
				  "Timestamp" : "2019-01-02T12:45:07.000Z",
				  "SignatureVersion" : "1",
				  "Signature" : "%s",
				  "SigningCertURL" : "%s",
				  "UnsubscribeURL" : "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=%s"
				}""".formatted(SnsDocuments.signature(notification, "1"), SnsDocuments.signingCertUrl("us-east-1"),
				SUBSCRIPTION));
	}

	@Test
	void sqsEnvelopeEscapesTheMessageAsJson() {
		SnsDocuments.Notification notification = new SnsDocuments.Notification("id", TOPIC, null,
				"{\"order\":\"a/b\"}\n\té", TIMESTAMP, Map.of());

		assertThat(SnsDocuments.sqsEnvelope(notification, "1", SUBSCRIPTION))
				.contains("\n  \"Message\" : \"{\\\"order\\\":\\\"a/b\\\"}\\n\\té\",\n");
		assertThat(Fixtures.parse(SnsDocuments.sqsEnvelope(notification, "1", SUBSCRIPTION)).get("Message").asText())
				.isEqualTo(notification.message());
	}

	@Test
	void lambdaEventIsCompactInCapturedOrder() {
		SnsDocuments.Notification notification = notification(null, Map.of());

		assertThat(SnsDocuments.lambdaEvent(notification, "1", SUBSCRIPTION)).isEqualTo(("{\"Records\":[{\"EventSource\":\"aws:sns\","
				+ "\"EventVersion\":\"1.0\",\"EventSubscriptionArn\":\"%s\",\"Sns\":{\"Type\":\"Notification\","
				+ "\"MessageId\":\"95df01b4-ee98-5cb9-9903-4c221d41eb5e\",\"TopicArn\":\"%s\",\"Subject\":null,"
				+ "\"Message\":\"Hello from SNS!\",\"Timestamp\":\"2019-01-02T12:45:07.000Z\",\"SignatureVersion\":\"1\","
				+ "\"Signature\":\"%s\",\"SigningCertUrl\":\"%s\",\"UnsubscribeUrl\":\"%s\",\"MessageAttributes\":{}}}]}")
				.formatted(SUBSCRIPTION, TOPIC, SnsDocuments.signature(notification, "1"),
						SnsDocuments.signingCertUrl("us-east-1"), SnsDocuments.unsubscribeUrl(SUBSCRIPTION)));
	}

	@Test
	void lambdaEventHasTheFieldsAndTypesOfAwsSample() {
		JsonNode event = Fixtures.parse(SnsDocuments.lambdaEvent(notification("TestInvoke",
				Map.of("Test", MessageAttributeValue.string("TestString"))), "1", SUBSCRIPTION));
		JsonNode sample = Fixtures.json("sns-event.json");

		// the DOC-2023 sample's key order is not the wire order (spec §10.6.3): compare names and types
		assertThat(sortedNames(event.at("/Records/0"))).isEqualTo(sortedNames(sample.at("/Records/0")));
		assertThat(sortedNames(event.at("/Records/0/Sns"))).isEqualTo(sortedNames(sample.at("/Records/0/Sns")));
		sample.at("/Records/0/Sns").fieldNames().forEachRemaining(name -> assertThat(
				event.at("/Records/0/Sns/" + name).getNodeType()).as(name).isEqualTo(sample.at("/Records/0/Sns/" + name).getNodeType()));
		assertThat(event.at("/Records/0/Sns/MessageAttributes/Test")).isEqualTo(sample.at("/Records/0/Sns/MessageAttributes/Test"));
		for (String fixed : new String[] { "/EventVersion", "/EventSource", "/Sns/Type", "/Sns/SignatureVersion",
				"/Sns/Message", "/Sns/Subject", "/Sns/Timestamp", "/Sns/MessageId" }) {
			assertThat(event.at("/Records/0" + fixed)).as(fixed).isEqualTo(sample.at("/Records/0" + fixed));
		}
	}

	@Test
	void signatureHasTheLengthOfA2048BitRsaSignatureAndDependsOnTheMessage() {
		String one = SnsDocuments.signature(notification(null, Map.of()), "1");

		assertThat(one).hasSize(344).endsWith("=");
		assertThat(Base64.getDecoder().decode(one)).hasSize(256);
		assertThat(SnsDocuments.signature(notification(null, Map.of()), "1")).isEqualTo(one);
		assertThat(SnsDocuments.signature(notification("s", Map.of()), "1")).isNotEqualTo(one);
		assertThat(SnsDocuments.signature(notification(null, Map.of()), "2")).isNotEqualTo(one).hasSize(344);
	}

	@Test
	void stringToSignListsTheSignedFieldsInOrder() {
		assertThat(SnsDocuments.stringToSign(notification("Hi", Map.of()))).isEqualTo("""
				Message
				Hello from SNS!
				MessageId
				95df01b4-ee98-5cb9-9903-4c221d41eb5e
				Subject
				Hi
				Timestamp
				2019-01-02T12:45:07.000Z
				TopicArn
				arn:aws:sns:us-east-1:123456789012:my-topic
				Type
				Notification
				""");
	}

	@Test
	void signingCertificateIsOfTheTopicsRegion() {
		assertThat(SnsDocuments.signingCertUrl("us-east-1"))
				.matches("https://sns\\.us-east-1\\.amazonaws\\.com/SimpleNotificationService-[0-9a-f]{32}\\.pem");
		assertThat(SnsDocuments.signingCertUrl("eu-west-1")).startsWith("https://sns.eu-west-1.amazonaws.com/")
				.isNotEqualTo(SnsDocuments.signingCertUrl("us-east-1").replace("us-east-1", "eu-west-1"));
		SnsDocuments.Notification elsewhere = new SnsDocuments.Notification("id", "arn:aws:sns:eu-west-1:123456789012:t", null,
				"m", TIMESTAMP, Map.of());
		assertThat(Fixtures.parse(SnsDocuments.sqsEnvelope(elsewhere, "1", "arn:aws:sns:eu-west-1:123456789012:t:s"))
				.get("SigningCertURL").asText()).isEqualTo(SnsDocuments.signingCertUrl("eu-west-1"));
	}

	private static Set<String> sortedNames(JsonNode node) {
		return new TreeSet<>(SqsEventsTests.names(node));
	}
}
