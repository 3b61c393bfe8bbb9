package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.RecursiveInvocationDropped;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Recursive loop detection (AWS: "Use Lambda recursive loop detection to prevent infinite loops"): Lambda follows a
 * chain of requests through its own invocations, destinations, SQS and S3, and stops a function's invocation once the
 * function ran 16 times in the chain, unless its {@code RecursiveLoop} is {@code Allow}.
 */
@DisplayName("Recursive loops: Lambda stops a function's 17th invocation in one chain of requests")
class RecursiveLoopTests {

	/** Sends what it gets to the queue "loop" (whose mapping invokes it again), through the sandbox's Java API. */
	public static class Requeue implements RequestHandler<Map<String, Object>, Void> {

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			LambdaSandboxExtension.currentSandbox("a handler").queue("loop").sendMessage("{\"again\": true}");
			return null;
		}
	}

	/** Stores an object in the bucket "uploads", whose notification invokes it again. */
	public static class Reupload implements RequestHandler<Map<String, Object>, Void> {

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			LambdaSandboxExtension.currentSandbox("a handler").bucket("uploads").putObject("thumbnail.png", "x");
			return null;
		}
	}

	/** Publishes to the topic "alerts" (whose subscription invokes it again), through the sandbox's Java API. */
	public static class Republish implements RequestHandler<Map<String, Object>, Void> {

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			LambdaSandboxExtension.currentSandbox("a handler").topic("alerts").publish("{\"again\": true}");
			return null;
		}
	}

	/** Invokes itself synchronously, one level deeper, and answers what the deepest level answered. */
	public static class Deeper implements RequestHandler<Map<String, Object>, Object> {

		private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

		@Override
		public Object handleRequest(Map<String, Object> event, Context context) {
			int depth = (Integer) event.get("depth");
			try {
				return JSON.readValue(LambdaSandboxExtension.currentSandbox("a handler").invoke("deeper", "{\"depth\": "
						+ (depth + 1) + "}").payload(), Object.class);
			}
			catch (LambdaServiceException stopped) {
				return stopped.errorCode() + " at depth " + (depth + 1) + ": " + stopped.getMessage();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}

	/** Answers its first 20 invocations in an environment, and fails the 21st. */
	public static class TwentyTimes implements RequestHandler<Map<String, Object>, Integer> {

		private int calls;

		@Override
		public Integer handleRequest(Map<String, Object> event, Context context) {
			if (++calls > 20) {
				throw new IllegalStateException("enough");
			}
			return calls;
		}
	}

	@LambdaFunction(name = "ping", handler = Handlers.Hello.class, onSuccess = "lambda:pong", onFailure = "sqs:stopped",
			deadLetterQueue = "sqs:ping-dlq")
	@LambdaFunction(name = "pong", handler = Handlers.Hello.class, onSuccess = "lambda:ping")
	static class PingPong {
	}

	@Nested
	@DisplayName("a ping-pong through on-success destinations (ping → pong → ping …)")
	class ThroughDestinations {

		@Test
		void endsAfterEachFunctionRanSixteenTimesWithPingsSeventeenthEventDropped() {
			try (Sandbox sandbox = Sandbox.create(PingPong.class)) {
				String first = sandbox.invokeAsync("ping", "{\"ball\": 1}").requestId();
				sandbox.settle();

				assertThat(sandbox.function("ping").metric("Invocations")).isEqualTo(16);
				assertThat(sandbox.function("pong").metric("Invocations")).isEqualTo(16);
				assertThat(sandbox.function("ping").metric("RecursiveInvocationsDropped")).isEqualTo(1);
				assertThat(sandbox.function("pong").metric("RecursiveInvocationsDropped")).isZero();
				assertThat(sandbox.function("ping").metric("AsyncEventsDropped")).isEqualTo(1);
				assertThat(sandbox.function("ping").metric("DestinationDeliveryFailures")).isZero();

				List<RecursiveInvocationDropped> stops = sandbox.journal().entries(RecursiveInvocationDropped.class);
				assertThat(stops).singleElement().satisfies(stop -> {
					assertThat(stop.function()).isEqualTo("ping");
					assertThat(stop.invocationType()).isEqualTo("Event");
					assertThat(stop.chain()).containsExactly(Map.entry("ping", 16), Map.entry("pong", 16));
					assertThat(stop.requestId()).isNotEqualTo(first);
				});
				assertThat(sandbox.journal().timeline(stops.get(0).requestId())).contains("recursive loop: ping ran 16 times in this "
						+ "chain of requests {ping=16, pong=16}, Lambda stops this invocation (RecursiveInvocationsDropped)",
						"failed (RecursiveInvocationException)");
			}
		}

		@Test
		void theStoppedEventGoesToTheOnFailureDestinationAndTheDeadLetterQueueWithoutAnAttempt() {
			try (Sandbox sandbox = Sandbox.create(PingPong.class)) {
				sandbox.invokeAsync("ping", "{\"ball\": 1}");
				sandbox.settle();

				String requestId = sandbox.journal().entries(RecursiveInvocationDropped.class).get(0).requestId();
				JsonNode record = Fixtures.parse(sandbox.queue("stopped").messages().get(0).body());
				assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RecursiveInvocationException");
				assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isZero();
				assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
				assertThat(record.has("responseContext")).isFalse();
				assertThat(record.has("responsePayload")).isFalse();
				// what pong sent: its own on-success record, 31 records deep
				assertThat(record.at("/requestPayload/requestContext/functionArn").asText())
						.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:pong:$LATEST");

				SqsMessage deadLetter = sandbox.queue("ping-dlq").messages().get(0);
				assertThat(deadLetter.attribute("RequestID")).isEqualTo(requestId);
				assertThat(deadLetter.attribute("ErrorCode")).isEqualTo("400");
				assertThat(deadLetter.attribute("ErrorMessage")).isEqualTo("Lambda has detected your function being invoked in "
						+ "a recursive loop with other Amazon Web Services resources and stopped your function's invocation.");
				assertThat(Fixtures.parse(deadLetter.body())).isEqualTo(record.get("requestPayload"));
			}
		}

		@Test
		void eachEventFromTheTestStartsAChainOfItsOwn() {
			try (Sandbox sandbox = Sandbox.create(PingPong.class)) {
				sandbox.invokeAsync("ping", "{\"ball\": 1}");
				sandbox.invokeAsync("ping", "{\"ball\": 2}");
				sandbox.settle();

				assertThat(sandbox.function("ping").metric("Invocations")).isEqualTo(32);
				assertThat(sandbox.function("ping").metric("RecursiveInvocationsDropped")).isEqualTo(2);
				assertThat(sandbox.queue("stopped").messages()).hasSize(2);
			}
		}
	}

	@LambdaFunction(name = "ping", handler = TwentyTimes.class, onSuccess = "lambda:pong", maximumRetryAttempts = 0,
			recursiveLoop = RecursiveLoop.ALLOW)
	@LambdaFunction(name = "pong", handler = Handlers.Hello.class, onSuccess = "lambda:ping",
			recursiveLoop = RecursiveLoop.ALLOW)
	static class PingPongAllowed {
	}

	@LambdaFunction(name = "ping", handler = Handlers.Hello.class, onSuccess = "lambda:pong",
			recursiveLoop = RecursiveLoop.ALLOW)
	@LambdaFunction(name = "pong", handler = Handlers.Hello.class, onSuccess = "lambda:ping", onFailure = "sqs:stopped")
	static class PingAllowedPongTerminated {
	}

	@Nested
	@DisplayName("RecursiveLoop = Allow")
	class Allowed {

		@Test
		void letsTheLoopRunPastSixteenInvocationsUntilItEndsOnItsOwn() {
			try (Sandbox sandbox = Sandbox.create(PingPongAllowed.class)) {
				sandbox.invokeAsync("ping", "{\"ball\": 1}");
				sandbox.settle();

				// ping fails its 21st invocation (no retries, no destination): that ends the loop
				assertThat(sandbox.function("ping").metric("Invocations")).isEqualTo(21);
				assertThat(sandbox.function("pong").metric("Invocations")).isEqualTo(20);
				assertThat(sandbox.function("ping").metric("RecursiveInvocationsDropped")
						+ sandbox.function("pong").metric("RecursiveInvocationsDropped")).isZero();
				assertThat(sandbox.journal().entries(RecursiveInvocationDropped.class)).isEmpty();
			}
		}

		@Test
		void isPerFunctionTheOtherFunctionOfTheLoopIsStillStopped() {
			try (Sandbox sandbox = Sandbox.create(PingAllowedPongTerminated.class)) {
				sandbox.invokeAsync("ping", "{\"ball\": 1}");
				sandbox.settle();

				assertThat(sandbox.function("ping").metric("Invocations")).isEqualTo(17);
				assertThat(sandbox.function("pong").metric("Invocations")).isEqualTo(16);
				assertThat(sandbox.function("pong").metric("RecursiveInvocationsDropped")).isEqualTo(1);
				assertThat(sandbox.function("ping").metric("RecursiveInvocationsDropped")).isZero();
				assertThat(sandbox.queue("stopped").messages()).hasSize(1);
			}
		}

		@Test
		void canBeSetWhileTheTestRunsAsPutFunctionRecursionConfigDoes() {
			try (Sandbox sandbox = Sandbox.create(PingPong.class)) {
				assertThat(sandbox.function("ping").recursiveLoop()).isEqualTo(RecursiveLoop.TERMINATE);

				sandbox.function("ping").putFunctionRecursionConfig(RecursiveLoop.ALLOW);
				sandbox.invokeAsync("ping", "{\"ball\": 1}");
				sandbox.settle();

				// ping may loop now, pong may not: pong's 17th invocation is the one stopped
				assertThat(sandbox.function("ping").recursiveLoop()).isEqualTo(RecursiveLoop.ALLOW);
				assertThat(sandbox.function("ping").metric("Invocations")).isEqualTo(17);
				assertThat(sandbox.function("pong").metric("RecursiveInvocationsDropped")).isEqualTo(1);
				assertThat(sandbox.function("ping").metric("RecursiveInvocationsDropped")).isZero();
			}
		}
	}

	@LambdaFunction(name = "requeue", handler = Requeue.class)
	@Queue(name = "loop", deadLetterQueue = "sqs:loop-dlq", maxReceiveCount = 3)
	@EventSourceMapping(function = "requeue", source = "sqs:loop")
	static class QueueLoop {
	}

	@Nested
	@DisplayName("a loop through an SQS queue and its event source mapping")
	class ThroughAQueue {

		@Test
		void blocksTheSeventeenthBatchUntilTheQueueMovesTheMessageToItsDeadLetterQueue() {
			try (Sandbox sandbox = Sandbox.create(QueueLoop.class)) {
				sandbox.queue("loop").sendMessage("{\"first\": true}");
				sandbox.settle();

				assertThat(sandbox.function("requeue").metric("Invocations")).isEqualTo(16);
				// AWS: Lambda returns RecursiveInvocationException to the mapping; SQS counts each receive, and the
				// redrive policy (maxReceiveCount 3) moves the message on its fourth
				assertThat(sandbox.function("requeue").metric("RecursiveInvocationsDropped")).isEqualTo(3);
				assertThat(sandbox.queue("loop").messages()).isEmpty();
				assertThat(sandbox.queue("loop-dlq").messages()).singleElement()
						.satisfies(message -> assertThat(message.body()).isEqualTo("{\"again\": true}"));
				assertThat(sandbox.journal().entries(RecursiveInvocationDropped.class))
						.extracting(RecursiveInvocationDropped::resource, RecursiveInvocationDropped::invocationType)
						.containsOnly(org.assertj.core.groups.Tuple.tuple("sqs:loop", "sqs:loop"));
				assertThat(sandbox.journal().entries(JournalEntry.BatchEnded.class))
						.extracting(JournalEntry.BatchEnded::outcome).endsWith(JournalEntry.BatchOutcome.FAILURE,
								JournalEntry.BatchOutcome.FAILURE, JournalEntry.BatchOutcome.FAILURE);
			}
		}
	}

	@LambdaFunction(name = "thumbnails", handler = Reupload.class, onFailure = "sqs:stopped")
	@Bucket(name = "uploads", onObjectCreated = "thumbnails")
	static class BucketLoop {
	}

	@Nested
	@DisplayName("a loop through an S3 bucket's notification")
	class ThroughABucket {

		@Test
		void dropsTheSeventeenthNotification() {
			try (Sandbox sandbox = Sandbox.create(BucketLoop.class)) {
				sandbox.bucket("uploads").putObject("photo.png", "x");
				sandbox.settle();

				assertThat(sandbox.function("thumbnails").metric("Invocations")).isEqualTo(16);
				assertThat(sandbox.function("thumbnails").metric("RecursiveInvocationsDropped")).isEqualTo(1);
				assertThat(sandbox.queue("stopped").messages()).singleElement().satisfies(message -> assertThat(
						Fixtures.parse(message.body()).at("/requestPayload/Records/0/s3/object/key").asText())
						.isEqualTo("thumbnail.png"));
			}
		}
	}

	@LambdaFunction(name = "republish", handler = Republish.class, onFailure = "sqs:stopped")
	@Topic(name = "alerts")
	@Subscription(topic = "alerts", endpoint = "lambda:republish")
	static class TopicLoop {
	}

	@Nested
	@DisplayName("a loop through an SNS topic's subscription")
	class ThroughATopic {

		@Test
		void dropsTheSeventeenthDelivery() {
			try (Sandbox sandbox = Sandbox.create(TopicLoop.class)) {
				sandbox.topic("alerts").publish("{\"first\": true}");
				sandbox.settle();

				assertThat(sandbox.function("republish").metric("Invocations")).isEqualTo(16);
				assertThat(sandbox.function("republish").metric("RecursiveInvocationsDropped")).isEqualTo(1);
				assertThat(sandbox.topic("alerts").messages()).hasSize(17);
				assertThat(sandbox.queue("stopped").messages()).singleElement().satisfies(message -> assertThat(
						Fixtures.parse(message.body()).at("/requestPayload/Records/0/Sns/Message").asText())
						.isEqualTo("{\"again\": true}"));
			}
		}
	}

	@LambdaFunction(name = "announcer", handler = TwentyTimes.class, maximumRetryAttempts = 0, onSuccess = "events:bus")
	@EventRule(name = "again", bus = "bus", pattern = "{\"source\": [\"lambda\"]}", target = "lambda:announcer")
	static class BusLoop {
	}

	@Nested
	@DisplayName("a loop through EventBridge, which Lambda cannot follow")
	class ThroughEventBridge {

		@Test
		void isNotStopped() {
			try (Sandbox sandbox = Sandbox.create(BusLoop.class)) {
				sandbox.invokeAsync("announcer", "{}");
				sandbox.settle();

				// announcer fails its 21st invocation (no retries, no on-failure destination): that ends the loop
				assertThat(sandbox.function("announcer").metric("Invocations")).isEqualTo(21);
				assertThat(sandbox.function("announcer").metric("RecursiveInvocationsDropped")).isZero();
			}
		}
	}

	@LambdaFunction(name = "deeper", handler = Deeper.class, timeout = 30)
	static class SelfInvoking {
	}

	@Nested
	@DisplayName("synchronous invocations of a handler by itself")
	class Synchronous {

		@Test
		void theSeventeenthIsRefusedWithRecursiveInvocationException() {
			try (Sandbox sandbox = Sandbox.create(SelfInvoking.class)) {
				InvokeResult result = sandbox.invoke("deeper", "{\"depth\": 1}");

				assertThat(result.payload()).isEqualTo("\"RecursiveInvocationException at depth 17: Lambda has detected your "
						+ "function being invoked in a recursive loop with other Amazon Web Services resources and stopped your "
						+ "function's invocation.\"");
				assertThat(sandbox.function("deeper").metric("Invocations")).isEqualTo(16);
				assertThat(sandbox.function("deeper").metric("RecursiveInvocationsDropped")).isEqualTo(1);
				assertThat(sandbox.journal().entries(RecursiveInvocationDropped.class)).singleElement()
						.extracting(RecursiveInvocationDropped::invocationType).isEqualTo("RequestResponse");
			}
		}

		@Test
		void invocationsFromTheTestNeverFormAChain() {
			try (Sandbox sandbox = Sandbox.create(PingPong.class)) {
				for (int i = 0; i < 20; i++) {
					assertThat(sandbox.invoke("pong", "{}").functionError()).isNull();
				}
				assertThat(sandbox.function("pong").metric("RecursiveInvocationsDropped")).isZero();
			}
		}

		@Test
		void aNullSettingIsRefusedAsLambdasModelRefusesIt() {
			try (Sandbox sandbox = Sandbox.create(PingPong.class)) {
				LambdaServiceException refused = catchThrowableOfType(LambdaServiceException.class,
						() -> sandbox.function("ping").putFunctionRecursionConfig(null));

				assertThat(refused.errorCode()).isEqualTo("ValidationException");
				assertThat(refused.statusCode()).isEqualTo(400);
			}
		}
	}
}
