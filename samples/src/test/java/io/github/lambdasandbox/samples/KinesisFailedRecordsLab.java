package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.KinesisStream;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.samples.handlers.ClickStreamHandler;
import io.github.lambdasandbox.samples.handlers.OrderQueueHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: an event source mapping with an on-failure destination (seed 001, "7.2 event source mapping example").
 *
 * <p>Click events flow into the Kinesis stream {@code clicks}; {@code click-processor} reads them through an event
 * source mapping. A record it cannot process fails its batch: Lambda retries the batch (twice here), the shard
 * waits, then Lambda sends a record of the batch to the SQS queue {@code clicks-dlq} and moves on. That record holds
 * where the failed records are, not the records: a separate process reads them back from the stream.
 */
@LambdaSandbox
@LambdaFunction(name = "click-processor", handler = ClickStreamHandler.class)
@DataStream(name = "clicks")
@EventSourceMapping(function = "click-processor", source = "kinesis:clicks",
		maximumRetryAttempts = 2, onFailure = "sqs:clicks-dlq")
@DisplayName("Lab: failed Kinesis records reach an SQS queue after retries (seed 001)")
@Order(4)
class KinesisFailedRecordsLab {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	@DisplayName("a bad record is tried 3 times, then its batch is recorded in clicks-dlq and the shard moves on")
	void aBadRecordEndsInTheDeadLetterQueue(Sandbox sandbox) throws Exception {
		KinesisStream clicks = sandbox.stream("clicks");
		clicks.putRecord("user-1", "{\"page\": \"/home\"}");
		sandbox.settle();
		String bad = clicks.putRecord("user-2", "page=/cart");           // not JSON
		sandbox.settle();
		clicks.putRecord("user-1", "{\"page\": \"/checkout\"}");

		SqsMessage record = assertThat(queue("clicks-dlq")).receivesRecord()
				.withCondition(RETRY_ATTEMPTS_EXHAUSTED)                   // "RetryAttemptsExhausted", not "RetriesExhausted"
				.withApproximateInvokeCount(3)                             // MaximumRetryAttempts + 1
				.withFunctionError("Unhandled")
				.withBatchSize(1)
				.withStartSequenceNumber(bad)
				.withEndSequenceNumber(bad)
				.actual();

		// metadata only: where the failed records are; a reprocessor reads them back from the stream
		JsonNode info = JSON.readTree(record.body()).get("KinesisBatchInfo");
		BigInteger from = new BigInteger(info.get("startSequenceNumber").asText());
		BigInteger to = new BigInteger(info.get("endSequenceNumber").asText());
		List<String> failed = clicks.records().stream()
				.filter(r -> r.shardId().equals(info.get("shardId").asText()))
				.filter(r -> new BigInteger(r.sequenceNumber()).compareTo(from) >= 0
						&& new BigInteger(r.sequenceNumber()).compareTo(to) <= 0)
				.map(KinesisStream.Record::text).toList();
		assertThat(failed).containsExactly("page=/cart");

		// the shard moved on: the next click was processed
		sandbox.settle();
		assertThat(sandbox.function("click-processor").logs()).anySatisfy(line -> assertThat(line)
				.contains("click {\"page\": \"/checkout\"}"));
	}

	/** The seed's CLI example, as annotations: an on-failure destination on an SQS source mapping. */
	@LambdaFunction(name = "my-function", handler = OrderQueueHandler.class)
	@Queue(name = "source-queue")
	@EventSourceMapping(function = "my-function", source = "sqs:source-queue", onFailure = "sqs:destination-queue")
	static class SeedCliExample {
	}

	@Test
	@DisplayName("the seed's CLI example is refused by AWS: an SQS source's failures go to the queue's own DLQ")
	void anOnFailureDestinationOnAQueueMappingIsRefused() {
		assertThatThrownBy(() -> Sandbox.create(SeedCliExample.class))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("\"Unsupported DestinationConfig parameter for given event source mapping type.\"")
				.hasMessageContaining("@Queue(name = \"source-queue\", deadLetterQueue = \"sqs:…\", maxReceiveCount = …)");
	}
}
