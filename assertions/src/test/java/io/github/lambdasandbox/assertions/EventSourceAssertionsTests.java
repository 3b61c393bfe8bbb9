package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.Condition.RETRY_ATTEMPTS_EXHAUSTED;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.queue;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Assertions on what event source mappings do")
@LambdaSandbox
@LambdaFunction(name = "worker", handler = EventSourceAssertionsTests.FailsOnPoison.class)
@LambdaFunction(name = "clicker", handler = EventSourceAssertionsTests.FailsOnPoison.class)
@Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 2)
@Queue(name = "stuck")
@DataStream(name = "clicks")
@EventSourceMapping(function = "worker", source = "sqs:orders")
@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRetryAttempts = 1,
		onFailure = "sqs:clicks-failures")
class EventSourceAssertionsTests {

	/** Fails when the event mentions "poison" (in a body, or in base64 data: "cG9pc29u"). */
	public static class FailsOnPoison implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			String text = String.valueOf(event);
			if (text.contains("poison") || text.contains("cG9pc29u")) {
				throw new IllegalStateException("poison");
			}
			return "ok";
		}
	}

	@Test
	void aQueueWhoseMessagesWereProcessedIsDrained(Sandbox sandbox) {
		sandbox.queue("orders").sendMessage("fine");

		assertThat(queue("orders")).isDrained();
	}

	@Test
	void aQueueIsDrainedOnceTheRedrivePolicyMovedItsPoison(Sandbox sandbox) {
		sandbox.queue("orders").sendMessage("poison");

		assertThat(queue("orders")).isDrained();
		assertThat(queue("orders-dlq")).receivesMessage().withBody("poison");
	}

	@Test
	void aQueueNobodyReadsIsNotDrainedAndTheMessageTellsWhatHappened(Sandbox sandbox) {
		sandbox.queue("stuck").sendMessage("waiting");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(queue("stuck")).isDrained())
				.withMessageContaining("Expecting queue \"stuck\" to be drained (nothing visible, in flight or delayed) when "
						+ "the sandbox settled at +0s,")
				.withMessageContaining("but it holds 1 visible, 0 in flight, 0 delayed.")
				.withMessageContaining("(waiting):\n  +0s  reached sqs:stuck");
	}

	@Test
	void aStreamOnFailureRecordIsCheckedAsAnyRecord(Sandbox sandbox) {
		String poison = sandbox.stream("clicks").putRecord("k", "poison");

		assertThat(queue("clicks-failures")).receivesRecord()
				.withCondition(RETRY_ATTEMPTS_EXHAUSTED)
				.withApproximateInvokeCount(2)
				.withFunctionError("Unhandled")
				.withBatchSize(1)
				.withShardId("shardId-000000000000")
				.withStartSequenceNumber(poison)
				.withEndSequenceNumber(poison)
				.withFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:clicker");
	}

	@Test
	void aWrongBatchSizeShowsExpectedAndActual(Sandbox sandbox) {
		sandbox.stream("clicks").putRecord("k", "poison");

		assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(queue("clicks-failures")).receivesRecord().withBatchSize(2))
				.withMessageContaining("batchSize")
				.withMessageContaining("2")
				.withMessageContaining("1");
	}

	@Test
	void theMappingsBatchesAreThereForAssertJ(Sandbox sandbox) {
		sandbox.queue("orders").sendMessage("a");
		sandbox.queue("orders").sendMessage("b");
		sandbox.settle();

		org.assertj.core.api.Assertions.assertThat(sandbox.eventSourceMapping("worker", "sqs:orders").batches())
				.extracting(b -> b.size()).isEqualTo(List.of(2));
	}
}
