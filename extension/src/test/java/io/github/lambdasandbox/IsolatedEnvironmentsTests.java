package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code @LambdaSandbox(isolatedEnvironments = true)}: each execution environment loads the handler anew, so its
 * static state is its own, as in AWS where each environment is a JVM of its own.
 */
@DisplayName("Isolated execution environments: static state per environment")
class IsolatedEnvironmentsTests {

	/** Counts invocations in a static field, and says when its class was initialised (by the handler's clock). */
	public static class StaticCounter implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		static int invocations;

		static final Instant INITIALISED = Instant.now();

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			int mine = ++invocations;
			if (event.containsKey("exit")) {
				System.exit(1);
			}
			if (event.containsKey("wait")) {
				try {
					Thread.sleep(1_000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("invocations", mine);
			seen.put("initialised", INITIALISED.toString());
			return seen;
		}
	}

	@LambdaSandbox(isolatedEnvironments = true)
	@LambdaFunction(name = "counter", handler = StaticCounter.class, onSuccess = "sqs:done")
	static class Isolated {
	}

	@LambdaFunction(name = "counter", handler = StaticCounter.class, onSuccess = "sqs:done")
	static class Shared {
	}

	@Test
	void twoConcurrentEnvironmentsOfOneFunctionHaveSeparateStaticCounters() {
		try (Sandbox sandbox = Sandbox.create(Isolated.class)) {
			List<Integer> counts = twoOverlappingInvocations(sandbox);

			assertThat(counts).containsExactly(1, 1);
			assertThat(sandbox.journal().entries(JournalEntry.AttemptStarted.class)).extracting(JournalEntry.AttemptStarted::environment)
					.doesNotHaveDuplicates();
		}
	}

	@Test
	void sharedEnvironmentsShareTheTestsStaticState() {
		StaticCounter.invocations = 0;
		try (Sandbox sandbox = Sandbox.create(Shared.class)) {
			List<Integer> counts = twoOverlappingInvocations(sandbox);

			assertThat(counts).containsExactlyInAnyOrder(1, 2);
			assertThat(StaticCounter.invocations).isEqualTo(2);
		}
	}

	@Test
	void aNewEnvironmentAfterAnExitStartsWithFreshStaticState() {
		int testsCopy = StaticCounter.invocations;
		try (Sandbox sandbox = Sandbox.create(Isolated.class)) {
			assertThat(count(sandbox.invoke("counter", "{}"))).isEqualTo(1);
			assertThat(count(sandbox.invoke("counter", "{}"))).isEqualTo(2);
			assertThat(sandbox.invoke("counter", "{\"exit\": true}").payload()).contains("Runtime.ExitError");
			sandbox.clock().advance(Duration.ofMinutes(1));

			JsonNode fresh = Fixtures.parse(sandbox.invoke("counter", "{}").payload());

			assertThat(fresh.get("invocations").asInt()).isEqualTo(1);
			// its class was initialised anew, on the handler's thread, in virtual time
			assertThat(fresh.get("initialised").asText()).isEqualTo("2025-01-01T00:01:00Z");
		}
		assertThat(StaticCounter.invocations).as("the test's own copy of the class").isEqualTo(testsCopy);
	}

	@Test
	void aWarmEnvironmentKeepsItsStaticState() {
		try (Sandbox sandbox = Sandbox.create(Isolated.class)) {
			sandbox.invoke("counter", "{}");
			sandbox.clock().advance(Duration.ofMinutes(1));

			JsonNode warm = Fixtures.parse(sandbox.invoke("counter", "{}").payload());

			assertThat(warm.get("invocations").asInt()).isEqualTo(2);
			assertThat(warm.get("initialised").asText()).isEqualTo("2025-01-01T00:00:00Z");
		}
	}

	/** Two events at the same instant, each waiting a virtual second: two environments at once. */
	private static List<Integer> twoOverlappingInvocations(Sandbox sandbox) {
		sandbox.invokeAsync("counter", "{\"wait\": true}");
		sandbox.invokeAsync("counter", "{\"wait\": true}");
		sandbox.settle();
		return sandbox.queue("done").messages().stream()
				.map(message -> Fixtures.parse(message.body()).at("/responsePayload/invocations").asInt()).toList();
	}

	private static int count(InvokeResult result) {
		return Fixtures.parse(result.payload()).get("invocations").asInt();
	}
}
