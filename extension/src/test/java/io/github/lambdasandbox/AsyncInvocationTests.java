package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Asynchronous invocation: queue, retries, maximum event age")
class AsyncInvocationTests {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	/** Fails on its first call, succeeds after. */
	public static class FailsOnce implements RequestHandler<Map<String, Object>, String> {

		private int calls;

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			if (++calls == 1) {
				throw new IllegalStateException("first call fails");
			}
			return "ok on call " + calls;
		}
	}

	@LambdaFunction(name = "boom", handler = Handlers.Boom.class, onFailure = "sqs:failures")
	@LambdaFunction(name = "boom-once", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "sqs:failures")
	@LambdaFunction(name = "boom-twice", handler = Handlers.Boom.class, maximumRetryAttempts = 1, onFailure = "sqs:failures")
	@LambdaFunction(name = "age-60", handler = Handlers.Boom.class, maximumEventAgeInSeconds = 60, onFailure = "sqs:failures")
	@LambdaFunction(name = "age-90", handler = Handlers.Boom.class, maximumEventAgeInSeconds = 90, onFailure = "sqs:failures")
	@LambdaFunction(name = "age-180", handler = Handlers.Boom.class, maximumEventAgeInSeconds = 180, onFailure = "sqs:failures")
	@LambdaFunction(name = "age-60-no-retry", handler = Handlers.Boom.class, maximumEventAgeInSeconds = 60,
			maximumRetryAttempts = 0, onFailure = "sqs:failures")
	@LambdaFunction(name = "flaky", handler = FailsOnce.class, onSuccess = "sqs:successes")
	@LambdaFunction(name = "hello", handler = Handlers.Hello.class, onSuccess = "sqs:successes")
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void invokeAsyncAnswers202AtOnceWithoutRunningTheClock() {
		InvokeResult result = sandbox.invokeAsync("boom", "{}");

		assertThat(result.statusCode()).isEqualTo(202);
		assertThat(result.payload()).isEmpty();
		assertThat(result.functionError()).isNull();
		assertThat(result.executedVersion()).isNull();
		assertThat(result.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(sandbox.clock().now()).isEqualTo(START);
	}

	@Test
	void functionErrorsAreRetriedAfterOneThenTwoMinutesWithTheSameRequestId() {
		String requestId = sandbox.invokeAsync("boom", "{}").requestId();
		sandbox.settle();

		assertThat(startLines("boom")).containsExactly(start(requestId), start(requestId), start(requestId));
		assertThat(sandbox.timeline()).contains("+0s       attempt 1", "+60s      attempt 2", "+180s     attempt 3");
		JsonNode record = onlyRecord("failures");
		assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:03:00.000Z");
		assertThat(sandbox.clock().now()).isEqualTo(START.plusSeconds(180));
	}

	@Test
	void maximumRetryAttemptsZeroAndOneMeanOneAndTwoAttempts() {
		sandbox.invokeAsync("boom-once", "{}");
		sandbox.invokeAsync("boom-twice", "{}");
		sandbox.settle();

		assertThat(startLines("boom-once")).hasSize(1);
		assertThat(startLines("boom-twice")).hasSize(2);
		List<SqsMessage> records = sandbox.queue("failures").messages();
		assertThat(records).extracting(m -> Fixtures.parse(m.body()).at("/requestContext/approximateInvokeCount").asInt())
				.containsExactly(1, 2);
		assertThat(records).extracting(m -> Fixtures.parse(m.body()).at("/requestContext/condition").asText())
				.containsOnly("RetriesExhausted");
	}

	@Test
	void aRetryThatWouldLandAtTheMaximumAgeIsNotWaitedFor() {
		// AWS: with MaximumEventAgeInSeconds = 60 the function ran once and the record came at once
		sandbox.invokeAsync("age-60", "{}");
		sandbox.settle();

		JsonNode record = onlyRecord("failures");
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("boom!");
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
	}

	@Test
	void withNinetySecondsTheFunctionRunsTwice() {
		sandbox.invokeAsync("age-90", "{}");
		sandbox.settle();

		JsonNode record = onlyRecord("failures");
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:01:00.000Z");
	}

	@Test
	void retriesExhaustedIsCheckedBeforeTheEventAge() {
		sandbox.invokeAsync("age-60-no-retry", "{}");
		sandbox.invokeAsync("age-180", "{}");
		sandbox.settle();

		List<SqsMessage> records = sandbox.queue("failures").messages();
		assertThat(records).extracting(m -> Fixtures.parse(m.body()).at("/requestContext/condition").asText())
				.containsExactly("RetriesExhausted", "EventAgeExceeded");
	}

	@Test
	void anEventThatSucceedsOnARetryGoesToOnSuccessWithItsAttemptCount() {
		sandbox.invokeAsync("flaky", "{\"order\": 42}");
		sandbox.settle();

		JsonNode record = onlyRecord("successes");
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("Success");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
		assertThat(record.get("requestPayload")).isEqualTo(Fixtures.parse("{\"order\":42}"));
		assertThat(record.get("responsePayload").asText()).isEqualTo("ok on call 2");
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:01:00.000Z");
	}

	@Test
	void twoInvocationsInARowShareTheVirtualInstant() {
		sandbox.invokeAsync("hello", "{\"n\": 1}");
		sandbox.invokeAsync("hello", "{\"n\": 2}");
		sandbox.settle();

		List<SqsMessage> records = sandbox.queue("successes").messages();
		assertThat(records).extracting(m -> Fixtures.parse(m.body()).get("timestamp").asText())
				.containsExactly("2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z");
		assertThat(records).extracting(m -> Fixtures.parse(m.body()).at("/requestPayload/n").asInt()).containsExactly(1, 2);
	}

	@Test
	void metricsCountAttemptsErrorsAndTheDroppedEvent() {
		sandbox.invokeAsync("boom", "{}");
		sandbox.settle();

		FunctionHandle boom = sandbox.function("boom");
		assertThat(boom.metric("AsyncEventsReceived")).isEqualTo(1);
		assertThat(boom.metric("Invocations")).isEqualTo(3);
		assertThat(boom.metric("Errors")).isEqualTo(3);
		assertThat(boom.metric("AsyncEventsDropped")).isEqualTo(1);
		assertThat(boom.metric("AsyncEventAge")).isEqualTo(0 + 60_000 + 180_000);
		assertThat(boom.metric("Throttles")).isZero();
	}

	private List<String> startLines(String function) {
		return sandbox.function(function).logs().stream().filter(line -> line.startsWith("START")).toList();
	}

	private static String start(String requestId) {
		return "START RequestId: " + requestId + " Version: $LATEST";
	}

	private JsonNode onlyRecord(String queue) {
		List<SqsMessage> messages = sandbox.queue(queue).messages();
		assertThat(messages).as("messages in %s", queue).hasSize(1);
		return Fixtures.parse(messages.get(0).body());
	}
}
