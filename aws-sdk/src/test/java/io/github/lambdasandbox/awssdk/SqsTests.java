package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import io.github.lambdasandbox.internal.aws.AwsServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

class SqsTests {

	private static final SqsClient SQS = SqsClient.builder().build();

	@RegisterExtension
	final FakeAws aws = new FakeAws().withQueue("orders");

	private static String orders() {
		return SQS.getQueueUrl(b -> b.queueName("orders")).queueUrl();
	}

	@Test
	void getQueueUrlAnswersTheQueuesUrl() {
		assertThat(orders()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/orders");
	}

	@Test
	void sendThenReceiveReturnsTheBodyWithMd5sTheSdkChecked() {
		SendMessageResponse sent = SQS.sendMessage(b -> b.queueUrl(orders()).messageBody("{\"id\": \"42\", \"name\": \"Zoë 😀\"}"));

		List<Message> received = SQS.receiveMessage(b -> b.queueUrl(orders())).messages();

		assertThat(sent.md5OfMessageBody()).isEqualTo(Checksums.md5Hex("{\"id\": \"42\", \"name\": \"Zoë 😀\"}".getBytes(
				java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(received).singleElement().satisfies(message -> {
			assertThat(message.body()).isEqualTo("{\"id\": \"42\", \"name\": \"Zoë 😀\"}");
			assertThat(message.messageId()).isEqualTo(sent.messageId());
			assertThat(message.md5OfBody()).isEqualTo(sent.md5OfMessageBody());
		});
	}

	@Test
	void messageAttributesOfEveryTypeRoundTripAndTheirMd5Verifies() {
		Map<String, MessageAttributeValue> attributes = Map.of(
				"text", MessageAttributeValue.builder().dataType("String").stringValue("värde").build(),
				"count", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
				"blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] { 0, -1, 7 })).build(),
				"custom", MessageAttributeValue.builder().dataType("String.json").stringValue("{}").build());

		SendMessageResponse sent = SQS.sendMessage(b -> b.queueUrl(orders()).messageBody("with attributes").messageAttributes(attributes));
		Message received = SQS.receiveMessage(b -> b.queueUrl(orders()).messageAttributeNames("All")).messages().get(0);

		assertThat(sent.md5OfMessageAttributes()).isNotNull().isEqualTo(received.md5OfMessageAttributes());
		assertThat(received.messageAttributes()).isEqualTo(attributes);
	}

	@Test
	void theSdkChecksTheMd5sItIsAnswered() {
		AwsServices corrupting = (AwsServices) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { AwsServices.class }, (proxy, method, args) -> method.getName().equals("sqs")
						? Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { AwsServices.Sqs.class },
								(sqs, call, arguments) -> {
									Object result = call.invoke(aws.sqs(), arguments);
									return result instanceof AwsServices.SendMessageResult sent
											? new AwsServices.SendMessageResult(sent.messageId(), "0".repeat(32), null, null) : result;
								})
						: method.invoke(aws, args));
		AwsServices previous = AwsServices.bind(corrupting);
		try {
			assertThat(catchThrowableOfType(SdkClientException.class,
					() -> SQS.sendMessage(b -> b.queueUrl(orders()).messageBody("checked"))))
				.hasMessageContaining("MD5");
		}
		finally {
			AwsServices.bind(previous);
		}
	}

	@Test
	void receiveAnswersOnlyTheAttributesAskedFor() {
		SQS.sendMessage(b -> b.queueUrl(orders()).messageBody("m").messageAttributes(Map.of(
				"keep.me", MessageAttributeValue.builder().dataType("String").stringValue("1").build(),
				"other", MessageAttributeValue.builder().dataType("String").stringValue("2").build())));

		Message received = SQS.receiveMessage(b -> b.queueUrl(orders()).messageAttributeNames("keep.*")
			.messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);

		assertThat(received.messageAttributes()).containsOnlyKeys("keep.me");
		assertThat(received.attributesAsStrings()).containsExactly(Map.entry("ApproximateReceiveCount", "1"));
	}

	@Test
	void anEmptyReceiveHasNoMessages() {
		assertThat(SQS.receiveMessage(b -> b.queueUrl(orders()).maxNumberOfMessages(10)).messages()).isEmpty();
	}

	@Test
	void sendMessageBatchReportsEachEntry() {
		SendMessageBatchResponse batch = SQS.sendMessageBatch(b -> b.queueUrl(orders()).entries(
				e -> e.id("a").messageBody("first"),
				e -> e.id("b").messageBody(""),
				e -> e.id("c").messageBody("third").messageAttributes(
						Map.of("k", MessageAttributeValue.builder().dataType("String").stringValue("v").build()))));

		assertThat(batch.successful()).extracting(entry -> entry.id()).containsExactly("a", "c");
		assertThat(batch.failed()).singleElement().satisfies(failure -> {
			assertThat(failure.id()).isEqualTo("b");
			assertThat(failure.code()).isEqualTo("MissingParameter");
			assertThat(failure.senderFault()).isTrue();
		});
		assertThat(SQS.receiveMessage(b -> b.queueUrl(orders()).maxNumberOfMessages(10)).messages()).extracting(Message::body)
			.containsExactly("first", "third");
	}

	@Test
	void deleteMessageAndDeleteMessageBatchRemoveReceivedMessages() {
		SQS.sendMessageBatch(b -> b.queueUrl(orders()).entries(e -> e.id("1").messageBody("one"), e -> e.id("2").messageBody("two"),
				e -> e.id("3").messageBody("three")));
		List<Message> received = SQS.receiveMessage(b -> b.queueUrl(orders()).maxNumberOfMessages(10)).messages();

		SQS.deleteMessage(b -> b.queueUrl(orders()).receiptHandle(received.get(0).receiptHandle()));
		DeleteMessageBatchResponse batch = SQS.deleteMessageBatch(b -> b.queueUrl(orders()).entries(
				e -> e.id("x").receiptHandle(received.get(1).receiptHandle()), e -> e.id("y").receiptHandle("not-a-handle")));

		assertThat(batch.successful()).extracting(entry -> entry.id()).containsExactly("x");
		assertThat(batch.failed()).extracting(entry -> entry.code()).containsExactly("ReceiptHandleIsInvalid");
		assertThat(SQS.getQueueAttributes(b -> b.queueUrl(orders()).attributeNames(QueueAttributeName.ALL)).attributesAsStrings())
			.containsEntry("ApproximateNumberOfMessages", "0")
			.containsEntry("ApproximateNumberOfMessagesNotVisible", "1")
			.containsEntry("QueueArn", "arn:aws:sqs:us-east-1:123456789012:orders");
	}

	@Test
	void aBatchWithRepeatedIdsIsRefused() {
		SqsException error = catchThrowableOfType(SqsException.class, () -> SQS.deleteMessageBatch(b -> b.queueUrl(orders())
			.entries(e -> e.id("same").receiptHandle("h1"), e -> e.id("same").receiptHandle("h2"))));

		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.BatchEntryIdsNotDistinct");
		assertThat(error.getClass().getSimpleName()).isEqualTo("BatchEntryIdsNotDistinctException");
	}

	@Test
	void changeMessageVisibilityToZeroMakesAMessageReceivableAgain() {
		SQS.sendMessage(b -> b.queueUrl(orders()).messageBody("again"));
		Message first = SQS.receiveMessage(b -> b.queueUrl(orders())).messages().get(0);

		SQS.changeMessageVisibility(b -> b.queueUrl(orders()).receiptHandle(first.receiptHandle()).visibilityTimeout(0));

		Message second = SQS.receiveMessage(b -> b.queueUrl(orders()).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
			.messages()
			.get(0);
		assertThat(second.body()).isEqualTo("again");
		assertThat(second.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
	}

	@Test
	void purgeQueueEmptiesTheQueue() {
		SQS.sendMessage(b -> b.queueUrl(orders()).messageBody("gone"));

		SQS.purgeQueue(b -> b.queueUrl(orders()));

		assertThat(SQS.getQueueAttributes(b -> b.queueUrl(orders()).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
			.attributesAsStrings()).containsExactly(Map.entry("ApproximateNumberOfMessages", "0"));
	}

	@Test
	void aMissingQueueIsQueueDoesNotExistWithSqssErrorCode() {
		QueueDoesNotExistException error = catchThrowableOfType(QueueDoesNotExistException.class,
				() -> SQS.sendMessage(b -> b.queueUrl("https://sqs.us-east-1.amazonaws.com/123456789012/nope").messageBody("x")));

		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
		assertThat(error.requestId()).matches("[0-9a-f-]{36}");
		assertThat(catchThrowableOfType(QueueDoesNotExistException.class, () -> SQS.getQueueUrl(b -> b.queueName("nope"))))
			.isNotNull();
	}

	@Test
	void deletingWithAnUnknownReceiptHandleIsReceiptHandleIsInvalid() {
		ReceiptHandleIsInvalidException error = catchThrowableOfType(ReceiptHandleIsInvalidException.class,
				() -> SQS.deleteMessage(b -> b.queueUrl(orders()).receiptHandle("unknown")));

		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ReceiptHandleIsInvalid");
	}

	@Test
	void aServiceErrorWithoutAModelledShapeKeepsItsCode() {
		SqsException error = catchThrowableOfType(SqsException.class,
				() -> SQS.receiveMessage(b -> b.queueUrl(orders()).maxNumberOfMessages(11)));

		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
		assertThat(error.awsErrorDetails().errorMessage())
			.isEqualTo("Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
	}
}
