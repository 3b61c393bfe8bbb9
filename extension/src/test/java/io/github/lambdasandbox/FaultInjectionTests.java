package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.lambdasandbox.EventSourceMappingHandle.Batch;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import io.github.lambdasandbox.support.SourceHandlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Faults injected on purpose: deterministic, and visible in the journal")
class FaultInjectionTests {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	static List<String> faults(Sandbox sandbox) {
		return sandbox.journal().entries().stream().filter(JournalEntry.FaultInjected.class::isInstance)
				.map(e -> ((JournalEntry.FaultInjected) e).fault()).toList();
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "f", handler = Handlers.Hello.class, onSuccess = "sqs:done", onFailure = "sqs:failed",
			deadLetterQueue = "sqs:dlq")
	class Attempts {

		@Test
		void theNextAttemptsFailWithTheGivenErrorThenTheHandlerRunsAgain(Sandbox sandbox) {
			sandbox.function("f").injectFault(Fault.functionError("java.io.IOException", "db down").times(2));

			sandbox.invokeAsync("f", "{}");
			sandbox.settle();

			assertThat(sandbox.queue("done").messages()).hasSize(1);
			assertThat(Fixtures.parse(sandbox.queue("done").messages().get(0).body()).get("requestContext")
					.get("approximateInvokeCount").asInt()).isEqualTo(3);
			assertThat(faults(sandbox)).containsExactly("function error java.io.IOException: db down",
					"function error java.io.IOException: db down");
			assertThat(sandbox.function("f").metric("Errors")).isEqualTo(2);
		}

		@Test
		void aSynchronousInvokeGetsTheRuntimesErrorPayloadOfTheInjectedError(Sandbox sandbox) {
			sandbox.function("f").injectFault(Fault.functionError("java.io.IOException", "db down"));

			InvokeResult result = sandbox.invoke("f", "{}");

			assertThat(result.functionError()).isEqualTo("Unhandled");
			assertThat(result.payload()).isEqualTo("{\"errorMessage\":\"db down\",\"errorType\":\"java.io.IOException\","
					+ "\"stackTrace\":[]}");
			assertThat(sandbox.invoke("f", "{}").functionError()).isNull();
		}

		@Test
		void anInjectedTimeoutTakesTheFunctionsTimeoutOfVirtualTime(Sandbox sandbox) {
			sandbox.function("f").injectFault(Fault.timeout());

			InvokeResult result = sandbox.invoke("f", "{}");

			assertThat(result.payload()).contains("Sandbox.Timedout");
			assertThat(sandbox.clock().now()).isEqualTo(START.plusSeconds(3));
		}

		@Test
		void latencyDelaysTheAttemptInVirtualTime(Sandbox sandbox) {
			sandbox.function("f").injectFault(Fault.latency(Duration.ofMillis(1500)));

			InvokeResult result = sandbox.invoke("f", "{}");

			assertThat(result.functionError()).isNull();
			assertThat(sandbox.clock().now()).isEqualTo(START.plusMillis(1500));
		}

		@Test
		void aServiceErrorIs500ForACallerAndATryAgainForAnEvent(Sandbox sandbox) {
			sandbox.function("f").injectFault(Fault.serviceError().times(2));

			LambdaServiceException error = catchThrowableOfType(LambdaServiceException.class, () -> sandbox.invoke("f", "{}"));
			sandbox.invokeAsync("f", "{}");
			sandbox.settle();

			assertThat(error.statusCode()).isEqualTo(500);
			assertThat(error.errorCode()).isEqualTo("ServiceException");
			assertThat(error.body()).isEqualTo("{\"Type\":\"Service\",\"message\":\"The AWS Lambda service encountered an "
					+ "internal error.\"}");
			// the event tried again after 1 s, without using up a retry
			assertThat(sandbox.queue("done").messages()).singleElement().satisfies(m -> assertThat(m.sentAt())
					.isEqualTo(START.plusSeconds(1)));
		}

		@Test
		void anUnavailableDestinationAndDeadLetterQueueCountDeliveryFailures(Sandbox sandbox) {
			sandbox.function("f").injectFault(Fault.functionError("java.lang.IllegalStateException", "no").times(3));
			sandbox.injectFault("sqs:failed", Fault.unavailable());
			sandbox.injectFault("sqs:dlq", Fault.unavailable());

			sandbox.invokeAsync("f", "{}");
			sandbox.settle();

			assertThat(sandbox.queue("failed").messages()).isEmpty();
			assertThat(sandbox.queue("dlq").messages()).isEmpty();
			assertThat(sandbox.function("f").metric("DestinationDeliveryFailures")).isOne();
			assertThat(sandbox.function("f").metric("DeadLetterErrors")).isOne();
		}

		@Test
		void faultsOfOneFunctionApplyInTheOrderInjected(Sandbox sandbox) {
			sandbox.function("f").injectFault(Fault.latency(Duration.ofSeconds(1)));
			sandbox.function("f").injectFault(Fault.functionError("java.io.IOException", "then this"));

			sandbox.invoke("f", "{}");
			InvokeResult second = sandbox.invoke("f", "{}");

			assertThat(second.payload()).contains("then this");
			assertThat(faults(sandbox)).containsExactly("latency of PT1S", "function error java.io.IOException: then this");
		}

		@Test
		void badFaultsAreRefusedWithTheFix(Sandbox sandbox) {
			assertThatIllegalArgumentException().isThrownBy(() -> Fault.timeout().times(0))
					.withMessage("times(0): a fault applies to 1 or more attempts.");
			assertThatIllegalArgumentException().isThrownBy(() -> sandbox.injectFault("sqs:done", Fault.timeout()))
					.withMessageStartingWith("injectFault(\"sqs:done\", timeout): a resource can only be made unavailable");
			assertThatIllegalArgumentException().isThrownBy(() -> sandbox.injectFault("sqs:nope", Fault.unavailable()))
					.withMessageStartingWith("No queue \"nope\" in this sandbox.");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "counter", handler = Handlers.Counting.class, onSuccess = "sqs:done")
	class Duplicates {

		@Test
		void theNextEventIsDeliveredTwiceWithTheSameRequestId(Sandbox sandbox) {
			sandbox.function("counter").deliverNextEventTwice();

			InvokeResult accepted = sandbox.invokeAsync("counter", "{}");
			sandbox.settle();

			List<JournalEntry> started = sandbox.journal().entries().stream()
					.filter(JournalEntry.AttemptStarted.class::isInstance).toList();
			assertThat(started).hasSize(2).extracting(JournalEntry::requestId).containsOnly(accepted.requestId());
			assertThat(faults(sandbox)).containsExactly("duplicate delivery");
			assertThat(sandbox.queue("done").messages()).hasSize(1);
		}
	}

	@Nested
	@LambdaSandbox(duplicateDeliveryProbability = 0.25)
	@LambdaFunction(name = "counter", handler = Handlers.Counting.class)
	class SeededDuplicates {

		@Test
		void aProbabilityDuplicatesTheSameEventsOnEveryRun() {
			List<List<String>> runs = new java.util.ArrayList<>();
			for (int run = 0; run < 5; run++) {
				try (Sandbox sandbox = Sandbox.create(SeededDuplicates.class)) {
					for (int i = 0; i < 40; i++) {
						sandbox.invokeAsync("counter", "{\"n\":" + i + "}");
					}
					sandbox.settle();
					runs.add(sandbox.journal().entries().stream().filter(JournalEntry.FaultInjected.class::isInstance)
							.map(JournalEntry::requestId).toList());
				}
			}
			assertThat(runs).containsOnly(runs.get(0));
			assertThat(runs.get(0).size()).isBetween(3, 20);
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@Queue(name = "orders")
	@EventSourceMapping(function = "worker", source = "sqs:orders")
	class QueueDuplicates {

		@Test
		void aMessageReachesTheFunctionTwiceInTwoBatches(Sandbox sandbox) {
			sandbox.queue("orders").deliverNextMessageTwice();
			String id = sandbox.queue("orders").sendMessage("once, really");
			sandbox.settle();

			assertThat(sandbox.eventSourceMapping("worker", "sqs:orders").batches()).extracting(Batch::items)
					.containsExactly(List.of(id), List.of(id));
			assertThat(sandbox.queue("orders").messages()).isEmpty();
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "f", handler = Handlers.Hello.class, onFailure = "sqs:failed")
	@InjectFault(function = "f", kind = Fault.Kind.FUNCTION_ERROR, errorType = "java.io.IOException", errorMessage = "db down",
			times = 3)
	class FromAnnotations {

		@Test
		void theDeclaredFaultsAreThereFromTheStart(Sandbox sandbox) {
			sandbox.invokeAsync("f", "{}");
			sandbox.settle();

			assertThat(sandbox.queue("failed").messages()).singleElement().satisfies(m -> assertThat(m.body())
					.contains("\"errorMessage\":\"db down\""));
		}

		@Test
		@InjectFault(resource = "sqs:failed", kind = Fault.Kind.UNAVAILABLE)
		void aMethodAddsItsOwn(Sandbox sandbox) {
			sandbox.invokeAsync("f", "{}");
			sandbox.settle();

			assertThat(sandbox.queue("failed").messages()).isEmpty();
			assertThat(sandbox.function("f").metric("DestinationDeliveryFailures")).isOne();
		}
	}
}
