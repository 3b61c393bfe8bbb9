package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.time.Duration;
import java.time.Instant;

import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.ReportPollingHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Walk-through: handler code in virtual time. {@code report} waits for a report that is ready at 02:00 UTC, with
 * {@code Instant.now()}, {@code LocalDate.now()} and {@code Thread.sleep(30 s)} — the JDK's own calls, unchanged.
 * In the sandbox they read and wait on the virtual clock: an hour of polling takes milliseconds, and a wait past
 * the function's timeout times out in virtual time.
 */
@LambdaSandbox(startTime = "2025-03-14T01:00:00Z")
@LambdaFunction(name = "report", handler = ReportPollingHandler.class, timeout = 900)
@LambdaFunction(name = "impatient-report", handler = ReportPollingHandler.class, timeout = 60,
		maximumRetryAttempts = 0, onFailure = "sqs:report-failures")
@DisplayName("Walk-through: Instant.now() and Thread.sleep in virtual time")
@Order(5)
class HandlerTimeWalkthrough {

	@Test
	@Order(1)
	@DisplayName("polling every 30 s from 01:50 until 02:00 takes 10 virtual minutes, in milliseconds")
	void pollingWaitsInVirtualTime(Sandbox sandbox) {
		sandbox.clock().advance(Duration.ofMinutes(50));          // 01:50

		long started = System.nanoTime();
		InvokeResult result = sandbox.invoke("report", "{}");
		Duration real = Duration.ofNanos(System.nanoTime() - started);

		assertThat(result.payload()).isEqualTo("{\"report\":\"2025-03-14\",\"checks\":21,\"waitedSeconds\":600}");
		assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2025-03-14T02:00:00Z"));
		assertThat(real).isLessThan(Duration.ofSeconds(5));
		assertThat(function("report").logs()).contains("not ready at 2025-03-14T01:50:00Z, checking again in 30 s",
				"not ready at 2025-03-14T01:59:30Z, checking again in 30 s");
	}

	@Test
	@Order(2)
	@DisplayName("with a 60 s timeout, the handler times out after 60 virtual seconds of polling")
	void aWaitPastTheTimeoutTimesOutInVirtualTime(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("impatient-report", "{}").requestId();

		assertThat(queue("report-failures")).receivesRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withErrorType("Sandbox.Timedout")
				.withErrorMessage("RequestId: " + requestId + " Error: Task timed out after 60.00 seconds");
		JournalEntry.AttemptEnded ended = sandbox.journal().entries(JournalEntry.AttemptEnded.class).get(0);
		assertThat(ended.at()).isEqualTo(Instant.parse("2025-03-14T01:01:00Z"));
		assertThat(ended.runTime()).as("real time the handler ran").isLessThan(Duration.ofSeconds(1));
	}
}
