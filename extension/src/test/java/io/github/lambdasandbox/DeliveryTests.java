package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Destinations and dead-letter queues: every event is delivered or counted")
class DeliveryTests {

	@LambdaFunction(name = "both", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "sqs:failures",
			deadLetterQueue = "sqs:dlq")
	@LambdaFunction(name = "nowhere", handler = Handlers.Boom.class, maximumRetryAttempts = 0)
	@LambdaFunction(name = "to-fifo", handler = Handlers.Hello.class, onSuccess = "sqs:records.fifo")
	@LambdaFunction(name = "dlq-fifo", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			deadLetterQueue = "sqs:dead.fifo")
	@LambdaFunction(name = "chain", handler = Handlers.Hello.class, onSuccess = "lambda:audit")
	@LambdaFunction(name = "audit", handler = Handlers.Echo.class, onSuccess = "sqs:audited")
	@LambdaFunction(name = "archive", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "s3:failed-events")
	@LambdaFunction(name = "by-arn", handler = Handlers.Hello.class,
			onSuccess = "arn:aws:sqs:us-east-1:123456789012:arn-queue")
	@LambdaFunction(name = "notify", handler = Handlers.Hello.class, onSuccess = "sns:outcomes")
	@LambdaFunction(name = "notify-fifo", handler = Handlers.Hello.class, onSuccess = "sns:outcomes.fifo")
	@LambdaFunction(name = "to-bus", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "events:my-bus")
	@LambdaFunction(name = "sns-dlq", handler = Handlers.Boom.class, maximumRetryAttempts = 0, deadLetterQueue = "sns:dead-letters")
	@LambdaFunction(name = "big", handler = DeliveryTests.Big.class, onSuccess = "sns:big-outcomes")
	@LambdaFunction(name = "big-to-queue", handler = DeliveryTests.Big.class, onSuccess = "sqs:big-records")
	@Bucket(name = "uploads", onObjectCreated = "sns:uploaded")
	static class Declarations {
	}

	/** Returns 300 KB of text. */
	public static class Big implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {

		@Override
		public String handleRequest(Object event, com.amazonaws.services.lambda.runtime.Context context) {
			return "x".repeat(300 * 1024);
		}
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void withBothTheDestinationGetsTheRecordAndTheQueueTheEvent() {
		sandbox.invokeAsync("both", "{\"id\": 7}");
		sandbox.settle();

		assertThat(Fixtures.parse(sandbox.queue("failures").messages().get(0).body()).at("/requestContext/condition").asText())
				.isEqualTo("RetriesExhausted");
		assertThat(sandbox.queue("dlq").messages()).extracting(SqsMessage::body).containsExactly("{\"id\": 7}");
	}

	@Test
	void anEventWithNowhereToGoIsCountedAsDropped() {
		sandbox.invokeAsync("nowhere", "{}");
		sandbox.settle();

		assertThat(sandbox.function("nowhere").metric("AsyncEventsDropped")).isEqualTo(1);
		assertThat(sandbox.timeline()).contains("dropped: no on-failure destination and no dead-letter queue");
	}

	@Test
	void aFifoDestinationIsAcceptedButNothingIsDelivered() {
		sandbox.invokeAsync("to-fifo", "{}");
		sandbox.settle();

		assertThat(sandbox.queue("records.fifo").messages()).isEmpty();
		assertThat(sandbox.function("to-fifo").metric("DestinationDeliveryFailures")).isEqualTo(1);
		assertThat(sandbox.timeline()).contains("NOT delivered: FIFO queues are not supported as destinations");
	}

	@Test
	void aFifoDeadLetterQueueIsADeadLetterError() {
		sandbox.invokeAsync("dlq-fifo", "{}");
		sandbox.settle();

		assertThat(sandbox.queue("dead.fifo").messages()).isEmpty();
		assertThat(sandbox.function("dlq-fifo").metric("DeadLetterErrors")).isEqualTo(1);
		assertThat(sandbox.function("dlq-fifo").metric("AsyncEventsDropped")).isEqualTo(1);
	}

	@Test
	void aLambdaDestinationIsInvokedAsynchronouslyWithTheRecord() {
		String requestId = sandbox.invokeAsync("chain", "{\"step\": 1}").requestId();
		sandbox.settle();

		JsonNode audited = Fixtures.parse(sandbox.queue("audited").messages().get(0).body());
		// audit echoed the record it was invoked with
		assertThat(audited.at("/requestPayload/requestContext/requestId").asText()).isEqualTo(requestId);
		assertThat(audited.at("/requestPayload/requestContext/condition").asText()).isEqualTo("Success");
		assertThat(audited.at("/requestPayload/requestPayload/step").asInt()).isEqualTo(1);
		assertThat(audited.at("/requestContext/requestId").asText()).isNotEqualTo(requestId);
	}

	@Test
	void anS3DestinationStoresTheRecordUnderAwsKey() {
		sandbox.invokeAsync("archive", "{}");
		sandbox.settle();

		List<String> keys = sandbox.bucket("failed-events").keys();
		assertThat(keys).singleElement().asString()
				.matches("aws/lambda/async/archive/2025/01/01/2025-01-01T00\\.00\\.00-[0-9a-f-]{36}");
		JsonNode record = Fixtures.parse(sandbox.bucket("failed-events").getObject(keys.get(0)).orElseThrow());
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
	}

	@Test
	void destinationsMayBeNamedByArn() {
		sandbox.invokeAsync("by-arn", "{}");
		sandbox.settle();

		assertThat(sandbox.queue("arn-queue").messages()).hasSize(1);
	}

	@Test
	void anSnsDestinationGetsTheRecordAsMessageWithoutSubject() {
		sandbox.invokeAsync("notify", "{}");
		sandbox.settle();

		SnsMessage message = sandbox.topic("outcomes").messages().get(0);
		assertThat(Fixtures.parse(message.message()).at("/requestContext/condition").asText()).isEqualTo("Success");
		assertThat(message.subject()).isNull();
		assertThat(message.attributes()).isEmpty();
	}

	@Test
	void aFifoTopicIsADeliveryFailure() {
		sandbox.invokeAsync("notify-fifo", "{}");
		sandbox.settle();

		assertThat(sandbox.topic("outcomes.fifo").messages()).isEmpty();
		assertThat(sandbox.function("notify-fifo").metric("DestinationDeliveryFailures")).isEqualTo(1);
	}

	@Test
	void aRecordOverSnsLimitIsADeliveryFailureWhileSqsTakesIt() {
		sandbox.invokeAsync("big", "{}");
		sandbox.invokeAsync("big-to-queue", "{}");
		sandbox.settle();

		assertThat(sandbox.topic("big-outcomes").messages()).isEmpty();
		assertThat(sandbox.function("big").metric("DestinationDeliveryFailures")).isEqualTo(1);
		assertThat(sandbox.timeline()).contains("NOT delivered: the record is larger than SNS's 256 KB message limit");
		assertThat(sandbox.queue("big-records").messages()).hasSize(1);
	}

	@Test
	void anEventBridgeDestinationGetsTheRecordAsDetail() {
		String requestId = sandbox.invokeAsync("to-bus", "{\"mode\": \"fail\"}").requestId();
		sandbox.settle();

		JsonNode event = Fixtures.parse(sandbox.eventBus("my-bus").events().get(0));
		JsonNode sample = Fixtures.json("eventbridge-destination-success.json");
		assertThat(io.github.lambdasandbox.support.JsonShape.differences(without(sample, "detail"), without(event, "detail")))
				.isEmpty();
		assertThat(event.get("detail-type").asText()).isEqualTo("Lambda Function Invocation Result - Failure");
		assertThat(event.get("source").asText()).isEqualTo("lambda");
		assertThat(event.get("account").asText()).isEqualTo("123456789012");
		assertThat(event.get("time").asText()).isEqualTo("2025-01-01T00:00:00Z");
		assertThat(event.get("resources")).extracting(JsonNode::asText).containsExactly(
				"arn:aws:events:us-east-1:123456789012:event-bus/my-bus",
				"arn:aws:lambda:us-east-1:123456789012:function:to-bus:$LATEST");
		assertThat(event.at("/detail/requestContext/requestId").asText()).isEqualTo(requestId);
		assertThat(event.at("/detail/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
	}

	@Test
	void anSnsDeadLetterQueueGetsTheEventWithTheErrorAttributes() {
		String requestId = sandbox.invokeAsync("sns-dlq", "{\"id\": 1}").requestId();
		sandbox.settle();

		SnsMessage message = sandbox.topic("dead-letters").messages().get(0);
		assertThat(message.message()).isEqualTo("{\"id\": 1}");
		assertThat(message.attributes()).containsExactly(org.assertj.core.api.Assertions.entry("RequestID", requestId),
				org.assertj.core.api.Assertions.entry("ErrorCode", "200"),
				org.assertj.core.api.Assertions.entry("ErrorMessage", "boom!"));
	}

	@Test
	void s3NotificationsToATopicCarryS3Subject() {
		sandbox.bucket("uploads").putObject("a.txt", "a");

		// first S3's test event, published when the notification was configured, then the object's event
		List<SnsMessage> messages = sandbox.topic("uploaded").messages();
		assertThat(messages).extracting(SnsMessage::subject).containsExactly("Amazon S3 Notification",
				"Amazon S3 Notification");
		assertThat(Fixtures.parse(messages.get(0).message()).get("Event").asText()).isEqualTo("s3:TestEvent");
		assertThat(Fixtures.parse(messages.get(1).message()).at("/Records/0/eventName").asText()).isEqualTo("ObjectCreated:Put");
	}

	private static JsonNode without(JsonNode node, String field) {
		com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
		copy.remove(field);
		return copy;
	}
}
