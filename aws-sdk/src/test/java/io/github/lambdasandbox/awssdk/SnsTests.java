package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SnsTests {

	private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";

	private static final SnsClient SNS = SnsClient.create();

	private static final SqsClient SQS = SqsClient.create();

	@RegisterExtension
	final FakeAws aws = new FakeAws().withQueue("alerts-inbox").withTopic("alerts", "alerts-inbox");

	private static List<Message> inbox() {
		String url = SQS.getQueueUrl(b -> b.queueName("alerts-inbox")).queueUrl();
		return SQS.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All")).messages();
	}

	@Test
	void publishDeliversTheMessageAndItsAttributes() {
		PublishResponse published = SNS.publish(b -> b.topicArn(TOPIC).subject("Alarm").message("disk 95% & rising <fast>")
			.messageAttributes(Map.of(
					"severity", MessageAttributeValue.builder().dataType("String").stringValue("high").build(),
					"raw", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("ü")).build())));

		assertThat(published.messageId()).matches("[0-9a-f-]{36}");
		assertThat(inbox()).singleElement().satisfies(message -> {
			assertThat(message.body()).isEqualTo("disk 95% & rising <fast>");
			assertThat(message.messageAttributes().get("severity").stringValue()).isEqualTo("high");
			assertThat(message.messageAttributes().get("raw").binaryValue().asUtf8String()).isEqualTo("ü");
		});
	}

	@Test
	void publishBatchReportsSuccessfulAndFailedEntries() {
		PublishBatchResponse batch = SNS.publishBatch(b -> b.topicArn(TOPIC).publishBatchRequestEntries(
				e -> e.id("one").message("first"), e -> e.id("two").message(""), e -> e.id("three").message("third")));

		assertThat(batch.successful()).extracting(entry -> entry.id()).containsExactly("one", "three");
		assertThat(batch.successful()).allSatisfy(entry -> assertThat(entry.messageId()).isNotBlank());
		assertThat(batch.failed()).singleElement().satisfies(failure -> {
			assertThat(failure.id()).isEqualTo("two");
			assertThat(failure.code()).isEqualTo("InvalidParameter");
			assertThat(failure.senderFault()).isTrue();
		});
		assertThat(inbox()).extracting(Message::body).containsExactly("first", "third");
	}

	@Test
	void publishingToAMissingTopicIsNotFound() {
		NotFoundException error = catchThrowableOfType(NotFoundException.class,
				() -> SNS.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:nope").message("x")));

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("NotFound");
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
	}

	@Test
	void publishingToAPhoneNumberIsRefusedClearly() {
		assertThat(catchThrowableOfType(UnsupportedOperationException.class,
				() -> SNS.publish(b -> b.phoneNumber("+15555550100").message("x"))))
			.hasMessageStartingWith("lambda-sandbox does not answer SNS Publish with PhoneNumber yet");
	}
}
