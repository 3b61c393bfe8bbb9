package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.Condition.EVENT_AGE_EXCEEDED;
import static io.github.lambdasandbox.Condition.RETRIES_EXHAUSTED;
import static io.github.lambdasandbox.Condition.SUCCESS;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.catchThrowable;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.queue;
import static io.github.lambdasandbox.assertions.error.ShouldReceive.shouldReceive;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@LambdaSandbox
@LambdaFunction(name = "boom", handler = AssertionTrustTests.Boom.class, onFailure = "sqs:failures")
@LambdaFunction(name = "hello", handler = AssertionTrustTests.Hello.class, onSuccess = "sqs:successes")
@LambdaFunction(name = "spinning", handler = AssertionTrustTests.Spinning.class, timeout = 60, onSuccess = "sqs:successes")
@DisplayName("Assertions users can rely on: soft, in virtual time, with diffs and causes")
class AssertionTrustTests {

	public static class Boom implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			throw new IllegalStateException("boom! order " + event.get("order") + " is not known");
		}
	}

	public static class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			return Map.of("statusCode", 200);
		}
	}

	/** Computes for real until interrupted (its function's timeout is a minute). */
	public static class Spinning implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
				Thread.onSpinWait();
			}
			return "spun";
		}
	}

	@Test
	void softAssertionsCollectAMissingRecordAndAWrongConditionWithoutStopping(Sandbox sandbox) {
		sandbox.invokeAsync("boom", "{}");

		LambdaSandboxSoftAssertions softly = new LambdaSandboxSoftAssertions();
		softly.assertThat(queue("successes")).receivesRecord().withCondition(SUCCESS).withApproximateInvokeCount(1);
		softly.assertThat(queue("failures")).receivesRecord().withCondition(EVENT_AGE_EXCEEDED).withApproximateInvokeCount(3);
		softly.assertThat(queue("failures")).receivesNoRecord();

		then(softly.assertionErrorsCollected()).hasSize(2);
		then(softly.assertionErrorsCollected().get(0))
				.hasMessageContaining("Expecting queue \"successes\" to receive an invocation record,");
		then(softly.assertionErrorsCollected().get(1))
				.hasMessageContaining("to have condition\n  \"EventAgeExceeded\"\nbut it was\n  \"RetriesExhausted\"");
		Throwable error = catchThrowable(softly::assertAll);
		then(error).isInstanceOf(AssertionError.class).hasMessageContaining("Multiple Failures (2 failures)");
	}

	@Test
	void softAssertionsThatAllHoldPass(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{}");

		SoftAssertionsProvider.assertSoftly(LambdaSandboxSoftAssertions.class, softly -> {
			softly.assertThat(queue("successes")).receivesRecord().withCondition(SUCCESS);
			softly.assertThat(queue("failures")).receivesNoRecord();
		});
	}

	@Test
	void withinIsVirtualTimeARecordAtThreeMinutesIsNotWithinThirtySeconds(Sandbox sandbox) {
		sandbox.invokeAsync("boom", "{}");

		Throwable error = catchThrowable(() -> assertThat(queue("failures")).within(Duration.ofSeconds(30)).receivesRecord());

		then(error).hasMessageContaining("Expecting queue \"failures\" to receive an invocation record within 30s of virtual "
				+ "time,\nbut it received none within 30s of virtual time (then 1 action scheduled, the next at +60s (retry 1 of "
				+ "request ");
		assertThat(queue("failures")).within(Duration.ofMinutes(3)).receivesRecord().withCondition(RETRIES_EXHAUSTED);
	}

	@Test
	void aWrongValueCarriesExpectedAndActualSoIdesShowADiff(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{\"a\": 1}");

		Throwable error = catchThrowable(() -> assertThat(queue("successes")).receivesRecord()
				.withRequestPayload("{\"a\": 2}"));

		then(error).isInstanceOf(AssertionFailedError.class);
		AssertionFailedError failed = (AssertionFailedError) error;
		then(failed.isExpectedDefined()).isTrue();
		then(failed.getExpected().getStringRepresentation()).isEqualTo("{\n  \"a\" : 2\n}");
		then(failed.getActual().getStringRepresentation()).isEqualTo("{\n  \"a\" : 1\n}");
	}

	@Test
	void theHandlersLastErrorIsTheCauseOfAFailure(Sandbox sandbox) {
		sandbox.invokeAsync("boom", "{\"order\": 7}");

		Throwable error = catchThrowable(() -> assertThat(queue("failures")).receivesRecord().withCondition(SUCCESS));

		then(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom! order 7 is not known");
	}

	@Test
	void errorMessagesCanBeCheckedInPart(Sandbox sandbox) {
		sandbox.invokeAsync("boom", "{\"order\": 7}");

		RecordAssert record = assertThat(queue("failures")).receivesRecord().withErrorMessageContaining("order 7");
		Throwable error = catchThrowable(() -> record.withErrorMessageContaining("order 8"));

		then(error).hasMessageContaining("to have errorMessage containing\n  \"order 8\"\nbut it was\n  \"boom! order 7 is not "
				+ "known\"");
	}

	@Test
	void aMissingRecordFailsWithTheMessageOfItsFactory(Sandbox sandbox) {
		Throwable error = catchThrowable(() -> assertThat(queue("failures")).receivesRecord());

		String evidence = "Queues at virtual time +0s:\n  \"failures\": 0 messages\n  \"successes\": 0 messages\nRouting:\n"
				+ "  boom: on-success → (none), on-failure → sqs:failures, dead-letter queue → (none)\n"
				+ "  hello: on-success → sqs:successes, on-failure → (none), dead-letter queue → (none)\n"
				+ "  spinning: on-success → sqs:successes, on-failure → (none), dead-letter queue → (none)\nNo request so far.";
		then(error).hasMessage(shouldReceive("failures", "an invocation record", "", "it received none: the sandbox is idle "
				+ "and nothing more is scheduled", evidence).create());
	}

	@Test
	void aWaitThatAHandlerKeepsBusyInRealTimeSaysSo(Sandbox sandbox) {
		sandbox.invokeAsync("spinning", "{}");

		Throwable error = catchThrowable(() -> assertThat(queue("successes")).withRealTimeGuard(Duration.ofMillis(300))
				.receivesRecord());

		then(error).hasMessageContaining("it received none within 300ms of real time:")
				.hasMessageContaining("a handler is running: function spinning, request ");
	}
}
