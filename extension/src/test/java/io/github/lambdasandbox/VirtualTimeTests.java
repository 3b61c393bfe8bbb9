package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Virtual time: manual clock, settle, determinism")
class VirtualTimeTests {

	@LambdaFunction(name = "boom", handler = Handlers.Boom.class, onFailure = "sqs:failures", deadLetterQueue = "sqs:dlq")
	@LambdaFunction(name = "hello", handler = Handlers.Hello.class, onSuccess = "lambda:echo")
	@LambdaFunction(name = "echo", handler = Handlers.Echo.class, onSuccess = "sqs:echoed")
	@Bucket(name = "images", onObjectCreated = "boom")
	static class Declarations {
	}

	@LambdaSandbox(startTime = "2030-06-01T12:00:00Z", seed = 7)
	@LambdaFunction(name = "hello", handler = Handlers.Hello.class)
	static class Seeded {
	}

	@Test
	void aPausedClockMovesOnlyWhenAdvanced() {
		try (Sandbox sandbox = Sandbox.create(Declarations.class)) {
			Instant start = sandbox.clock().now();
			sandbox.clock().pause();
			sandbox.invokeAsync("boom", "{}");

			sandbox.settle();
			assertThat(attempts(sandbox)).isEqualTo(1);
			assertThat(sandbox.clock().now()).isEqualTo(start);

			sandbox.clock().advance(Duration.ofSeconds(59));
			assertThat(attempts(sandbox)).isEqualTo(1);
			sandbox.clock().advance(Duration.ofSeconds(1));
			assertThat(attempts(sandbox)).isEqualTo(2);
			sandbox.clock().advance(Duration.ofSeconds(119));
			assertThat(attempts(sandbox)).isEqualTo(2);
			assertThat(sandbox.queue("failures").messages()).isEmpty();
			sandbox.clock().advance(Duration.ofSeconds(1));
			assertThat(attempts(sandbox)).isEqualTo(3);
			assertThat(sandbox.queue("failures").messages()).hasSize(1);
			assertThat(sandbox.clock().now()).isEqualTo(start.plusSeconds(180));
		}
	}

	@Test
	void theClockDoesNotMoveWhileNobodyWaits() {
		try (Sandbox sandbox = Sandbox.create(Declarations.class)) {
			sandbox.invokeAsync("boom", "{}");

			assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
			sandbox.settle();
			assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2025-01-01T00:03:00Z"));
		}
	}

	@Test
	void advanceRefusesToGoBack() {
		try (Sandbox sandbox = Sandbox.create(Declarations.class)) {
			assertThatThrownBy(() -> sandbox.clock().advance(Duration.ofSeconds(-1)))
					.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go back");
		}
	}

	@Test
	void theSameScenarioGivesTheSameIdsTimesAndDocumentsOnEveryRun() {
		List<String> first = scenario();
		List<String> second = scenario();

		assertThat(second).isEqualTo(first);
		assertThat(first).hasSizeGreaterThan(3);
	}

	@Test
	void startTimeAndSeedAreDeclaredOnLambdaSandbox() {
		try (Sandbox seeded = Sandbox.create(Seeded.class); Sandbox other = Sandbox.create(Declarations.class)) {
			assertThat(seeded.clock().now()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
			assertThat(seeded.invokeAsync("hello", "{}").requestId()).isNotEqualTo(other.invokeAsync("hello", "{}").requestId());
		}
	}

	/** Everything observable from a scenario with retries, destinations chains, an S3 event and a DLQ. */
	private static List<String> scenario() {
		try (Sandbox sandbox = Sandbox.create(Declarations.class)) {
			List<String> seen = new ArrayList<>();
			seen.add(sandbox.invokeAsync("boom", "{\"n\": 1}").requestId());
			seen.add(sandbox.invokeAsync("hello", "{\"n\": 2}").requestId());
			sandbox.bucket("images").putObject("a.png", "png");
			seen.add(sandbox.invoke("hello", "{\"n\": 3}").requestId());
			sandbox.settle();
			for (SqsQueue queue : sandbox.queues()) {
				for (SqsMessage message : queue.messages()) {
					seen.add(queue.name() + " " + message.messageId() + " " + message.body() + " " + message.attributes());
				}
			}
			seen.add(sandbox.clock().now().toString());
			return seen;
		}
	}

	private static long attempts(Sandbox sandbox) {
		return sandbox.function("boom").metric("Invocations");
	}
}
