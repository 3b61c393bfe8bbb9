package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.DemoLambdaHandler;
import io.github.lambdasandbox.samples.handlers.FailingDemoLambdaHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: asynchronous invocation and a dead-letter queue.
 *
 * <p>We invoke {@code demo-lambda} with {@code --invocation-type Event} and the payload {@code {"key1": "value1"}}:
 * Lambda answers 202 at once, whatever the function does later. With the {@code raise} line uncommented the
 * function fails; Lambda retries it twice (retry attempts = 2), CloudWatch Logs show three attempts of one
 * request id, and the event lands in the SQS dead-letter queue {@code lambda-DLQ} with the error as attributes.
 */
@LambdaSandbox
@DisplayName("Lab: asynchronous invocation with a dead-letter queue")
@Order(2)
class AsyncInvokeDeadLetterQueueLab {

	/** What {@code aws lambda invoke --payload '{"key1": "value1"}'} sends. */
	static final String EVENT = """
			{"key1": "value1"}""";

	@Nested
	@LambdaFunction(name = "demo-lambda", handler = FailingDemoLambdaHandler.class,
			maximumRetryAttempts = 2, deadLetterQueue = "sqs:lambda-DLQ")
	@DisplayName("demo-lambda raises Exception(\"Something went wrong!\")")
	@Order(1)
	class WhenTheFunctionFails {

		@Test
		@Order(1)
		@DisplayName("invoke --invocation-type Event answers 202 at once, before any retry")
		void asyncInvokeAnswers202AtOnce(Sandbox sandbox) {
			Instant invokedAt = sandbox.clock().now();
			InvokeResult result = sandbox.invokeAsync("demo-lambda", EVENT);

			assertThat(result.statusCode()).isEqualTo(202);
			assertThat(result.requestId()).isNotBlank();
			assertThat(result.payload()).isEmpty();          // no result: the caller does not learn how it went
			assertThat(result.functionError()).isNull();
			// No virtual time has passed: the retries (1 and 2 minutes later) and the DLQ are still to come.
			assertThat(sandbox.clock().now()).isEqualTo(invokedAt);
			assertThat(queue("lambda-DLQ").messages()).isEmpty();
		}

		@Test
		@Order(2)
		@DisplayName("CloudWatch Logs show three attempts with the same request id")
		void logsShowThreeAttemptsOfTheSameRequest(Sandbox sandbox) {
			String requestId = sandbox.invokeAsync("demo-lambda", EVENT).requestId();
			sandbox.settle(); // let the first attempt and both retries happen

			List<String> logs = function("demo-lambda").logs();
			String start = "START RequestId: " + requestId + " Version: $LATEST";
			assertThat(logs).filteredOn(line -> line.startsWith("START ")).containsExactly(start, start, start);
			assertThat(logs).filteredOn(line -> line.startsWith("Received event: ")).hasSize(3)
					.allSatisfy(line -> assertThat(line).contains("key1").contains("value1"));
			assertThat(logs).filteredOn(line -> line.contains("Something went wrong!")).hasSize(3);
		}

		@Test
		@Order(3)
		@DisplayName("after the last retry the event lands in lambda-DLQ with the error as attributes")
		void failedEventLandsInDeadLetterQueueWithErrorAttributes(Sandbox sandbox) {
			String requestId = sandbox.invokeAsync("demo-lambda", EVENT).requestId();

			assertThat(queue("lambda-DLQ")).receivesMessage()
					.withBody("""
							{"key1": "value1"}""")
					.withAttribute("RequestID", requestId)
					.withAttribute("ErrorCode", "200")
					.withAttribute("ErrorMessage", "Something went wrong!");
		}

		@Test
		@Order(4)
		@DisplayName("metrics: 3 Invocations, 1 AsyncEventsDropped (sent to the dead-letter queue)")
		void metricsCountThreeInvocationsAndOneDroppedEvent(Sandbox sandbox) {
			sandbox.invokeAsync("demo-lambda", EVENT);
			sandbox.settle();

			assertThat(function("demo-lambda").metric("Invocations")).isEqualTo(3);
			assertThat(function("demo-lambda").metric("Errors")).isEqualTo(3);
			assertThat(function("demo-lambda").metric("AsyncEventsReceived")).isEqualTo(1);
			assertThat(function("demo-lambda").metric("AsyncEventsDropped")).isEqualTo(1);
			assertThat(function("demo-lambda").metric("DeadLetterErrors")).isZero();
		}
	}

	@Nested
	@LambdaFunction(name = "demo-lambda", handler = DemoLambdaHandler.class,
			maximumRetryAttempts = 2, deadLetterQueue = "sqs:lambda-DLQ")
	@DisplayName("demo-lambda returns {statusCode: 200} (raise commented out)")
	@Order(2)
	class WhenTheFunctionSucceeds {

		@Test
		@Order(1)
		@DisplayName("one invocation, no retry, nothing reaches lambda-DLQ")
		void successfulEventNeverReachesDeadLetterQueue(Sandbox sandbox) {
			InvokeResult result = sandbox.invokeAsync("demo-lambda", EVENT);
			assertThat(result.statusCode()).isEqualTo(202);

			assertThat(queue("lambda-DLQ")).receivesNoMessage();
			assertThat(function("demo-lambda").logs())
					.filteredOn(line -> line.startsWith("START "))
					.containsExactly("START RequestId: " + result.requestId() + " Version: $LATEST");
			assertThat(function("demo-lambda").metric("Invocations")).isEqualTo(1);
			assertThat(function("demo-lambda").metric("AsyncEventsDropped")).isZero();
		}

		@Test
		@Order(2)
		@DisplayName("a synchronous invoke returns the function's response with status 200")
		void synchronousInvokeReturnsTheResponse(Sandbox sandbox) throws Exception {
			InvokeResult result = sandbox.invoke("demo-lambda", EVENT);

			assertThat(result.statusCode()).isEqualTo(200);
			assertThat(result.functionError()).isNull();
			ObjectMapper json = new ObjectMapper();
			assertThat(json.readTree(result.payload())).isEqualTo(json.readTree("""
					{"statusCode": 200, "body": "\\"Hello from Lambda!\\""}"""));
		}
	}
}
