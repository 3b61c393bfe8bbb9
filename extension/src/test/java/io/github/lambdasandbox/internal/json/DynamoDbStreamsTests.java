package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.JsonShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoDbStreamsTests {

	private static final String SAMPLE_ARN = "arn:aws:dynamodb:us-east-1:111111111111:table/T/stream/2015-05-11T21:21:33.291";

	private static final String KEYS = "{\"id\":{\"S\":\"id_value\"}}";

	private static final String NEW_IMAGE = DynamoDbValues.typedItem("{\"id2\":\"id2_new_value\",\"id\":\"id_value\"}");

	private static final String OLD_IMAGE = DynamoDbValues.typedItem("{\"id\":\"id_value\"}");

	private static DynamoDbStreams.Change change(String newImage, String oldImage) {
		return new DynamoDbStreams.Change("c4ca4238a0b923820dcc509a6f75849b", Instant.ofEpochSecond(1700000000L), KEYS,
				newImage, oldImage, "111");
	}

	private static JsonNode record(DynamoDbStreams.Change change, String viewType) {
		return Fixtures.parse(DynamoDbStreams.event(List.of(change), viewType, SAMPLE_ARN)).at("/Records/0");
	}

	@Test
	void modifyRecordIsAwsSampleFieldForField() {
		JsonNode event = Fixtures.parse(DynamoDbStreams.event(List.of(change(NEW_IMAGE, OLD_IMAGE)),
				DynamoDbStreams.NEW_AND_OLD_IMAGES, SAMPLE_ARN));
		JsonNode sample = Fixtures.json("dynamodb-stream-event.json");

		assertThat(JsonShape.differences(sample, event)).isEmpty();
		// ApproximateCreationDateTime: 1.7E9 here, 1700000000.0 in the sample: the same number
		assertThat(event).isEqualTo(sample);
	}

	@Test
	void sizeBytesOfTheSampleRecordIs46() {
		assertThat(DynamoDbStreams.sizeBytes(KEYS, NEW_IMAGE, OLD_IMAGE)).isEqualTo(46);
		assertThat(record(change(NEW_IMAGE, OLD_IMAGE), DynamoDbStreams.NEW_AND_OLD_IMAGES).at("/dynamodb/SizeBytes").asInt())
				.isEqualTo(Fixtures.json("dynamodb-stream-event.json").at("/Records/0/dynamodb/SizeBytes").asInt())
				.isEqualTo(46);
	}

	@Test
	void creationTimeIsWrittenAsAJavaDouble() {
		String event = DynamoDbStreams.event(List.of(change(NEW_IMAGE, OLD_IMAGE)), DynamoDbStreams.NEW_AND_OLD_IMAGES,
				SAMPLE_ARN);

		assertThat(event).contains("\"dynamodb\":{\"ApproximateCreationDateTime\":1.7E9,\"Keys\":");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(longs = { 1700000000L, 1684934517L, 1000000000L, 1735689600L, 1735689601L, 4102444800L, 10_000_000L,
			9_999_999L, 1L, 0L })
	void creationTimeTextIsDoubleToStringOfTheSeconds(long seconds) {
		assertThat(DynamoDbStreams.approximateCreationDateTime(Instant.ofEpochSecond(seconds)))
				.isEqualTo(Double.toString(seconds));
	}

	@Test
	void creationTimeIsRoundedDownToTheSecond() {
		assertThat(DynamoDbStreams.approximateCreationDateTime(Instant.ofEpochMilli(1684934517999L)))
				.isEqualTo("1.684934517E9");
	}

	@Test
	void insertHasNoOldImageAndRemoveNoNewImage() {
		JsonNode insert = record(change(NEW_IMAGE, null), DynamoDbStreams.NEW_AND_OLD_IMAGES);
		JsonNode remove = record(change(null, OLD_IMAGE), DynamoDbStreams.NEW_AND_OLD_IMAGES);

		assertThat(insert.get("eventName").asText()).isEqualTo("INSERT");
		assertThat(SqsEventsTests.names(insert.get("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys",
				"NewImage", "SequenceNumber", "SizeBytes", "StreamViewType");
		assertThat(insert.at("/dynamodb/SizeBytes").asInt()).isEqualTo(10 + 26);
		assertThat(remove.get("eventName").asText()).isEqualTo("REMOVE");
		assertThat(SqsEventsTests.names(remove.get("dynamodb"))).containsExactly("ApproximateCreationDateTime", "Keys",
				"OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
		assertThat(remove.at("/dynamodb/SizeBytes").asInt()).isEqualTo(10 + 10);
	}

	@ParameterizedTest(name = "{0}: new {1}, old {2}, {3} bytes")
	@CsvSource(textBlock = """
			KEYS_ONLY,          false, false, 10
			NEW_IMAGE,          true,  false, 36
			OLD_IMAGE,          false, true,  20
			NEW_AND_OLD_IMAGES, true,  true,  46
			""")
	void viewTypeDecidesTheImagesAndTheirSize(String viewType, boolean hasNew, boolean hasOld, int size) {
		JsonNode dynamodb = record(change(NEW_IMAGE, OLD_IMAGE), viewType).get("dynamodb");

		assertThat(dynamodb.has("NewImage")).isEqualTo(hasNew);
		assertThat(dynamodb.has("OldImage")).isEqualTo(hasOld);
		assertThat(dynamodb.get("SizeBytes").asInt()).isEqualTo(size);
		assertThat(dynamodb.get("StreamViewType").asText()).isEqualTo(viewType);
	}

	@Test
	void unknownViewTypeIsRefused() {
		assertThatIllegalArgumentException()
				.isThrownBy(() -> DynamoDbStreams.event(List.of(), "NEW_AND_OLD", SAMPLE_ARN));
	}

	@Test
	void changeWithoutImagesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> change(null, null));
	}

	@Test
	void eventIdMustBe32LowerCaseHexDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DynamoDbStreams.Change("C4CA4238A0B923820DCC509A6F75849B",
				Instant.EPOCH, KEYS, NEW_IMAGE, null, "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new DynamoDbStreams.Change("test-event-1", Instant.EPOCH, KEYS,
				NEW_IMAGE, null, "1"));
	}

	@Test
	void shardIdHasTheCreationMillisecondsAndEightHexDigits() {
		String sample = Fixtures.json("dynamodb-on-failure-record.json").at("/DDBStreamBatchInfo/shardId").asText();

		assertThat(DynamoDbStreams.shardId(Instant.ofEpochMilli(1573689847184L), "864758bb")).isEqualTo(sample);
		assertThatIllegalArgumentException().isThrownBy(() -> DynamoDbStreams.shardId(Instant.EPOCH, "864758BB"));
	}

	@Test
	void streamArnEndsWithTheCreationTimeToTheMillisecond() {
		String sample = Fixtures.json("dynamodb-on-failure-record.json").at("/DDBStreamBatchInfo/streamArn").asText();
		String arn = DynamoDbStreams.streamArn("mytable", Instant.parse("2019-11-14T00:04:06.388Z"));

		assertThat(arn).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/mytable/stream/2019-11-14T00:04:06.388");
		assertThat(arn.substring(arn.indexOf(":table/"))).isEqualTo(sample.substring(sample.indexOf(":table/")));
		assertThat(DynamoDbStreams.streamLabel(Instant.parse("2019-11-14T00:04:06Z"))).isEqualTo("2019-11-14T00:04:06.000");
	}

	@Test
	void sequenceNumbersHave21DigitsAndGrow() {
		assertThat(DynamoDbStreams.sequenceNumber(3126276362L)).isEqualTo("800000000003126276362");
		List<String> numbers = new ArrayList<>();
		for (long counter : new long[] { 0, 1, 9, 10, 99, 100, 3126276362L, Long.MAX_VALUE }) {
			numbers.add(DynamoDbStreams.sequenceNumber(counter));
		}
		assertThat(numbers).allSatisfy(number -> assertThat(number).hasSize(21).containsOnlyDigits());
		assertThat(numbers).isSorted().isSortedAccordingTo((a, b) -> new BigInteger(a).compareTo(new BigInteger(b)));
	}

	@Test
	void recordsOfAnEventAreInOrderWithTheirOwnIds() {
		DynamoDbStreams.Change first = new DynamoDbStreams.Change("0".repeat(32), Instant.EPOCH.plusSeconds(1_000_000_000L),
				KEYS, OLD_IMAGE, null, DynamoDbStreams.sequenceNumber(1));
		DynamoDbStreams.Change second = new DynamoDbStreams.Change("1".repeat(32), Instant.EPOCH.plusSeconds(1_000_000_001L),
				KEYS, NEW_IMAGE, OLD_IMAGE, DynamoDbStreams.sequenceNumber(2));
		JsonNode event = Fixtures.parse(DynamoDbStreams.event(List.of(first, second), DynamoDbStreams.NEW_AND_OLD_IMAGES,
				DynamoDbStreams.streamArn("T", Instant.EPOCH)));

		assertThat(event.get("Records")).hasSize(2);
		assertThat(event.at("/Records/1/eventID").asText()).isEqualTo("1".repeat(32));
		assertThat(event.at("/Records/1/eventName").asText()).isEqualTo("MODIFY");
		assertThat(event.at("/Records/1/dynamodb/SequenceNumber").asText()).isEqualTo("800000000000000000002");
		assertThat(event.at("/Records/0/awsRegion").asText()).isEqualTo("us-east-1");
		assertThat(event.at("/Records/0/eventVersion").asText()).isEqualTo("1.1");
	}
}
