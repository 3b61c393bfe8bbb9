package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.AttemptEnded;
import io.github.lambdasandbox.JournalEntry.Outcome;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Handler code reads the sandbox clock through the JDK's own calls, and sleeps in virtual time, by default;
 * {@code @LambdaSandbox(handlerTime = SYSTEM)} gives it the system clock back.
 */
@DisplayName("Handler code in virtual time: the JDK's clocks and sleeps, by default")
class HandlerClockTests {

	/** Reads the clock five ways, as handler code does. */
	public static class ReadsTheClock implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			return Map.of("instant", Instant.now().toString(),
					"millis", System.currentTimeMillis(),
					"clock", Clock.systemUTC().instant().toString(),
					"localDateTime", LocalDateTime.now(ZoneOffset.UTC).toString(),
					"date", new Date().getTime());
		}
	}

	/** Logs when its attempt started, as handler code sees it, and fails: its retries show the time of each. */
	public static class LogsTheTimeAndFails implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			context.getLogger().log("now " + Instant.now());
			throw new IllegalStateException("again");
		}
	}

	/** Sleeps {@code "minutes"} with Thread.sleep, then answers when it woke up. */
	public static class SleepsMinutes implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			try {
				Thread.sleep(TimeUnit.MINUTES.toMillis(((Number) event.get("minutes")).longValue()));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return Instant.now().toString();
		}
	}

	/** Sleeps {@code "millis"} of the system clock and answers what the clock said before and after. */
	public static class SleepsMillis implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			long before = System.currentTimeMillis();
			try {
				Thread.sleep(((Number) event.get("millis")).longValue());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return Map.of("before", before, "after", System.currentTimeMillis());
		}
	}

	@LambdaSandbox(startTime = "2030-06-01T12:00:00Z")
	@LambdaFunction(name = "reads", handler = ReadsTheClock.class)
	@LambdaFunction(name = "retried", handler = LogsTheTimeAndFails.class, onFailure = "sqs:failures")
	@LambdaFunction(name = "sleeps-past-its-timeout", handler = SleepsMinutes.class, timeout = 3, maximumRetryAttempts = 0,
			onFailure = "sqs:failures")
	@LambdaFunction(name = "sleeps-within-its-timeout", handler = SleepsMinutes.class, timeout = 900)
	static class Virtual {
	}

	@LambdaSandbox(startTime = "2030-06-01T12:00:00Z", handlerTime = LambdaSandbox.HandlerTime.SYSTEM)
	@LambdaFunction(name = "reads", handler = ReadsTheClock.class)
	@LambdaFunction(name = "sleeps", handler = SleepsMillis.class)
	static class SystemClock {
	}

	@Test
	void aHandlerReadingTheJdkClocksSeesTheSandboxClockAtTheStartOfItsAttempt() {
		try (Sandbox sandbox = Sandbox.create(Virtual.class)) {
			sandbox.clock().advance(Duration.ofMinutes(5));

			JsonNode seen = Fixtures.parse(sandbox.invoke("reads", "{}").payload());

			Instant attemptStart = Instant.parse("2030-06-01T12:05:00Z");
			assertThat(seen.get("instant").asText()).isEqualTo(attemptStart.toString());
			assertThat(seen.get("millis").asLong()).isEqualTo(attemptStart.toEpochMilli());
			assertThat(seen.get("clock").asText()).isEqualTo(attemptStart.toString());
			assertThat(seen.get("localDateTime").asText()).isEqualTo("2030-06-01T12:05");
			assertThat(seen.get("date").asLong()).isEqualTo(attemptStart.toEpochMilli());
		}
	}

	@Test
	void eachRetrySeesTheVirtualTimeItRunsAt() {
		try (Sandbox sandbox = Sandbox.create(Virtual.class)) {
			sandbox.invokeAsync("retried", "{}");
			sandbox.settle();

			// attempts at +0s, +60s (1 minute after the first ended) and +180s (2 minutes after the second)
			assertThat(sandbox.function("retried").logs()).filteredOn(line -> line.startsWith("now "))
					.containsExactly("now 2030-06-01T12:00:00Z", "now 2030-06-01T12:01:00Z", "now 2030-06-01T12:03:00Z");
		}
	}

	@Test
	void aHandlerSleepingTenVirtualMinutesTimesOutAtItsTimeoutInMillisecondsOfRealTime() {
		try (Sandbox sandbox = Sandbox.create(Virtual.class)) {
			long started = System.nanoTime();
			String requestId = sandbox.invokeAsync("sleeps-past-its-timeout", "{\"minutes\": 10}").requestId();
			sandbox.settle();
			Duration real = Duration.ofNanos(System.nanoTime() - started);

			AttemptEnded ended = sandbox.journal().entries(AttemptEnded.class).get(0);
			assertThat(ended.outcome()).isEqualTo(Outcome.TIMEOUT);
			assertThat(ended.at()).isEqualTo(Instant.parse("2030-06-01T12:00:03Z"));
			assertThat(ended.runTime()).isLessThan(Duration.ofMillis(500));
			assertThat(real).isLessThan(Duration.ofSeconds(2));
			JsonNode record = Fixtures.parse(sandbox.queue("failures").messages().get(0).body());
			assertThat(record.at("/responsePayload/errorMessage").asText())
					.isEqualTo("RequestId: " + requestId + " Error: Task timed out after 3.00 seconds");
		}
	}

	@Test
	void aHandlerSleepingWithinItsTimeoutWakesUpThatMuchLaterInVirtualTime() {
		try (Sandbox sandbox = Sandbox.create(Virtual.class)) {
			String wokeUp = Fixtures.parse(sandbox.invoke("sleeps-within-its-timeout", "{\"minutes\": 10}").payload()).asText();

			assertThat(wokeUp).isEqualTo("2030-06-01T12:10:00Z");
			assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2030-06-01T12:10:00Z"));
		}
	}

	@Test
	void withHandlerTimeSystemAHandlerReadsTheSystemClockAndSleepsForReal() {
		try (Sandbox sandbox = Sandbox.create(SystemClock.class)) {
			long before = System.currentTimeMillis();
			JsonNode seen = Fixtures.parse(sandbox.invoke("reads", "{}").payload());
			JsonNode slept = Fixtures.parse(sandbox.invoke("sleeps", "{\"millis\": 50}").payload());
			long after = System.currentTimeMillis();

			assertThat(seen.get("millis").asLong()).isBetween(before, after);
			assertThat(Instant.parse(seen.get("instant").asText()).toEpochMilli()).isBetween(before, after);
			assertThat(seen.get("date").asLong()).isBetween(before, after);
			assertThat(slept.get("after").asLong() - slept.get("before").asLong()).isGreaterThanOrEqualTo(50);
			assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
		}
	}

	@Test
	void theTestsOwnThreadKeepsTheSystemClock() {
		try (Sandbox sandbox = Sandbox.create(Virtual.class)) {
			sandbox.invoke("reads", "{}");

			// this class is rewritten too (it is user code): off a handler's thread its calls read the system clock
			assertThat(Instant.now()).isNotEqualTo(sandbox.clock().now());
			assertThat(Math.abs(System.currentTimeMillis() - new Date().getTime())).isLessThan(60_000L);
			assertThat(Instant.now().getEpochSecond()).isNotEqualTo(sandbox.clock().now().getEpochSecond());
		}
	}
}
