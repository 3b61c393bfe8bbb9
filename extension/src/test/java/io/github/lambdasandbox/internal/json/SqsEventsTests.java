package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.JsonShape;
import org.junit.jupiter.api.Test;

class SqsEventsTests {

	private static final String QUEUE_ARN = "arn:aws:sqs:us-east-2:123456789012:my-queue";

	/** The message of AWS's sample, from its parts. */
	private static SqsEvents.Message sampleMessage(Map<String, MessageAttributeValue> messageAttributes) {
		Map<String, String> attributes = SqsEvents.standardAttributes(1, Instant.ofEpochMilli(1545082649183L),
				"AIDAIENQZJOLO23YVJ4VO", Instant.ofEpochMilli(1545082649185L), null);
		return SqsEvents.message("059f36b4-87a3-44ab-83d2-661975830a7d", "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...",
				"Test message.", attributes, messageAttributes, QUEUE_ARN);
	}

	@Test
	void recordWithoutAttributesIsAwsSamplePlusANullAttributeDigest() {
		JsonNode event = Fixtures.parse(SqsEvents.event(List.of(sampleMessage(Map.of()))));
		JsonNode record = event.at("/Records/0");

		assertThat(names(record)).containsExactly("messageId", "receiptHandle", "body", "attributes", "messageAttributes",
				"md5OfMessageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion");
		assertThat(record.get("md5OfMessageAttributes").isNull()).isTrue();
		assertThat(record.get("messageAttributes").isObject()).isTrue();
		assertThat(record.get("messageAttributes").size()).isZero();
		// the DOC-2023 sample leaves the null digest out; everything else is the sample, value for value
		((ObjectNode) record).remove("md5OfMessageAttributes");
		JsonNode sample = Fixtures.json("sqs-event.json");
		assertThat(JsonShape.differences(sample, event)).isEmpty();
		assertThat(event).isEqualTo(sample);
	}

	@Test
	void eventIsCompact() {
		String event = SqsEvents.event(List.of(sampleMessage(Map.of())));

		assertThat(event).startsWith("{\"Records\":[{\"messageId\":\"059f36b4-87a3-44ab-83d2-661975830a7d\",")
				.contains("\"md5OfMessageAttributes\":null,\"md5OfBody\":\"e4e68fb7bd0e697a0ae8f1bb342846b3\"")
				.doesNotContain("\n", ": ");
	}

	@Test
	void messageAttributesAreWrittenInHashMapOrderWithTheirDigest() {
		JsonNode record = Fixtures.parse(SqsEvents.event(List.of(sampleMessage(SqsChecksumsTests.bookAttributes()))))
				.at("/Records/0");

		assertThat(names(record.get("messageAttributes"))).containsExactly("WeeksOn", "Author", "Title");
		assertThat(record.at("/messageAttributes/Author")).isEqualTo(Fixtures.parse(
				"{\"stringValue\":\"John Grisham\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}"));
		assertThat(record.at("/messageAttributes/WeeksOn")).isEqualTo(Fixtures.parse(
				"{\"stringValue\":\"6\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"Number\"}"));
		assertThat(record.get("md5OfMessageAttributes").asText()).isEqualTo("d25a6aea97eb8f585bfa92d314504a92");
	}

	@Test
	void binaryMessageAttributeHasBinaryValueInBase64() {
		JsonNode record = Fixtures.parse(SqsEvents.event(List.of(sampleMessage(
				Map.of("Blob", MessageAttributeValue.binary("Binary", new byte[] { 2, 3, 4 })))))).at("/Records/0");

		assertThat(names(record.at("/messageAttributes/Blob"))).containsExactly("binaryValue", "stringListValues",
				"binaryListValues", "dataType");
		assertThat(record.at("/messageAttributes/Blob/binaryValue").asText()).isEqualTo("AgME");
		assertThat(record.at("/messageAttributes/Blob/dataType").asText()).isEqualTo("Binary");
	}

	@Test
	void systemAttributesWithTraceHeaderAreInAwsOrder() {
		Map<String, String> attributes = SqsEvents.standardAttributes(2, Instant.ofEpochMilli(1000), IamIdentities.TEST_USER_ID,
				Instant.ofEpochMilli(2000), "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

		assertThat(names(attributesOf(attributes))).containsExactly("ApproximateReceiveCount", "AWSTraceHeader",
				"SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
		assertThat(attributesOf(attributes).get("ApproximateReceiveCount").asText()).isEqualTo("2");
		assertThat(attributesOf(attributes).get("SentTimestamp").asText()).isEqualTo("1000");
	}

	@Test
	void fifoSystemAttributesAreInAwsOrder() {
		Map<String, String> attributes = SqsEvents.fifoAttributes(1, Instant.ofEpochMilli(1000), "18849496460467696128",
				"group-1", IamIdentities.TEST_USER_ID, "dedup-1", Instant.ofEpochMilli(2000), null);

		assertThat(names(attributesOf(attributes))).containsExactly("ApproximateReceiveCount", "SentTimestamp",
				"SequenceNumber", "MessageGroupId", "SenderId", "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp");
	}

	@Test
	void systemAttributeOrderDoesNotDependOnTheOrderGiven() {
		List<String> names = new ArrayList<>(SqsEvents.standardAttributes(1, Instant.EPOCH, "s", Instant.EPOCH, "trace").keySet());
		java.util.Collections.reverse(names);
		Map<String, String> reversed = new LinkedHashMap<>();
		for (String name : names) {
			reversed.put(name, "v");
		}

		assertThat(names(attributesOf(reversed))).containsExactly("ApproximateReceiveCount", "AWSTraceHeader",
				"SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
	}

	@Test
	void hashMapOrderIsJavaUtilHashMapOrder() {
		List<String> names = List.of("zeta", "Author", "alpha", "WeeksOn", "Title", "b");
		Map<String, Integer> map = new java.util.HashMap<>();
		names.forEach(name -> map.put(name, 0));

		assertThat(SqsEvents.hashMapOrder(names)).containsExactlyElementsOf(map.keySet());
	}

	@Test
	void awsRegionIsTheQueuesRegion() {
		SqsEvents.Message message = SqsEvents.message("id", "handle", "b", Map.of(), Map.of(),
				"arn:aws:sqs:eu-west-3:123456789012:q");

		assertThat(Fixtures.parse(SqsEvents.event(List.of(message))).at("/Records/0/awsRegion").asText()).isEqualTo("eu-west-3");
	}

	@Test
	void senderOfAFunctionIsItsRoleSession() {
		assertThat(IamIdentities.functionSenderId("my-fn")).matches("AROA[A-Z2-7]{17}:my-fn");
	}

	private static JsonNode attributesOf(Map<String, String> attributes) {
		SqsEvents.Message message = SqsEvents.message("id", "handle", "b", attributes, Map.of(), QUEUE_ARN);
		return Fixtures.parse(SqsEvents.event(List.of(message))).at("/Records/0/attributes");
	}

	static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}
}
