package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.BucketNotification;
import io.github.lambdasandbox.EventRule;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.Subscription;
import io.github.lambdasandbox.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * SDK clients built the ordinary way, in the test and in handlers, reach the sandbox's S3, SNS and EventBridge: what
 * they do is routed by the sandbox's notifications, subscriptions and rules.
 */
@DisplayName("SDK clients reach the sandbox's buckets, topics and buses, and what they do is routed")
@LambdaSandbox
@LambdaFunction(name = "publisher", handler = SandboxRoutingTests.Publisher.class)
@LambdaFunction(name = "order-taker", handler = SandboxRoutingTests.OrderTaker.class)
@Bucket(name = "images")
@BucketNotification(bucket = "images", events = "s3:ObjectCreated:*", suffix = ".jpg", target = "sqs:uploads")
@BucketNotification(bucket = "images", events = "s3:ObjectRemoved:*", target = "sqs:removals")
@Topic(name = "alerts")
@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", filterPolicy = "{\"severity\": [\"high\"]}")
@EventRule(name = "big-orders", bus = "orders", pattern = "{\"detail\": {\"total\": [{\"numeric\": [\">=\", 100]}]}}",
		target = "sqs:big-orders")
class SandboxRoutingTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String ALERTS = "arn:aws:sns:us-east-1:123456789012:alerts";

	/** Publishes its event's text to the topic {@code alerts}, with the severity its event names. */
	public static class Publisher implements RequestHandler<Map<String, String>, String> {

		@Override
		public String handleRequest(Map<String, String> event, Context context) {
			try (SnsClient sns = SnsClient.create()) {
				return sns.publish(b -> b.topicArn(ALERTS).message(event.get("text")).messageAttributes(Map.of("severity",
						MessageAttributeValue.builder().dataType("String").stringValue(event.get("severity")).build())))
					.messageId();
			}
		}
	}

	/** Puts an "Order Placed" event with its event as detail on the bus {@code orders}. */
	public static class OrderTaker implements RequestHandler<Map<String, Object>, Integer> {

		@Override
		public Integer handleRequest(Map<String, Object> order, Context context) {
			try (EventBridgeClient events = EventBridgeClient.create()) {
				String detail;
				try {
					detail = JSON.writeValueAsString(order);
				}
				catch (com.fasterxml.jackson.core.JsonProcessingException e) {
					throw new IllegalArgumentException(e);
				}
				return events.putEvents(b -> b.entries(e -> e.eventBusName("orders").source("com.example.shop")
					.detailType("Order Placed").detail(detail))).failedEntryCount();
			}
		}
	}

	@Test
	void putObjectFromTheTestFiresTheBucketsNotifications(Sandbox sandbox) {
		try (S3Client s3 = S3Client.create()) {
			s3.putObject(b -> b.bucket("images").key("beach.jpg"), RequestBody.fromString("jpeg"));
			s3.putObject(b -> b.bucket("images").key("notes.txt"), RequestBody.fromString("text"));
			s3.deleteObject(b -> b.bucket("images").key("beach.jpg"));
		}

		List<SqsMessage> uploads = sandbox.queue("uploads").messages();
		assertThat(uploads).hasSize(2);
		JsonNode record = json(uploads.get(1).body()).at("/Records/0");
		assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
		assertThat(record.at("/s3/object/key").asText()).isEqualTo("beach.jpg");
		assertThat(record.at("/s3/object/size").asLong()).isEqualTo(4);
		assertThat(json(sandbox.queue("removals").messages().get(1).body()).at("/Records/0/eventName").asText())
				.isEqualTo("ObjectRemoved:Delete");
	}

	@Test
	void publishFromAHandlerReachesTheSubscribedQueueThroughItsFilterPolicy(Sandbox sandbox) {
		String high = sandbox.invoke("publisher", "{\"text\": \"disk full\", \"severity\": \"high\"}").payload();
		sandbox.invoke("publisher", "{\"text\": \"disk filling\", \"severity\": \"low\"}");

		List<SqsMessage> inbox = sandbox.queue("alerts-inbox").messages();
		assertThat(inbox).hasSize(1);
		JsonNode envelope = json(inbox.get(0).body());
		assertThat(envelope.get("MessageId").asText()).isEqualTo(high.replace("\"", ""));
		assertThat(envelope.get("Message").asText()).isEqualTo("disk full");
		assertThat(envelope.at("/MessageAttributes/severity/Value").asText()).isEqualTo("high");
		JournalEntry.Published published = sandbox.journal().entries(JournalEntry.Published.class).get(0);
		assertThat(published.function()).as("the journal names the handler that published").isEqualTo("publisher");
	}

	@Test
	void publishToATopicThatDoesNotExistIsSnsNotFound(Sandbox sandbox) {
		try (SnsClient sns = SnsClient.create()) {
			NotFoundException error = catchThrowableOfType(NotFoundException.class,
					() -> sns.publish(b -> b.topicArn(ALERTS.replace("alerts", "nope")).message("x")));

			assertThat(error.statusCode()).isEqualTo(404);
			assertThat(error.awsErrorDetails().errorCode()).isEqualTo("NotFound");
			assertThat(error.awsErrorDetails().errorMessage()).startsWith("Topic does not exist.");
		}
	}

	@Test
	void putEventsFromAHandlerReachesTheRulesTarget(Sandbox sandbox) {
		sandbox.invoke("order-taker", "{\"id\": \"42\", \"total\": 250}");
		sandbox.invoke("order-taker", "{\"id\": \"43\", \"total\": 5}");

		List<SqsMessage> big = sandbox.queue("big-orders").messages();
		assertThat(big).hasSize(1);
		JsonNode event = json(big.get(0).body());
		assertThat(event.get("source").asText()).isEqualTo("com.example.shop");
		assertThat(event.get("detail-type").asText()).isEqualTo("Order Placed");
		assertThat(event.at("/detail/id").asText()).isEqualTo("42");
	}

	@Test
	void putEventsAnswersEachEntryAsEventBridgeDoes(Sandbox sandbox) {
		try (EventBridgeClient events = EventBridgeClient.create()) {
			PutEventsResponse response = events.putEvents(b -> b.entries(
					e -> e.eventBusName("orders").detailType("Order Placed").detail("{\"total\": 100}"),
					e -> e.eventBusName("orders").source("shop").detailType("Order Placed").detail("not json"),
					e -> e.eventBusName("no-such-bus").source("shop").detailType("Order Placed").detail("{}"),
					e -> e.eventBusName("orders").source("shop").detailType("Order Placed").detail("{\"total\": 100}")));

			assertThat(response.failedEntryCount()).isEqualTo(2);
			assertThat(response.entries().get(0).errorCode()).isEqualTo("InvalidArgument");
			assertThat(response.entries().get(0).errorMessage())
					.isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
			assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
			assertThat(response.entries().get(2).eventId()).as("AWS accepts an event for a bus that does not exist")
					.isNotBlank();
			assertThat(response.entries().get(3).eventId()).isNotBlank();
			assertThat(sandbox.queue("big-orders").messages()).hasSize(1);
			assertThat(sandbox.journal().entries(JournalEntry.PutToMissingBus.class)).singleElement()
					.satisfies(lost -> assertThat(lost.resource()).isEqualTo("events:no-such-bus"));
			EventBridgeException tooMany = catchThrowableOfType(EventBridgeException.class, () -> events.putEvents(b -> b
				.entries(java.util.Collections.nCopies(11, software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry
					.builder().source("s").detailType("t").detail("{}").build()))));
			assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
			assertThat(tooMany.awsErrorDetails().errorMessage())
					.endsWith("at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");
		}
	}

	private static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new AssertionError(e);
		}
	}
}
