package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.JsonShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KinesisEventsTests {

	private static final String SAMPLE_SEQUENCE = "49590338271490256608559692538361571095921575989136588898";

	private static String sampleEvent() {
		KinesisEvents.Record record = new KinesisEvents.Record("1", SAMPLE_SEQUENCE,
				"Hello, this is a test.".getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(1545084650987L));
		return KinesisEvents.event("shardId-000000000006", List.of(record),
				"arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream", "arn:aws:iam::123456789012:role/lambda-role");
	}

	@Test
	void eventIsAwsSampleFieldForField() {
		JsonNode event = Fixtures.parse(sampleEvent());
		JsonNode sample = Fixtures.json("kinesis-event.json");

		assertThat(JsonShape.differences(sample, event)).isEmpty();
		assertThat(event).isEqualTo(sample);
	}

	@Test
	void arrivalTimestampIsANumberWithThreeDecimals() {
		assertThat(sampleEvent()).contains("\"approximateArrivalTimestamp\":1545084650.987}");
	}

	@ParameterizedTest(name = "{0} ms → {1}")
	@CsvSource(textBlock = """
			1545084650987, 1545084650.987
			1545084650900, 1545084650.900
			1545084650000, 1545084650.000
			1545084650005, 1545084650.005
			""")
	void arrivalTimestampKeepsMilliseconds(long millis, String expected) {
		assertThat(KinesisEvents.approximateArrivalTimestamp(Instant.ofEpochMilli(millis))).isEqualTo(expected);
	}

	@Test
	void arrivalTimestampDropsWhatIsFinerThanMilliseconds() {
		assertThat(KinesisEvents.approximateArrivalTimestamp(Instant.ofEpochSecond(1545084650L, 987_654_321)))
				.isEqualTo("1545084650.987");
	}

	@Test
	void eachRecordIsIdentifiedByShardAndSequenceNumber() {
		List<KinesisEvents.Record> records = List.of(
				new KinesisEvents.Record("a", "1", new byte[] { 1 }, Instant.EPOCH),
				new KinesisEvents.Record("b", "2", new byte[0], Instant.EPOCH));
		JsonNode event = Fixtures.parse(KinesisEvents.event("shardId-000000000002", records,
				KinesisEvents.streamArn("s"), IamIdentities.executionRoleArn("fn")));

		assertThat(event.at("/Records/0/eventID").asText()).isEqualTo("shardId-000000000002:1");
		assertThat(event.at("/Records/1/eventID").asText()).isEqualTo("shardId-000000000002:2");
		assertThat(event.at("/Records/0/kinesis/data").asText()).isEqualTo("AQ==");
		assertThat(event.at("/Records/1/kinesis/data").asText()).isEmpty();
		assertThat(event.at("/Records/0/awsRegion").asText()).isEqualTo("us-east-1");
		assertThat(event.at("/Records/0/eventSourceARN").asText()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/s");
		assertThat(event.at("/Records/0/invokeIdentityArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/fn-role");
	}

	@Test
	void eventIsCompact() {
		assertThat(sampleEvent()).startsWith("{\"Records\":[{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",").doesNotContain("\n");
	}
}
