package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.EventSourceMappingHandle.Batch;
import io.github.lambdasandbox.JournalEntry.BatchOutcome;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.ForgetfulOrderQueueHandler;
import io.github.lambdasandbox.samples.handlers.OrderQueueHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: partial batch responses of an SQS event source mapping, and two ways to lose messages without noticing.
 *
 * <p>{@code orders} has a redrive policy: a message received 3 times goes to {@code orders-dlq}. One order of three
 * cannot be processed. With {@code ReportBatchItemFailures} the handler reports it, Lambda deletes the two others,
 * and the bad one comes back after the visibility timeout until it reaches the dead-letter queue. Then the two
 * classic bugs: a handler that swallows failures and reports none, and a mapping without
 * {@code ReportBatchItemFailures}, whose handler's report Lambda never reads.
 */
@LambdaSandbox
@Queue(name = "orders", visibilityTimeout = 30, deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 3)
@DisplayName("Lab: SQS partial batch responses, and how orders get lost")
@Order(5)
class SqsPartialBatchLab {

	static void sendThreeOrders(Sandbox sandbox) {
		sandbox.queue("orders").sendMessage("{\"id\": 1, \"quantity\": 2}");
		sandbox.queue("orders").sendMessage("{\"id\": 2, \"quantity\": 0}");     // cannot be processed
		sandbox.queue("orders").sendMessage("{\"id\": 3, \"quantity\": 1}");
	}

	@Nested
	@LambdaFunction(name = "order-worker", handler = OrderQueueHandler.class)
	@EventSourceMapping(function = "order-worker", source = "sqs:orders", reportBatchItemFailures = true)
	@DisplayName("reported failures: only order 2 is retried, then it reaches orders-dlq")
	@Order(1)
	class ReportedFailures {

		@Test
		@DisplayName("orders 1 and 3 are deleted at once; order 2 comes back at +30s and +60s, then moves to orders-dlq")
		void onlyTheFailedOrderIsRetried(Sandbox sandbox) {
			sendThreeOrders(sandbox);

			assertThat(queue("orders")).isDrained();
			assertThat(queue("orders-dlq")).receivesMessage().withBody("{\"id\": 2, \"quantity\": 0}");
			assertThat(sandbox.eventSourceMapping("order-worker", "sqs:orders").batches())
					.extracting(Batch::size, Batch::outcome)
					.containsExactly(tuple(3, BatchOutcome.PARTIAL_FAILURE), tuple(1, BatchOutcome.PARTIAL_FAILURE),
							tuple(1, BatchOutcome.PARTIAL_FAILURE));
		}
	}

	@Nested
	@LambdaFunction(name = "order-worker", handler = ForgetfulOrderQueueHandler.class)
	@EventSourceMapping(function = "order-worker", source = "sqs:orders", reportBatchItemFailures = true)
	@DisplayName("classic bug 1: the handler catches the failure and reports nothing")
	@Order(2)
	class SwallowedFailures {

		@Test
		@DisplayName("order 2 is deleted with the others: lost, only the log knows")
		void theFailedOrderIsDeleted(Sandbox sandbox) {
			sendThreeOrders(sandbox);

			assertThat(queue("orders")).isDrained();
			assertThat(queue("orders-dlq")).receivesNoMessage();
			assertThat(sandbox.function("order-worker").logs())
					.anySatisfy(line -> assertThat(line).contains("failed: an order needs a quantity above 0"));
		}
	}

	@Nested
	@LambdaFunction(name = "order-worker", handler = OrderQueueHandler.class)
	@EventSourceMapping(function = "order-worker", source = "sqs:orders")      // no reportBatchItemFailures
	@DisplayName("classic bug 2: the mapping does not ask for ReportBatchItemFailures")
	@Order(3)
	class UnreadReport {

		@Test
		@DisplayName("Lambda ignores the handler's batchItemFailures: the batch succeeded, order 2 is deleted")
		void theReportIsIgnored(Sandbox sandbox) {
			sendThreeOrders(sandbox);

			assertThat(queue("orders")).isDrained();
			assertThat(queue("orders-dlq")).receivesNoMessage();
			assertThat(sandbox.eventSourceMapping("order-worker", "sqs:orders").batches())
					.extracting(Batch::outcome).containsExactly(BatchOutcome.SUCCESS);
		}
	}
}
