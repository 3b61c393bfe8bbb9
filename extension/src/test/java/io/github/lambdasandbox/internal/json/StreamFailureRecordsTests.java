package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.JsonShape;
import org.junit.jupiter.api.Test;

class StreamFailureRecordsTests {

	private static final String FUNCTION = "arn:aws:lambda:us-east-2:123456789012:function:myfunction";

	private static final StreamFailureRecords.Response UNHANDLED = new StreamFailureRecords.Response("$LATEST", "Unhandled");

	private static final StreamFailureRecords.BatchInfo KINESIS_BATCH = new StreamFailureRecords.BatchInfo(
			"shardId-000000000001", "49601189658422359378836298521827638475320189012309704722",
			"49601189658422359378836298522902373528957594348623495186", Instant.parse("2019-11-14T00:38:04.835Z"),
			Instant.parse("2019-11-14T00:38:05.580Z"), 500, "arn:aws:kinesis:us-east-2:123456789012:stream/mystream");

	private static String kinesisSample(String payload) {
		return StreamFailureRecords.kinesis("c9b8fa9f-5a7f-xmpl-af9c-0c604cde93a5", FUNCTION,
				StreamFailureRecords.RETRY_ATTEMPTS_EXHAUSTED, 1, UNHANDLED, Instant.parse("2019-11-14T00:38:06.021Z"),
				KINESIS_BATCH, payload);
	}

	@Test
	void kinesisRecordIsAwsSampleFieldForField() {
		JsonNode record = Fixtures.parse(kinesisSample(null));
		JsonNode sample = Fixtures.json("kinesis-on-failure-record.json");

		assertThat(JsonShape.differences(sample, record)).isEmpty();
		assertThat(record).isEqualTo(sample);
	}

	@Test
	void dynamoDbRecordIsAwsSampleFieldForFieldWithArrivalsInSeconds() {
		StreamFailureRecords.BatchInfo batch = new StreamFailureRecords.BatchInfo("shardId-00000001573689847184-864758bb",
				"800000000003126276362", "800000000003126276362", Instant.parse("2019-11-14T00:13:19.678Z"),
				Instant.parse("2019-11-14T00:13:19.999Z"), 1,
				"arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388");
		JsonNode record = Fixtures.parse(StreamFailureRecords.dynamoDb("316aa6d0-8154-xmpl-9af7-85d5f4a6bc81", FUNCTION,
				StreamFailureRecords.RETRY_ATTEMPTS_EXHAUSTED, 1, UNHANDLED, Instant.parse("2019-11-14T00:13:49.717Z"), batch,
				null));
		JsonNode sample = Fixtures.json("dynamodb-on-failure-record.json");

		assertThat(JsonShape.differences(sample, record)).isEmpty();
		assertThat(record).isEqualTo(sample);
	}

	@Test
	void recordIsCompact() {
		assertThat(kinesisSample(null)).startsWith("{\"requestContext\":{\"requestId\":").doesNotContain("\n");
	}

	@Test
	void expiredRecordsHaveNoResponseContext() {
		JsonNode record = Fixtures.parse(StreamFailureRecords.kinesis("r", FUNCTION, StreamFailureRecords.RECORD_AGE_EXCEEDED,
				1, null, Instant.EPOCH, KINESIS_BATCH, null));

		assertThat(SqsEventsTests.names(record)).containsExactly("requestContext", "version", "timestamp", "KinesisBatchInfo");
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
	}

	@Test
	void partialBatchFailureWritesANullFunctionError() {
		String record = StreamFailureRecords.kinesis("r", FUNCTION, StreamFailureRecords.RETRY_ATTEMPTS_EXHAUSTED, 4,
				new StreamFailureRecords.Response("$LATEST", null), Instant.EPOCH, KINESIS_BATCH, null);

		assertThat(record).contains("\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":null}");
	}

	@Test
	void s3RecordEndsWithTheInvocationEventAsAJsonString() {
		String event = "{\"Records\":[{\"kinesis\":{\"data\":\"AQ==\"}}]}";
		JsonNode record = Fixtures.parse(kinesisSample(event));

		assertThat(SqsEventsTests.names(record)).containsExactly("requestContext", "responseContext", "version", "timestamp",
				"KinesisBatchInfo", "payload");
		assertThat(record.get("payload").isTextual()).isTrue();
		assertThat(record.get("payload").asText()).isEqualTo(event);
		assertThat(kinesisSample(event)).endsWith(",\"payload\":\"{\\\"Records\\\":[{\\\"kinesis\\\":{\\\"data\\\":\\\"AQ==\\\"}}]}\"}");
	}

	@Test
	void s3ObjectKeyHasTheMappingShardAndTime() {
		assertThat(StreamFailureRecords.s3ObjectKey("a1b2c3d4-0000-4000-8000-000000000001", "shardId-000000000001",
				Instant.parse("2019-11-14T00:38:06.021Z"), "f0e1d2c3-0000-4000-8000-000000000002"))
				.isEqualTo("aws/lambda/a1b2c3d4-0000-4000-8000-000000000001/shardId-000000000001/2019/11/14/"
						+ "2019-11-14T00.38.06-f0e1d2c3-0000-4000-8000-000000000002");
	}

	@Test
	void bothConditionsAreAwsNames() {
		assertThat(List.of(StreamFailureRecords.RETRY_ATTEMPTS_EXHAUSTED, StreamFailureRecords.RECORD_AGE_EXCEEDED))
				.containsExactly("RetryAttemptsExhausted", "RecordAgeExceeded")
				.contains(Fixtures.json("kinesis-on-failure-record.json").at("/requestContext/condition").asText());
	}
}
