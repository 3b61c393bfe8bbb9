package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.AttemptEnded;
import io.github.lambdasandbox.JournalEntry.Outcome;
import io.github.lambdasandbox.internal.engine.VirtualTime;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Attempts that take virtual time: retries from the attempt's end, virtual timeouts")
class HandlerTimeTests {

	/** Waits {@code "wait"} seconds of virtual time, then fails (or answers, with {@code "ok": true}). */
	public static class Waiting implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			Instant before = VirtualTime.now();
			int remainingBefore = context.getRemainingTimeInMillis();
			try {
				VirtualTime.sleep(Duration.ofSeconds(((Number) event.get("wait")).longValue()));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (!Boolean.TRUE.equals(event.get("ok"))) {
				throw new IllegalStateException("failed after waiting");
			}
			return Map.of("waitedFrom", before.toString(), "waitedUntil", VirtualTime.now().toString(),
					"remainingBefore", remainingBefore, "remainingAfter", context.getRemainingTimeInMillis());
		}
	}

	@LambdaFunction(name = "waits-then-fails", handler = Waiting.class, timeout = 30, onFailure = "sqs:failures")
	@LambdaFunction(name = "waits", handler = Waiting.class, timeout = 30)
	@LambdaFunction(name = "sleeps-too-long", handler = Waiting.class, timeout = 3, maximumRetryAttempts = 0,
			onFailure = "sqs:failures")
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void aHandlerWaitingTenVirtualSecondsDelaysItsRetryByTenSeconds() {
		sandbox.invokeAsync("waits-then-fails", "{\"wait\": 10}");
		sandbox.settle();

		// attempt 1: +0 → +10 s; retry 1 minute after it ended: +70 → +80 s; retry 2 two minutes later: +200 → +210 s
		List<AttemptEnded> ended = sandbox.journal().entries(AttemptEnded.class);
		assertThat(ended).extracting(e -> e.at().getEpochSecond() - sandbox.clock().start().getEpochSecond())
				.containsExactly(10L, 80L, 210L);
		assertThat(ended).extracting(AttemptEnded::duration).containsOnly(Duration.ofSeconds(10));
		JsonNode record = Fixtures.parse(sandbox.queue("failures").messages().get(0).body());
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:03:30.000Z");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
		assertThat(sandbox.timeline()).contains("+0s       attempt 1 started (cold start)",
				"+10s      attempt 1 → function error: java.lang.IllegalStateException: failed after waiting after 10s",
				"+10s      retry 1 in 60s", "+70s      attempt 2 started");
	}

	@Test
	void handlerCodeReadsTheVirtualClockAndItsRemainingTime() {
		JsonNode seen = Fixtures.parse(sandbox.invoke("waits", "{\"wait\": 7, \"ok\": true}").payload());

		assertThat(seen.get("waitedFrom").asText()).isEqualTo("2025-01-01T00:00:00Z");
		assertThat(seen.get("waitedUntil").asText()).isEqualTo("2025-01-01T00:00:07Z");
		assertThat(seen.get("remainingBefore").asInt()).isBetween(29_000, 30_000);
		assertThat(seen.get("remainingAfter").asInt()).isBetween(22_000, 23_000);
		assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2025-01-01T00:00:07Z"));
	}

	@Test
	void aHandlerWaitingPastItsTimeoutTimesOutInVirtualTime() {
		String requestId = sandbox.invokeAsync("sleeps-too-long", "{\"wait\": 600}").requestId();
		sandbox.settle();

		AttemptEnded ended = sandbox.journal().entries(AttemptEnded.class).get(0);
		assertThat(ended.outcome()).isEqualTo(Outcome.TIMEOUT);
		assertThat(ended.at()).isEqualTo(Instant.parse("2025-01-01T00:00:03Z"));
		assertThat(ended.duration()).isEqualTo(Duration.ofSeconds(3));
		// the 3 seconds passed in virtual time: the handler's code ran for far less than that
		assertThat(ended.runTime()).isLessThan(Duration.ofSeconds(1));
		JsonNode record = Fixtures.parse(sandbox.queue("failures").messages().get(0).body());
		assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("Sandbox.Timedout");
		assertThat(record.at("/responsePayload/errorMessage").asText())
				.isEqualTo("RequestId: " + requestId + " Error: Task timed out after 3.00 seconds");
		assertThat(sandbox.function("sleeps-too-long").logs()).anyMatch(line -> line.startsWith("REPORT")
				&& line.contains("\tDuration: 3000.00 ms\t") && line.endsWith("\tStatus: timeout\t"));
	}

	@Test
	void aPausedClockHoldsAWaitingHandlerUntilItIsAdvanced() {
		sandbox.clock().pause();
		sandbox.invokeAsync("waits", "{\"wait\": 10, \"ok\": true}");
		sandbox.settle();

		assertThat(sandbox.journal().entries(AttemptEnded.class)).isEmpty();
		sandbox.clock().advance(Duration.ofSeconds(9));
		assertThat(sandbox.journal().entries(AttemptEnded.class)).isEmpty();
		sandbox.clock().advance(Duration.ofSeconds(1));
		assertThat(sandbox.journal().entries(AttemptEnded.class)).singleElement().satisfies(e -> assertThat(e.succeeded()).isTrue());
	}

	@Test
	void aSynchronousInvokeOfAWaitingHandlerMovesThePausedClockAsFarAsItWaits() {
		sandbox.clock().pause();

		sandbox.invoke("waits", "{\"wait\": 5, \"ok\": true}");

		assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2025-01-01T00:00:05Z"));
	}
}
