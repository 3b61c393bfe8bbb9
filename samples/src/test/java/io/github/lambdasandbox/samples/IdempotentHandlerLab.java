package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Table;
import io.github.lambdasandbox.samples.handlers.ChargeHandler;
import io.github.lambdasandbox.samples.handlers.IdempotentChargeHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: an idempotent handler under duplicate delivery. SQS delivers at least once: now and then a message reaches the
 * function twice, in two batches. The sandbox makes it happen on purpose ({@code deliverNextMessageTwice()}), or at
 * random from its seed ({@code @LambdaSandbox(duplicateDeliveryProbability)}: the same duplicates on every run). A
 * handler that charges every order it reads charges one twice; one that remembers what it charged does not.
 */
@LambdaSandbox
@Queue(name = "orders")
@Queue(name = "charges")
@Table(name = "charged", partitionKey = "messageId")
@DisplayName("Lab: an idempotent handler under duplicate delivery")
@Order(9)
class IdempotentHandlerLab {

	@Nested
	@LambdaFunction(name = "charge", handler = ChargeHandler.class)
	@EventSourceMapping(function = "charge", source = "sqs:orders")
	@DisplayName("a handler that is not idempotent")
	@Order(1)
	class NotIdempotent {

		@Test
		@DisplayName("the order delivered twice is charged twice")
		void chargesTwice(Sandbox sandbox) {
			sandbox.queue("orders").deliverNextMessageTwice();
			sandbox.queue("orders").sendMessage("{\"orderId\": \"o-1\", \"amount\": 30}");
			sandbox.settle();

			assertThat(queue("charges")).hasMessageCount(2);
		}
	}

	@Nested
	@LambdaFunction(name = "charge", handler = IdempotentChargeHandler.class)
	@EventSourceMapping(function = "charge", source = "sqs:orders")
	@DisplayName("a handler that remembers what it charged")
	@Order(2)
	class Idempotent {

		@Test
		@DisplayName("the order delivered twice is charged once; the log says why")
		void chargesOnce(Sandbox sandbox) {
			sandbox.queue("orders").deliverNextMessageTwice();
			sandbox.queue("orders").sendMessage("{\"orderId\": \"o-1\", \"amount\": 30}");
			sandbox.settle();

			assertThat(queue("charges")).hasMessageCount(1);
			assertThat(function("charge")).hasLogLineContaining("already charged");
		}

		@Test
		@LambdaSandbox(duplicateDeliveryProbability = 0.3)
		@DisplayName("20 orders, about a third of them delivered twice: 20 charges")
		void chargesEachOrderOnceUnderRandomDuplicates(Sandbox sandbox) {
			for (int i = 1; i <= 20; i++) {
				sandbox.queue("orders").sendMessage("{\"orderId\": \"o-" + i + "\", \"amount\": " + i + "}");
			}
			sandbox.settle();

			assertThat(sandbox.journal().entries())
					.as("duplicates delivered")
					.filteredOn(e -> e instanceof io.github.lambdasandbox.JournalEntry.FaultInjected).isNotEmpty();
			assertThat(queue("charges")).hasMessageCount(20);
		}
	}
}
