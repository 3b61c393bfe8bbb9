package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.time.Duration;
import java.time.Instant;

import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.VirtualClock;
import io.github.lambdasandbox.samples.handlers.FailingDemoLambdaHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Walk-through: the retry schedule of an asynchronous invocation, one step of virtual time at a time.
 *
 * <p>The labs say "the failure message won't appear immediately, wait a few minutes". Here we pause the
 * sandbox's clock and move it by hand to see why: after a function error Lambda retries 1 minute later, then
 * 2 minutes after that, and only then sends the event to the on-failure destination. A second function shows
 * {@code MaximumEventAgeInSeconds}: Lambda gives up early rather than wait for a retry that would come too late.
 */
@LambdaSandbox // the clock starts at 2025-01-01T00:00:00Z
@LambdaFunction(name = "demo-lambda", handler = FailingDemoLambdaHandler.class,
		onFailure = "sqs:demo-failures")                       // maximumRetryAttempts = 2 by default
@LambdaFunction(name = "short-lived-lambda", handler = FailingDemoLambdaHandler.class,
		maximumEventAgeInSeconds = 90, onFailure = "sqs:short-lived-failures")
@DisplayName("Walk-through: retries and back-off on a hand-driven clock")
@Order(3)
class RetryBackoffWalkthrough {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	static final String EVENT = """
			{"key1": "value1"}""";

	@Test
	@Order(1)
	@DisplayName("attempts at +0s, +60s, +180s, then the record goes to the on-failure queue")
	void retriesComeOneThenTwoMinutesAfterAFailure(Sandbox sandbox) {
		VirtualClock clock = sandbox.clock();
		clock.pause();
		assertThat(clock.now()).isEqualTo(START);

		sandbox.invokeAsync("demo-lambda", EVENT);
		sandbox.settle();                                   // paused: runs only what is due now, the first attempt
		assertThat(attempts()).isEqualTo(1);
		assertThat(queue("demo-failures").messages()).isEmpty();

		clock.advance(Duration.ofSeconds(59));
		assertThat(attempts()).as("59s after the failure").isEqualTo(1);

		clock.advance(Duration.ofSeconds(1));
		assertThat(attempts()).as("1 minute after the failure: retry 1").isEqualTo(2);
		assertThat(Duration.between(START, clock.now())).isEqualTo(Duration.ofMinutes(1));

		clock.advance(Duration.ofSeconds(119));
		assertThat(attempts()).as("1m59s after the second failure").isEqualTo(2);
		assertThat(queue("demo-failures").messages()).isEmpty();

		clock.advance(Duration.ofSeconds(1));
		assertThat(attempts()).as("2 minutes after the second failure: retry 2").isEqualTo(3);
		assertThat(Duration.between(START, clock.now())).isEqualTo(Duration.ofMinutes(1).plusMinutes(2));

		// Retries exhausted: the invocation record is in the on-failure queue, sent at +3 minutes.
		assertThat(queue("demo-failures")).hasMessageCount(1);
		SqsMessage record = assertThat(queue("demo-failures")).receivesRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withApproximateInvokeCount(3)
				.withErrorMessage("Something went wrong!")
				.actual();
		assertThat(record.sentAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
	}

	@Test
	@Order(2)
	@DisplayName("maximumEventAgeInSeconds = 90: EventAgeExceeded at +60s, after 2 attempts")
	void eventAgeExceededWhenTheNextRetryWouldBeTooLate(Sandbox sandbox) {
		VirtualClock clock = sandbox.clock();
		clock.pause();

		sandbox.invokeAsync("short-lived-lambda", EVENT);
		sandbox.settle();
		assertThat(function("short-lived-lambda").metric("Invocations")).isEqualTo(1);

		clock.advance(Duration.ofMinutes(1));
		// Attempt 2 fails at +60s. Retry 2 would come at +180s, past the 90s maximum age,
		// so Lambda gives up now instead of waiting.
		assertThat(function("short-lived-lambda").metric("Invocations")).isEqualTo(2);
		assertThat(queue("short-lived-failures")).hasMessageCount(1);

		SqsMessage record = assertThat(queue("short-lived-failures")).receivesRecord()
				.withCondition(EVENT_AGE_EXCEEDED)
				.withApproximateInvokeCount(2)
				.withErrorMessage("Something went wrong!")
				.actual();
		assertThat(record.sentAt()).isEqualTo(START.plusSeconds(60));

		// Nothing else is scheduled: no third attempt, however long we wait.
		clock.advance(Duration.ofHours(6));
		assertThat(function("short-lived-lambda").metric("Invocations")).isEqualTo(2);
	}

	/** Attempts so far: every attempt, first or retry, is one {@code Invocations} and one START line. */
	private static long attempts() {
		long invocations = function("demo-lambda").metric("Invocations");
		long startLines = function("demo-lambda").logs().stream().filter(line -> line.startsWith("START ")).count();
		assertThat(startLines).as("START lines in the logs").isEqualTo(invocations);
		return invocations;
	}
}
