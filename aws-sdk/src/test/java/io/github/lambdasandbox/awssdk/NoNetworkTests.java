package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.Socket;
import java.net.URI;
import java.util.List;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** No request leaves the JVM: every socket of this test run fails and is recorded by {@link SocketGuard}. */
class NoNetworkTests {

	@RegisterExtension
	final FakeAws aws = new FakeAws().withBucket("b").withQueue("q").withTopic("t", "q").withFunction("f", p -> p)
		.withEventBus("default", "q").withStream("s", "q").withTable("table", "id", null);

	@BeforeAll
	static void guardIsInstalled() {
		SocketGuard.install(); // also when this class runs alone in an IDE without the session listener
	}

	@Test
	void theGuardFailsAndRecordsASocket() {
		int before = SocketGuard.attempts().size();

		Throwable error = catchThrowable(Socket::new);

		assertThat(error).hasMessageStartingWith("A socket was opened");
		assertThat(SocketGuard.attempts()).hasSize(before + 1);
	}

	@Test
	void theGuardCatchesAnSdkClientThatWouldGoToAws() {
		int before = SocketGuard.attempts().size();
		try (SqsClient direct = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
			catchThrowable(() -> direct.getQueueUrl(b -> b.queueName("q")));
		}

		assertThat(SocketGuard.attempts()).hasSizeGreaterThan(before);
	}

	@Test
	void clientsBuiltTheOrdinaryWayForEveryServiceOpenNoSocket() {
		int before = SocketGuard.attempts().size();

		try (S3Client s3 = S3Client.create(); SqsClient sqs = SqsClient.create(); SnsClient sns = SnsClient.create();
				LambdaClient lambda = LambdaClient.create(); EventBridgeClient events = EventBridgeClient.create();
				KinesisClient kinesis = KinesisClient.create(); DynamoDbClient dynamo = DynamoDbClient.create()) {
			s3.putObject(b -> b.bucket("b").key("k"), RequestBody.fromString("x"));
			s3.getObjectAsBytes(b -> b.bucket("b").key("k"));
			String queue = sqs.getQueueUrl(b -> b.queueName("q")).queueUrl();
			sqs.sendMessage(b -> b.queueUrl(queue).messageBody("m"));
			sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:t").message("m"));
			lambda.invoke(b -> b.functionName("f").payload(SdkBytes.fromUtf8String("{}")));
			events.putEvents(b -> b.entries(e -> e.source("s").detailType("d").detail("{}")));
			kinesis.putRecord(b -> b.streamName("s").partitionKey("p").data(SdkBytes.fromUtf8String("d")));
			dynamo.putItem(b -> b.tableName("table").item(java.util.Map.of("id", AttributeValue.fromS("1"))));
			assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages()).hasSize(4); // SQS, SNS, EventBridge, Kinesis
		}

		assertThat(SocketGuard.attempts()).hasSize(before);
	}

	@Test
	void anEndpointOverrideAsAwsEndpointUrlOrAProfileSetsItIsAnsweredInMemoryToo() {
		int before = SocketGuard.attempts().size();
		URI localstack = URI.create("http://localhost:4566");

		try (SqsClient sqs = SqsClient.builder().endpointOverride(localstack).build();
				S3Client s3 = S3Client.builder().endpointOverride(localstack).forcePathStyle(true).build();
				S3Client virtualHosted = S3Client.builder().endpointOverride(localstack).build();
				SnsClient sns = SnsClient.builder().endpointOverride(localstack).build()) {
			sqs.sendMessage(b -> b.queueUrl("http://localhost:4566/000000000000/q").messageBody("overridden"));
			s3.putObject(b -> b.bucket("b").key("path"), RequestBody.fromString("x"));
			virtualHosted.putObject(b -> b.bucket("b").key("virtual"), RequestBody.fromString("y"));
			sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:t").message("m"));

			assertThat(virtualHosted.listObjectsV2(b -> b.bucket("b")).contents()).extracting(o -> o.key())
				.containsExactly("path", "virtual");
		}

		assertThat(SocketGuard.attempts()).hasSize(before);
		assertThat(List.of(System.getProperty("software.amazon.awssdk.http.service.impl")))
			.containsExactly(SandboxHttpService.class.getName());
	}
}
