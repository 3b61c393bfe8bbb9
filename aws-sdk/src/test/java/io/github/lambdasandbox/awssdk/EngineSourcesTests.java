package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.EventSourceMappingHandle;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Table;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

@DisplayName("SQS, Kinesis and DynamoDB clients against a sandbox, in tests and in handlers")
@LambdaSandbox
@LambdaFunction(name = "forwarder", handler = EngineSourcesTests.Forwarder.class)
@LambdaFunction(name = "worker", handler = EngineSourcesTests.Worker.class)
@Queue(name = "inbox", visibilityTimeout = 30)
@Queue(name = "outbox")
@Queue(name = "later", delaySeconds = 5)
@DataStream(name = "clicks")
@Table(name = "orders", partitionKey = "customer", sortKey = "order")
@EventSourceMapping(function = "forwarder", source = "kinesis:clicks")
@EventSourceMapping(function = "worker", source = "sqs:outbox")
class EngineSourcesTests {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	/** Sends what it reads from the stream to the queue "outbox", with an SQS client built the ordinary way. */
	public static class Forwarder implements RequestHandler<Map<String, Object>, Void> {

		private static final SqsClient SQS = SqsClient.create();

		@Override
		@SuppressWarnings("unchecked")
		public Void handleRequest(Map<String, Object> event, Context context) {
			String url = SQS.getQueueUrl(b -> b.queueName("outbox")).queueUrl();
			for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
				Map<String, Object> kinesis = (Map<String, Object>) record.get("kinesis");
				SQS.sendMessage(b -> b.queueUrl(url).messageBody((String) kinesis.get("data")));
			}
			return null;
		}
	}

	/** Does nothing: its mapping deletes what it gets. */
	public static class Worker implements RequestHandler<Map<String, Object>, Void> {

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			return null;
		}
	}

	@Test
	void aRecordPutWithTheKinesisClientFlowsThroughAHandlersSqsClientToASecondMapping(Sandbox sandbox) {
		PutRecordResponse put = KinesisClient.create().putRecord(b -> b.streamName("clicks").partitionKey("k")
				.data(SdkBytes.fromUtf8String("hello")));
		sandbox.settle();

		assertThat(put.shardId()).isEqualTo("shardId-000000000000");
		assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.MessageSent.class::isInstance)
				.singleElement().satisfies(e -> {
					JournalEntry.MessageSent sent = (JournalEntry.MessageSent) e;
					assertThat(sent.function()).isEqualTo("forwarder");
					assertThat(sent.resource()).isEqualTo("sqs:outbox");
				});
		EventSourceMappingHandle worker = sandbox.eventSourceMapping("worker", "sqs:outbox");
		assertThat(worker.batches()).singleElement().extracting(b -> b.outcome()).isEqualTo(JournalEntry.BatchOutcome.SUCCESS);
		assertThat(sandbox.queue("outbox").messages()).isEmpty();
	}

	@Test
	void aReceivedMessageStaysHiddenUntilItsVisibilityTimeoutAndComesBackWithAHigherCount(Sandbox sandbox) {
		SqsClient sqs = SqsClient.create();
		String url = sqs.getQueueUrl(b -> b.queueName("inbox")).queueUrl();
		sqs.sendMessage(b -> b.queueUrl(url).messageBody("hi"));

		List<Message> first = sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(
				MessageSystemAttributeName.ALL)).messages();
		assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
		sandbox.clock().advance(Duration.ofSeconds(30));
		List<Message> second = sqs.receiveMessage(b -> b.queueUrl(url).messageSystemAttributeNames(
				MessageSystemAttributeName.ALL)).messages();

		assertThat(first).singleElement().satisfies(m -> assertThat(m.attributes())
				.containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")
				.containsEntry(MessageSystemAttributeName.SENT_TIMESTAMP, Long.toString(START.toEpochMilli())));
		assertThat(second).singleElement().satisfies(m -> {
			assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
			assertThat(m.receiptHandle()).isNotEqualTo(first.get(0).receiptHandle());
		});
		sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(second.get(0).receiptHandle()));
		assertThat(sandbox.queue("inbox").messages()).isEmpty();
	}

	@Test
	void longPollingFromTheTestWaitsInVirtualTimeForADelayedMessage(Sandbox sandbox) {
		SqsClient sqs = SqsClient.create();
		String url = sqs.getQueueUrl(b -> b.queueName("later")).queueUrl();
		sqs.sendMessage(b -> b.queueUrl(url).messageBody("soon"));

		assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
		List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)).messages();

		assertThat(received).extracting(Message::body).containsExactly("soon");
		assertThat(sandbox.clock().now()).isEqualTo(START.plusSeconds(5));
	}

	@Test
	void anUnknownQueueIsAwsErrorWithTheQueuesThereAre(Sandbox sandbox) {
		QueueDoesNotExistException error = catchThrowableOfType(QueueDoesNotExistException.class,
				() -> SqsClient.create().getQueueUrl(b -> b.queueName("nope")));

		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
		assertThat(error.getMessage()).contains("The specified queue does not exist.").contains("\"inbox\"");
	}

	@Test
	void dynamoDbWritesUpdatesAndQueriesAsDynamoDbDoes(Sandbox sandbox) {
		DynamoDbClient dynamo = DynamoDbClient.create();
		dynamo.putItem(b -> b.tableName("orders").item(Map.of("customer", s("c1"), "order", n("1"), "total", n("10"),
				"tags", AttributeValue.builder().ss("new").build())));
		dynamo.putItem(b -> b.tableName("orders").item(Map.of("customer", s("c1"), "order", n("2"), "total", n("5"))));
		dynamo.putItem(b -> b.tableName("orders").item(Map.of("customer", s("c2"), "order", n("1"), "total", n("7"))));

		Map<String, AttributeValue> updated = dynamo.updateItem(b -> b.tableName("orders")
				.key(Map.of("customer", s("c1"), "order", n("1")))
				.updateExpression("SET #t = #t + :inc ADD tags :paid REMOVE note")
				.expressionAttributeNames(Map.of("#t", "total"))
				.expressionAttributeValues(Map.of(":inc", n("5"), ":paid", AttributeValue.builder().ss("paid").build()))
				.returnValues(ReturnValue.ALL_NEW)).attributes();
		List<Map<String, AttributeValue>> descending = dynamo.query(b -> b.tableName("orders")
				.keyConditionExpression("customer = :c AND #o >= :one")
				.expressionAttributeNames(Map.of("#o", "order"))
				.expressionAttributeValues(Map.of(":c", s("c1"), ":one", n("1")))
				.scanIndexForward(false)).items();

		assertThat(updated.get("total").n()).isEqualTo("15");
		assertThat(updated.get("tags").ss()).containsExactly("new", "paid");
		assertThat(descending).extracting(item -> item.get("order").n()).containsExactly("2", "1");
		assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.ItemChanged.class::isInstance)
				.extracting(e -> ((JournalEntry.ItemChanged) e).eventName()).containsExactly("INSERT", "INSERT", "INSERT",
						"MODIFY");
		assertThat(sandbox.table("orders").getItem("{\"customer\":\"c1\",\"order\":1}")).get().asString()
				.contains("\"total\":15");
	}

	private static AttributeValue s(String value) {
		return AttributeValue.builder().s(value).build();
	}

	private static AttributeValue n(String value) {
		return AttributeValue.builder().n(value).build();
	}
}
