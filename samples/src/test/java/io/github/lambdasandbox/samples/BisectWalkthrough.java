package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.EventSourceMappingHandle;
import io.github.lambdasandbox.EventSourceMappingHandle.Batch;
import io.github.lambdasandbox.JournalEntry.BatchOutcome;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.ClickStreamHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Walk-through: {@code BisectBatchOnFunctionError} on a hand-driven clock. Four records, the third bad. The batch
 * of four fails and is split in two, then the failing half again, until the bad record is alone; splits do not use
 * up retries. The bad record alone fails, is retried once a second later, and is recorded in {@code clicks-dlq};
 * the record after it goes on.
 */
@LambdaSandbox
@LambdaFunction(name = "click-processor", handler = ClickStreamHandler.class)
@DataStream(name = "clicks")
@EventSourceMapping(function = "click-processor", source = "kinesis:clicks", bisectBatchOnFunctionError = true,
		maximumRetryAttempts = 1, onFailure = "sqs:clicks-dlq")
@DisplayName("Walk-through: a failing Kinesis batch bisected, step by step")
@Order(6)
class BisectWalkthrough {

	@Test
	@DisplayName("[a b bad d] fails → [a b] ok, [bad d] fails → [bad] fails twice → recorded; [d] ok")
	void theBadRecordIsIsolated(Sandbox sandbox) {
		List<String> records = new ArrayList<>();
		for (String click : List.of("{\"page\": \"a\"}", "{\"page\": \"b\"}", "bad", "{\"page\": \"d\"}")) {
			records.add(sandbox.stream("clicks").putRecord("user-1", click));
		}
		EventSourceMappingHandle mapping = sandbox.eventSourceMapping("click-processor", "kinesis:clicks");
		sandbox.clock().pause();

		sandbox.settle();                             // +0s: everything due now
		assertThat(mapping.batches()).extracting(Batch::items, Batch::outcome).containsExactly(
				tuple(records, BatchOutcome.FAILURE),
				tuple(records.subList(0, 2), BatchOutcome.SUCCESS),
				tuple(records.subList(2, 4), BatchOutcome.FAILURE),
				tuple(records.subList(2, 3), BatchOutcome.FAILURE));
		assertThat(queue("clicks-dlq").messages()).isEmpty();     // [bad] waits 1 s for its retry

		sandbox.clock().advance(Duration.ofSeconds(1));
		assertThat(mapping.batches()).hasSize(6).last().extracting(Batch::items).isEqualTo(records.subList(3, 4));
		assertThat(queue("clicks-dlq")).receivesRecord()
				.withCondition(RETRY_ATTEMPTS_EXHAUSTED)
				.withApproximateInvokeCount(2)
				.withBatchSize(1)
				.withStartSequenceNumber(records.get(2));
	}
}
