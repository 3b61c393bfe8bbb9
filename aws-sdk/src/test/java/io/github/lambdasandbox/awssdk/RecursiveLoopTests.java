package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.EventRule;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Subscription;
import io.github.lambdasandbox.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a handler writes with the AWS SDK carries its chain of requests, as the SDK's trace header does in AWS: a loop
 * through SQS, SNS or synchronous Lambda invocations is stopped at the function's 17th invocation; one through
 * EventBridge is not (Lambda cannot follow a chain there).
 */
@DisplayName("Recursive loops made with AWS SDK clients in handlers")
@LambdaSandbox
@LambdaFunction(name = "looper", handler = RecursiveLoopTests.SqsLooper.class, timeout = 30)
@LambdaFunction(name = "deeper", handler = RecursiveLoopTests.LambdaDeeper.class, timeout = 30)
@LambdaFunction(name = "republisher", handler = RecursiveLoopTests.SnsRepublisher.class, timeout = 30)
@LambdaFunction(name = "announcer", handler = RecursiveLoopTests.EventAnnouncer.class, timeout = 30,
		maximumRetryAttempts = 0)
@Queue(name = "loop", deadLetterQueue = "sqs:loop-dlq", maxReceiveCount = 1)
@EventSourceMapping(function = "looper", source = "sqs:loop")
@Topic(name = "alerts")
@Subscription(topic = "alerts", endpoint = "lambda:republisher")
@EventRule(name = "again", pattern = "{\"source\": [\"shop\"]}", target = "lambda:announcer")
class RecursiveLoopTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Sends a message to the queue "loop", whose mapping invokes it again. */
	public static class SqsLooper implements RequestHandler<Map<String, Object>, Void> {

		private static final SqsClient SQS = SqsClient.create();

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			SQS.sendMessage(b -> b.queueUrl("https://sqs.us-east-1.amazonaws.com/123456789012/loop").messageBody("again"));
			return null;
		}
	}

	/** Publishes to the topic "alerts", whose subscription invokes it again. */
	public static class SnsRepublisher implements RequestHandler<Map<String, Object>, Void> {

		private static final SnsClient SNS = SnsClient.create();

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			SNS.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:alerts").message("again"));
			return null;
		}
	}

	/** Puts an event on the default bus, whose rule invokes it again; fails its 21st invocation, which ends the loop. */
	public static class EventAnnouncer implements RequestHandler<Map<String, Object>, Void> {

		private static final EventBridgeClient EVENTS = EventBridgeClient.create();

		private int calls;

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			if (++calls > 20) {
				throw new IllegalStateException("enough");
			}
			EVENTS.putEvents(b -> b.entries(e -> e.source("shop").detailType("again").detail("{}")));
			return null;
		}
	}

	/** Invokes itself one level deeper; answers the error that stopped it. */
	public static class LambdaDeeper implements RequestHandler<Map<String, Object>, Object> {

		private static final LambdaClient LAMBDA = LambdaClient.create();

		@Override
		public Object handleRequest(Map<String, Object> event, Context context) {
			int depth = (Integer) event.get("depth");
			try {
				String payload = LAMBDA.invoke(b -> b.functionName("deeper")
						.payload(SdkBytes.fromUtf8String("{\"depth\": " + (depth + 1) + "}"))).payload().asUtf8String();
				return JSON.readValue(payload, Object.class);
			}
			catch (AwsServiceException stopped) {
				return Map.of("depth", depth + 1, "exception", stopped.getClass().getSimpleName(), "status",
						stopped.statusCode(), "code", stopped.awsErrorDetails().errorCode(), "message",
						stopped.awsErrorDetails().errorMessage());
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}

	@Test
	void aHandlerThatFeedsItsOwnQueueIsStoppedAfterSixteenInvocations(Sandbox sandbox) {
		sandbox.queue("loop").sendMessage("first");
		sandbox.settle();

		assertThat(sandbox.function("looper").metric("Invocations")).isEqualTo(16);
		assertThat(sandbox.function("looper").metric("RecursiveInvocationsDropped")).isEqualTo(1);
		assertThat(sandbox.queue("loop-dlq").messages()).extracting(m -> m.body()).containsExactly("again");
		assertThat(sandbox.journal().entries(JournalEntry.RecursiveInvocationDropped.class)).singleElement()
				.satisfies(stop -> assertThat(stop.chain()).containsExactly(Map.entry("looper", 16)));
	}

	@Test
	void aHandlerThatPublishesToTheTopicThatInvokesItIsStoppedAfterSixteenInvocations(Sandbox sandbox) {
		sandbox.topic("alerts").publish("first");
		sandbox.settle();

		assertThat(sandbox.function("republisher").metric("Invocations")).isEqualTo(16);
		assertThat(sandbox.function("republisher").metric("RecursiveInvocationsDropped")).isEqualTo(1);
		assertThat(sandbox.function("republisher").metric("AsyncEventsDropped")).isEqualTo(1);
	}

	@Test
	void aLoopThroughEventBridgeIsNotStopped(Sandbox sandbox) {
		sandbox.eventBus("default").putEvent("shop", "first", "{}");
		sandbox.settle();

		assertThat(sandbox.function("announcer").metric("Invocations")).isEqualTo(21);
		assertThat(sandbox.function("announcer").metric("RecursiveInvocationsDropped")).isZero();
	}

	@Test
	void aHandlerThatInvokesItselfGetsRecursiveInvocationExceptionAtDepthSeventeen(Sandbox sandbox) throws Exception {
		JsonNode answer = JSON.readTree(sandbox.invoke("deeper", "{\"depth\": 1}").payload());

		assertThat(answer.get("depth").asInt()).isEqualTo(17);
		assertThat(answer.get("exception").asText()).isEqualTo("RecursiveInvocationException");
		assertThat(answer.get("status").asInt()).isEqualTo(400);
		assertThat(answer.get("code").asText()).isEqualTo("RecursiveInvocationException");
		assertThat(answer.get("message").asText()).isEqualTo("Lambda has detected your function being invoked in a "
				+ "recursive loop with other Amazon Web Services resources and stopped your function's invocation.");
		assertThat(sandbox.function("deeper").metric("RecursiveInvocationsDropped")).isEqualTo(1);
	}
}
