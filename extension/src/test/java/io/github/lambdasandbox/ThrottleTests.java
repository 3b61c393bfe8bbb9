package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Throttles and reserved concurrency")
class ThrottleTests {

	@LambdaFunction(name = "reserved-zero", handler = Handlers.Hello.class, reservedConcurrency = 0,
			onFailure = "sqs:failures", deadLetterQueue = "sqs:dlq")
	@LambdaFunction(name = "hello", handler = Handlers.Hello.class, onSuccess = "sqs:successes")
	@LambdaFunction(name = "boom", handler = Handlers.Boom.class, onFailure = "sqs:failures")
	@LambdaFunction(name = "short-lived", handler = Handlers.Hello.class, maximumEventAgeInSeconds = 60,
			onFailure = "sqs:failures")
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void reservedConcurrencyZeroSendsEventsStraightToFailureHandlingWithoutAnAttempt() {
		InvokeResult result = sandbox.invokeAsync("reserved-zero", "{\"a\": 1}");
		sandbox.settle();

		assertThat(result.statusCode()).isEqualTo(202);
		assertThat(sandbox.function("reserved-zero").logs()).isEmpty();
		JsonNode record = Fixtures.parse(sandbox.queue("failures").messages().get(0).body());
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("ZeroReservedConcurrency");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isZero();
		assertThat(record.has("responseContext")).isFalse();
		assertThat(record.has("responsePayload")).isFalse();
		SqsMessage deadLetter = sandbox.queue("dlq").messages().get(0);
		assertThat(deadLetter.body()).isEqualTo("{\"a\": 1}");
		assertThat(deadLetter.attribute("RequestID")).isEqualTo(result.requestId());
		assertThat(sandbox.function("reserved-zero").metric("Throttles")).isEqualTo(1);
		assertThat(sandbox.function("reserved-zero").metric("Invocations")).isZero();
	}

	@Test
	void reservedConcurrencyZeroRefusesSynchronousInvocationsWith429() {
		LambdaServiceException error = catchThrowableOfType(LambdaServiceException.class,
				() -> sandbox.invoke("reserved-zero", "{}"));

		assertThat(error.statusCode()).isEqualTo(429);
		assertThat(error.errorCode()).isEqualTo("TooManyRequestsException");
		assertThat(error.getMessage()).isEqualTo("Rate Exceeded.");
		assertThat(error.reason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
		assertThat(error.type()).isEqualTo("User");
		assertThat(error.body()).isEqualTo(
				"{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}");
	}

	@Test
	void throttledEventsReturnToTheQueueWithExponentialBackOff() {
		sandbox.function("hello").simulateThrottles(3);
		sandbox.invokeAsync("hello", "{}");
		sandbox.settle();

		// throttled at +0s, +1s, +3s; runs at +7s (1 + 2 + 4 seconds of back-off)
		JsonNode record = Fixtures.parse(sandbox.queue("successes").messages().get(0).body());
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:00:07.000Z");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(sandbox.function("hello").metric("Throttles")).isEqualTo(3);
		assertThat(sandbox.function("hello").metric("Invocations")).isEqualTo(1);
	}

	@Test
	void throttlesDoNotUseUpRetryAttempts() {
		sandbox.function("boom").simulateThrottles(2);
		sandbox.invokeAsync("boom", "{}");
		sandbox.settle();

		JsonNode record = Fixtures.parse(sandbox.queue("failures").messages().get(0).body());
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
		// 1 s + 2 s of throttle back-off, then +60 s and +120 s of retries
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:03:03.000Z");
	}

	@Test
	void theThrottleBackOffIsCappedAtFiveMinutes() {
		sandbox.function("hello").simulateThrottles(12);
		sandbox.invokeAsync("hello", "{}");
		sandbox.settle();

		// 1+2+4+…+256 = 511 s, then 300 s three times: 1411 s
		JsonNode record = Fixtures.parse(sandbox.queue("successes").messages().get(0).body());
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:23:31.000Z");
	}

	@Test
	void anEventThrottledUntilItsMaximumAgeFailsWithEventAgeExceededAndNoResponse() {
		sandbox.function("short-lived").simulateThrottles(100);
		sandbox.invokeAsync("short-lived", "{}");
		sandbox.settle();

		List<SqsMessage> failures = sandbox.queue("failures").messages();
		JsonNode record = Fixtures.parse(failures.get(0).body());
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isZero();
		assertThat(record.has("responseContext")).isFalse();
		// throttled at +0, +1, +3, +7, +15, +31 s; Lambda keeps the event until it is 60 s old, then gives up
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:01:00.000Z");
		assertThat(sandbox.function("short-lived").metric("Throttles")).isEqualTo(6);
	}
}
