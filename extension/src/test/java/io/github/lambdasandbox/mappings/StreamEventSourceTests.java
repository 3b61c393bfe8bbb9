package io.github.lambdasandbox.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.EventSourceMappingHandle.Batch;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.JournalEntry.BatchOutcome;
import io.github.lambdasandbox.KinesisStream;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.Table;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.JsonShape;
import io.github.lambdasandbox.support.SourceHandlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Kinesis and DynamoDB Streams mappings: order, retries, bisect, checkpoints, record age, on-failure records")
class StreamEventSourceTests {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	static List<JsonNode> records(Sandbox sandbox, String queue) {
		return sandbox.queue(queue).messages().stream().map(m -> Fixtures.parse(m.body())).toList();
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.Capture.class)
	@DataStream(name = "clicks", shards = 4)
	@Queue(name = "events")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks")
	class KinesisRecords {

		@Test
		void goToTheShardOfTheirPartitionKeysMd5WithGrowingSequenceNumbers(Sandbox sandbox) {
			KinesisStream stream = sandbox.stream("clicks");
			String first = stream.putRecord("user-1", "a");
			String second = stream.putRecord("user-1", "b");

			assertThat(new java.math.BigInteger(second)).isGreaterThan(new java.math.BigInteger(first));
			assertThat(stream.records()).extracting(KinesisStream.Record::shardId).containsOnly(
					io.github.lambdasandbox.internal.json.KinesisShards.shardId(
							io.github.lambdasandbox.internal.json.KinesisShards.shardIndex("user-1", 4)));
		}

		@Test
		void reachTheFunctionAtTheNextPollAsAwsWritesThem(Sandbox sandbox) {
			sandbox.clock().pause();
			sandbox.clock().advance(Duration.ofMillis(300));
			sandbox.stream("clicks").putRecord("1", "Hello, this is a test.");
			sandbox.clock().resume();
			sandbox.settle();

			Batch batch = sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches().get(0);
			assertThat(batch.at()).isEqualTo(START.plusSeconds(1));
			JsonNode event = Fixtures.parse(sandbox.queue("events").messages().get(0).body());
			JsonNode sample = Fixtures.json("kinesis-event.json");
			assertThat(JsonShape.differences(sample, event)).isEmpty();
			JsonNode kinesis = event.get("Records").get(0).get("kinesis");
			assertThat(kinesis.get("data").asText()).isEqualTo(sample.get("Records").get(0).get("kinesis").get("data").asText());
			assertThat(sandbox.queue("events").messages().get(0).body()).contains("\"approximateArrivalTimestamp\":1735689600.300");
			assertThat(event.get("Records").get(0).get("eventSourceARN").asText())
					.isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/clicks");
			assertThat(event.get("Records").get(0).get("invokeIdentityArn").asText()).startsWith("arn:aws:iam::123456789012:role/");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.KinesisWorker.class)
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRetryAttempts = 2,
			onFailure = "sqs:clicks-failures")
	class RetriesThenTheOnFailureRecord {

		@Test
		void aFailedBatchIsRetriedThenRecordedAndTheShardMovesOn(Sandbox sandbox) {
			String poison = sandbox.stream("clicks").putRecord("k", "poison");
			String next = sandbox.stream("clicks").putRecord("k", "fine");
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches();
			// the shard is blocked: the later record waits behind the failing batch (both are in it here)
			assertThat(batches).extracting(Batch::at).containsExactly(START, START.plusSeconds(1), START.plusSeconds(3));
			assertThat(batches).extracting(Batch::items).containsOnly(List.of(poison, next));
			JsonNode record = records(sandbox, "clicks-failures").get(0);
			JsonNode sample = Fixtures.json("kinesis-on-failure-record.json");
			assertThat(JsonShape.differences(sample, record)).isEmpty();
			assertThat(fieldNames(record)).containsExactly("requestContext", "responseContext", "version", "timestamp",
					"KinesisBatchInfo");
			assertThat(record.get("requestContext").get("condition").asText()).isEqualTo("RetryAttemptsExhausted");
			assertThat(record.get("requestContext").get("approximateInvokeCount").asInt()).isEqualTo(3);
			assertThat(record.get("requestContext").get("functionArn").asText())
					.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:clicker");
			assertThat(record.get("requestContext").get("requestId").asText()).isEqualTo(batches.get(2).requestId());
			assertThat(record.get("responseContext").get("functionError").asText()).isEqualTo("Unhandled");
			JsonNode info = record.get("KinesisBatchInfo");
			assertThat(info.get("startSequenceNumber").asText()).isEqualTo(poison);
			assertThat(info.get("endSequenceNumber").asText()).isEqualTo(next);
			assertThat(info.get("batchSize").asInt()).isEqualTo(2);
			assertThat(info.get("approximateArrivalOfFirstRecord").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.Checkpointed.class::isInstance)
					.extracting(e -> ((JournalEntry.Checkpointed) e).sequenceNumber()).containsExactly(next);
		}

		@Test
		void recordsAfterTheDiscardedBatchAreProcessed(Sandbox sandbox) {
			sandbox.stream("clicks").putRecord("k", "poison");
			sandbox.clock().pause();
			sandbox.settle();
			sandbox.clock().advance(Duration.ofMillis(1500));
			String later = sandbox.stream("clicks").putRecord("k", "fine");
			sandbox.clock().resume();
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches();
			assertThat(batches.get(batches.size() - 1).items()).containsExactly(later);
			assertThat(batches.get(batches.size() - 1).outcome()).isEqualTo(BatchOutcome.SUCCESS);
			// the later record waited for the retries of the failed one (at +3 s the last)
			assertThat(batches.get(batches.size() - 1).at()).isEqualTo(START.plusSeconds(3));
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.KinesisWorker.class)
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRetryAttempts = 0,
			bisectBatchOnFunctionError = true, onFailure = "sqs:clicks-failures")
	class Bisect {

		@Test
		void splitsAFailedBatchUntilThePoisonRecordIsAloneWithoutUsingUpRetries(Sandbox sandbox) {
			List<String> sequence = new ArrayList<>();
			for (String data : List.of("a", "b", "poison", "d")) {
				sequence.add(sandbox.stream("clicks").putRecord("k", data));
			}
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches();
			assertThat(batches).extracting(Batch::items).containsExactly(sequence, sequence.subList(0, 2),
					sequence.subList(2, 4), sequence.subList(2, 3), sequence.subList(3, 4));
			assertThat(batches).extracting(Batch::outcome).containsExactly(BatchOutcome.FAILURE, BatchOutcome.SUCCESS,
					BatchOutcome.FAILURE, BatchOutcome.FAILURE, BatchOutcome.SUCCESS);
			assertThat(records(sandbox, "clicks-failures")).singleElement().satisfies(record -> {
				assertThat(record.get("KinesisBatchInfo").get("batchSize").asInt()).isEqualTo(1);
				assertThat(record.get("KinesisBatchInfo").get("startSequenceNumber").asText()).isEqualTo(sequence.get(2));
				assertThat(record.get("requestContext").get("approximateInvokeCount").asInt()).isEqualTo(1);
			});
			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.BatchSplit.class::isInstance).hasSize(2);
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.PartialKinesisWorker.class)
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRetryAttempts = 1,
			reportBatchItemFailures = true, onFailure = "sqs:clicks-failures")
	class PartialBatchResponses {

		@Test
		void theCheckpointMovesToTheLowestReportedSequenceNumberAndTheRestIsRetried(Sandbox sandbox) {
			List<String> sequence = new ArrayList<>();
			for (String data : List.of("a", "bad", "c")) {
				sequence.add(sandbox.stream("clicks").putRecord("k", data));
			}
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches();
			assertThat(batches).extracting(Batch::items).containsExactly(sequence, sequence.subList(1, 3));
			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.Checkpointed.class::isInstance)
					.extracting(e -> ((JournalEntry.Checkpointed) e).sequenceNumber()).containsExactly(sequence.get(0),
							sequence.get(2));
			JsonNode record = records(sandbox, "clicks-failures").get(0);
			assertThat(record.get("responseContext").get("functionError").isNull()).isTrue();
			assertThat(record.get("requestContext").get("approximateInvokeCount").asInt()).isEqualTo(2);
			assertThat(record.get("KinesisBatchInfo").get("batchSize").asInt()).isEqualTo(2);
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.KinesisWorker.class)
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRecordAgeInSeconds = 60,
			batchSize = 1, maximumBatchingWindowInSeconds = 1, onFailure = "sqs:clicks-failures")
	class RecordAge {

		@Test
		void aRecordThatExpiresWhileRetriedIsRecordedWithoutResponseAfterEightAttempts(Sandbox sandbox) {
			sandbox.stream("clicks").putRecord("k", "poison");
			sandbox.settle();

			JsonNode record = records(sandbox, "clicks-failures").get(0);
			assertThat(record.get("requestContext").get("condition").asText()).isEqualTo("RecordAgeExceeded");
			assertThat(record.get("requestContext").get("approximateInvokeCount").asInt()).isEqualTo(8);
			assertThat(fieldNames(record)).containsExactly("requestContext", "version", "timestamp", "KinesisBatchInfo");
		}

		@Test
		void recordsAlreadyTooOldWhenPolledAreRecordedAndTheRestIsInvoked(Sandbox sandbox) {
			sandbox.eventSourceMapping("clicker", "kinesis:clicks").disable();
			String old = sandbox.stream("clicks").putRecord("k", "old");
			sandbox.clock().pause();
			sandbox.clock().advance(Duration.ofSeconds(80));
			String fresh = sandbox.stream("clicks").putRecord("k", "fresh");
			sandbox.eventSourceMapping("clicker", "kinesis:clicks").enable();
			sandbox.clock().resume();
			sandbox.settle();

			assertThat(sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches()).extracting(Batch::items)
					.containsExactly(List.of(fresh));
			assertThat(records(sandbox, "clicks-failures")).singleElement().satisfies(record -> {
				assertThat(record.get("requestContext").get("condition").asText()).isEqualTo("RecordAgeExceeded");
				assertThat(record.get("requestContext").get("approximateInvokeCount").asInt()).isEqualTo(1);
				assertThat(record.get("KinesisBatchInfo").get("startSequenceNumber").asText()).isEqualTo(old);
			});
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.KinesisWorker.class)
	@DataStream(name = "clicks")
	@io.github.lambdasandbox.Bucket(name = "failures")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRetryAttempts = 0, onFailure = "s3:failures")
	class S3OnFailure {

		@Test
		void getsTheRecordWithTheWholeEventAsPayloadUnderAwssKey(Sandbox sandbox) {
			sandbox.stream("clicks").putRecord("k", "poison");
			sandbox.settle();

			String uuid = sandbox.eventSourceMapping("clicker", "kinesis:clicks").uuid();
			List<String> keys = sandbox.bucket("failures").keys();
			assertThat(keys).singleElement().asString()
					.matches("aws/lambda/" + uuid + "/shardId-000000000000/2025/01/01/2025-01-01T00\\.00\\.00-[0-9a-f-]{36}");
			JsonNode record = Fixtures.parse(sandbox.bucket("failures").getObject(keys.get(0)).orElseThrow());
			assertThat(fieldNames(record)).containsExactly("requestContext", "responseContext", "version", "timestamp",
					"KinesisBatchInfo", "payload");
			JsonNode payload = Fixtures.parse(record.get("payload").asText());
			assertThat(new String(Base64.getDecoder().decode(payload.get("Records").get(0).get("kinesis").get("data").asText()),
					StandardCharsets.UTF_8)).isEqualTo("poison");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.KinesisWorker.class)
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks", parallelizationFactor = 4, batchSize = 1)
	class Parallelization {

		@Test
		void keepsTheOrderOfEachPartitionKey(Sandbox sandbox) {
			Map<String, List<String>> putByKey = new java.util.LinkedHashMap<>();
			for (int i = 0; i < 40; i++) {
				String key = "key-" + (i % 5);
				putByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(sandbox.stream("clicks").putRecord(key, "r" + i));
			}
			sandbox.settle();

			Map<String, String> keyOf = new java.util.HashMap<>();
			putByKey.forEach((key, sequenceNumbers) -> sequenceNumbers.forEach(s -> keyOf.put(s, key)));
			Map<String, List<String>> processedByKey = new java.util.LinkedHashMap<>();
			for (Batch batch : sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches()) {
				for (String s : batch.items()) {
					processedByKey.computeIfAbsent(keyOf.get(s), k -> new ArrayList<>()).add(s);
				}
			}
			assertThat(processedByKey).isEqualTo(putByKey);
			// several batches of one shard ran at the first poll: not one after the other only
			assertThat(sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches()).hasSize(40);
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "auditor", handler = SourceHandlers.Capture.class)
	@Table(name = "users", partitionKey = "id")
	@Queue(name = "events")
	@EventSourceMapping(function = "auditor", source = "dynamodb:users")
	class DynamoDbStreams {

		@Test
		void writesBecomeInsertModifyAndRemoveRecordsWithTypedImages(Sandbox sandbox) {
			sandbox.table("users").putItem("{\"id\":\"id_value\"}");
			sandbox.table("users").updateItem("{\"id\":\"id_value\"}", "{\"id2\":\"id2_new_value\"}");
			sandbox.table("users").deleteItem("{\"id\":\"id_value\"}");
			sandbox.settle();

			JsonNode event = Fixtures.parse(sandbox.queue("events").messages().get(0).body());
			List<String> names = new ArrayList<>();
			event.get("Records").forEach(r -> names.add(r.get("eventName").asText()));
			assertThat(names).containsExactly("INSERT", "MODIFY", "REMOVE");
			JsonNode modify = event.get("Records").get(1);
			JsonNode sample = Fixtures.json("dynamodb-stream-event.json").get("Records").get(0);
			assertThat(modify.get("dynamodb").get("NewImage")).isEqualTo(sample.get("dynamodb").get("NewImage"));
			assertThat(modify.get("dynamodb").get("OldImage")).isEqualTo(sample.get("dynamodb").get("OldImage"));
			assertThat(modify.get("dynamodb").get("Keys")).isEqualTo(sample.get("dynamodb").get("Keys"));
			assertThat(modify.get("dynamodb").get("SizeBytes")).isEqualTo(sample.get("dynamodb").get("SizeBytes"));
			assertThat(fieldNames(modify)).isEqualTo(fieldNames(sample));
			assertThat(fieldNames(modify.get("dynamodb"))).isEqualTo(fieldNames(sample.get("dynamodb")));
			assertThat(modify.get("eventSourceARN").asText()).isEqualTo(sandbox.table("users").streamArn());
			assertThat(event.get("Records").get(2).get("dynamodb").has("NewImage")).isFalse();
		}

		@Test
		void aWriteThatChangesNothingAddsNoRecord(Sandbox sandbox) {
			sandbox.table("users").putItem("{\"id\":\"1\",\"name\":\"Ada\"}");
			sandbox.table("users").putItem("{\"id\":\"1\",\"name\":\"Ada\"}");
			sandbox.settle();

			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.ItemChanged.class::isInstance).hasSize(1);
		}

		@Test
		void thePollComesAtTheNextQuarterSecond(Sandbox sandbox) {
			sandbox.clock().pause();
			sandbox.clock().advance(Duration.ofMillis(100));
			sandbox.table("users").putItem("{\"id\":\"1\"}");
			sandbox.clock().resume();
			sandbox.settle();

			assertThat(sandbox.eventSourceMapping("auditor", "dynamodb:users").batches()).singleElement()
					.extracting(Batch::at).isEqualTo(START.plusMillis(250));
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "auditor", handler = SourceHandlers.DynamoDbWorker.class)
	@Table(name = "users", partitionKey = "id")
	@EventSourceMapping(function = "auditor", source = "dynamodb:users", maximumRetryAttempts = 0,
			onFailure = "sqs:audit-failures")
	class DynamoDbOnFailure {

		@Test
		void theRecordCarriesDdbStreamBatchInfoToTheSecond(Sandbox sandbox) {
			sandbox.clock().pause();
			sandbox.clock().advance(Duration.ofMillis(1717));
			sandbox.table("users").putItem("{\"id\":\"1\",\"poison\":true}");
			sandbox.clock().resume();
			sandbox.settle();

			JsonNode record = records(sandbox, "audit-failures").get(0);
			assertThat(JsonShape.differences(Fixtures.json("dynamodb-on-failure-record.json"), record)).isEmpty();
			JsonNode info = record.get("DDBStreamBatchInfo");
			assertThat(info.get("approximateArrivalOfFirstRecord").asText()).isEqualTo("2025-01-01T00:00:01Z");
			assertThat(info.get("streamArn").asText()).isEqualTo(sandbox.table("users").streamArn());
			assertThat(info.get("shardId").asText()).matches("shardId-00000001735689600000-[0-9a-f]{8}");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "clicker", handler = SourceHandlers.KinesisWorker.class)
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks")
	class Defaults {

		@Test
		void aPoisonRecordBlocksItsShardUntilItLeavesTheStream(Sandbox sandbox) {
			sandbox.stream("clicks").putRecord("k", "poison");
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("clicker", "kinesis:clicks").batches();
			assertThat(batches.size()).isGreaterThan(7000);
			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.RecordsDiscarded.class::isInstance)
					.singleElement().satisfies(e -> {
						JournalEntry.RecordsDiscarded discarded = (JournalEntry.RecordsDiscarded) e;
						assertThat(discarded.condition()).isEqualTo(Condition.RECORD_AGE_EXCEEDED);
						assertThat(discarded.destination()).isNull();
						assertThat(discarded.at()).isAfterOrEqualTo(START.plus(Duration.ofHours(24)));
					});
		}
	}
}
