package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.AttemptEnded;
import io.github.lambdasandbox.JournalEntry.AttemptStarted;
import io.github.lambdasandbox.JournalEntry.Throttled;
import io.github.lambdasandbox.internal.engine.VirtualTime;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Execution environments: a pool per function, reserved and account concurrency, re-entrant calls")
class ConcurrencyTests {

	/** Waits 10 seconds of virtual time, then answers. */
	public static class Slow implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			try {
				VirtualTime.sleep(Duration.ofSeconds(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return "done";
		}
	}

	/** Invokes its own function synchronously, down to depth 2, and answers the depth it reached. */
	public static class Recursive implements RequestHandler<Map<String, Integer>, Integer> {

		@Override
		public Integer handleRequest(Map<String, Integer> event, Context context) {
			int depth = event.getOrDefault("depth", 0);
			if (depth == 2) {
				return depth;
			}
			Sandbox sandbox = LambdaSandboxExtension.currentSandbox("a handler");
			InvokeResult inner = sandbox.invoke(context.getFunctionName(), "{\"depth\": " + (depth + 1) + "}");
			return Integer.parseInt(inner.payload());
		}
	}

	@LambdaFunction(name = "slow", handler = Slow.class, timeout = 30)
	@LambdaFunction(name = "slow-one-at-a-time", handler = Slow.class, timeout = 30, reservedConcurrency = 1,
			onSuccess = "sqs:done")
	@LambdaFunction(name = "recursive", handler = Recursive.class)
	@LambdaFunction(name = "recursive-one-at-a-time", handler = Recursive.class, reservedConcurrency = 1)
	static class Declarations {
	}

	@LambdaSandbox(accountConcurrency = 2)
	@LambdaFunction(name = "slow", handler = Slow.class, timeout = 30)
	@LambdaFunction(name = "other", handler = Slow.class, timeout = 30)
	static class SmallAccount {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void concurrentEventsRunOnEnvironmentsOfTheirOwnAndOverlapInVirtualTime() {
		sandbox.invokeAsync("slow", "{}");
		sandbox.invokeAsync("slow", "{}");
		sandbox.settle();

		List<AttemptStarted> started = sandbox.journal().entries(AttemptStarted.class);
		assertThat(started).extracting(AttemptStarted::at).containsOnly(sandbox.clock().start());
		assertThat(started).extracting(AttemptStarted::environment).doesNotHaveDuplicates();
		assertThat(started).allMatch(AttemptStarted::coldStart);
		assertThat(sandbox.journal().entries(AttemptEnded.class)).extracting(AttemptEnded::at)
				.containsOnly(sandbox.clock().start().plusSeconds(10));
		assertThat(sandbox.clock().now()).isEqualTo(sandbox.clock().start().plusSeconds(10));
	}

	@Test
	void reservedConcurrencyOneThrottlesTheSecondConcurrentEvent() {
		sandbox.invokeAsync("slow-one-at-a-time", "{\"n\": 1}");
		sandbox.invokeAsync("slow-one-at-a-time", "{\"n\": 2}");
		sandbox.settle();

		// the first runs from +0 s to +10 s; the second is throttled at +0, +1, +3, +7 s and runs at +15 s
		List<Throttled> throttles = sandbox.journal().entries(Throttled.class);
		assertThat(throttles).hasSize(4).extracting(Throttled::reason)
				.containsOnly("ReservedFunctionConcurrentInvocationLimitExceeded");
		assertThat(sandbox.journal().entries(AttemptStarted.class)).extracting(s -> s.at().getEpochSecond()
				- sandbox.clock().start().getEpochSecond()).containsExactly(0L, 15L);
		List<SqsMessage> records = sandbox.queue("done").messages();
		assertThat(records).extracting(m -> Fixtures.parse(m.body()).at("/requestPayload/n").asInt()).containsExactly(1, 2);
		assertThat(Fixtures.parse(records.get(1).body()).at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(sandbox.function("slow-one-at-a-time").metric("Throttles")).isEqualTo(4);
		// the environment of the first event served the second: one cold start
		assertThat(sandbox.journal().entries(AttemptStarted.class)).extracting(AttemptStarted::coldStart)
				.containsExactly(true, false);
	}

	@Test
	void aSynchronousCallBeyondReservedConcurrencyIsRefusedWith429() {
		sandbox.invokeAsync("slow-one-at-a-time", "{}");
		sandbox.function("slow-one-at-a-time").logs(); // the event's attempt starts and waits

		LambdaServiceException refused = org.assertj.core.api.Assertions.catchThrowableOfType(LambdaServiceException.class,
				() -> sandbox.invoke("slow-one-at-a-time", "{}"));

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.reason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
	}

	@Test
	void aHandlerThatInvokesItsOwnFunctionSynchronouslyGetsANewEnvironment() {
		InvokeResult result = sandbox.invoke("recursive", "{}");

		assertThat(result.functionError()).isNull();
		assertThat(result.payload()).isEqualTo("2");
		List<AttemptStarted> started = sandbox.journal().entries(AttemptStarted.class);
		assertThat(started).hasSize(3).allMatch(AttemptStarted::coldStart);
		assertThat(started).extracting(AttemptStarted::environment).doesNotHaveDuplicates();
		assertThat(started).extracting(AttemptStarted::requestId).doesNotHaveDuplicates();
	}

	@Test
	void withReservedConcurrencyOneTheReentrantCallIsThrottled() {
		InvokeResult result = sandbox.invoke("recursive-one-at-a-time", "{}");

		assertThat(result.functionError()).isEqualTo("Unhandled");
		JsonNode error = Fixtures.parse(result.payload());
		assertThat(error.get("errorType").asText()).isEqualTo(LambdaServiceException.class.getName());
		assertThat(error.get("errorMessage").asText()).isEqualTo("Rate Exceeded.");
	}

	@Test
	void functionsWithoutReservationShareTheAccountsConcurrency() {
		try (Sandbox small = Sandbox.create(SmallAccount.class)) {
			small.invokeAsync("slow", "{}");
			small.invokeAsync("other", "{}");
			small.invokeAsync("slow", "{}");
			small.settle();

			List<Throttled> throttles = small.journal().entries(Throttled.class);
			assertThat(throttles).isNotEmpty().extracting(Throttled::reason).containsOnly("ConcurrentInvocationLimitExceeded");
			assertThat(throttles).extracting(Throttled::function).containsOnly("slow");
			assertThat(small.journal().entries(AttemptEnded.class)).hasSize(3).allMatch(AttemptEnded::succeeded);
		}
	}
}
