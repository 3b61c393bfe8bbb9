package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.List;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class KinesisTests {

	/** Speaks CBOR, as every Kinesis client does unless aws.cborEnabled is false. */
	private static final KinesisClient KINESIS = KinesisClient.create();

	private static final SqsClient SQS = SqsClient.create();

	private static final byte[] BINARY = { 0, 1, -2, 127, -128, 10, 13 };

	@RegisterExtension
	final FakeAws aws = new FakeAws().withQueue("copies").withStream("clicks", "copies");

	private static List<byte[]> copies() {
		String url = SQS.getQueueUrl(b -> b.queueName("copies")).queueUrl();
		return SQS.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages().stream()
			.map(Message::body)
			.map(Base64.getDecoder()::decode)
			.toList();
	}

	@Test
	void putRecordInCborCarriesBinaryDataIntact() {
		PutRecordResponse response = KINESIS.putRecord(b -> b.streamName("clicks").partitionKey("user-1")
			.data(SdkBytes.fromByteArray(BINARY)));

		assertThat(response.shardId()).isEqualTo("shardId-000000000000");
		assertThat(response.sequenceNumber()).matches("\\d{56}");
		assertThat(copies()).containsExactly(BINARY);
	}

	@Test
	void putRecordsByStreamArnAnswersEachRecord() {
		PutRecordsResponse response = KINESIS.putRecords(b -> b.streamARN("arn:aws:kinesis:us-east-1:123456789012:stream/clicks")
			.records(r -> r.partitionKey("a").data(SdkBytes.fromUtf8String("one")),
					r -> r.partitionKey("b").data(SdkBytes.fromByteArray(BINARY))));

		assertThat(response.failedRecordCount()).isZero();
		assertThat(response.records()).hasSize(2).allSatisfy(record -> assertThat(record.sequenceNumber()).isNotBlank());
		assertThat(copies()).containsExactly("one".getBytes(), BINARY);
	}

	@Test
	void aMissingStreamIsResourceNotFound() {
		ResourceNotFoundException error = catchThrowableOfType(ResourceNotFoundException.class,
				() -> KINESIS.putRecord(b -> b.streamName("nope").partitionKey("k").data(SdkBytes.fromUtf8String("x"))));

		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Stream nope under account 123456789012 not found.");
	}

	@Test
	@ResourceLock(Resources.SYSTEM_PROPERTIES)
	void aClientWithCborDisabledSpeaksJsonAndIsAnsweredToo() {
		String previous = System.setProperty("aws.cborEnabled", "false");
		try (KinesisClient json = KinesisClient.create()) {
			PutRecordResponse response = json.putRecord(b -> b.streamName("clicks").partitionKey("k")
				.data(SdkBytes.fromByteArray(BINARY)));

			assertThat(response.sequenceNumber()).isNotBlank();
			assertThat(copies()).containsExactly(BINARY);
			assertThat(catchThrowableOfType(ResourceNotFoundException.class,
					() -> json.putRecord(b -> b.streamName("nope").partitionKey("k").data(SdkBytes.fromUtf8String("x")))))
				.isNotNull();
		}
		finally {
			if (previous == null) {
				System.clearProperty("aws.cborEnabled");
			}
			else {
				System.setProperty("aws.cborEnabled", previous);
			}
		}
	}
}
