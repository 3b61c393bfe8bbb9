package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Tests running at the same time, with one shared client each for S3 and SQS, each reach their own services: the
 * same queue and bucket names, different contents. A barrier holds each test until all run at once.
 */
@Execution(ExecutionMode.CONCURRENT)
class ParallelTests {

	private static final int TESTS = 3;

	private static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(TESTS);

	private static final S3Client S3 = S3Client.create();

	private static final SqsClient SQS = SqsClient.create();

	@RegisterExtension
	final FakeAws aws = new FakeAws().withQueue("work").withBucket("results");

	@RepeatedTest(TESTS)
	void eachTestReachesItsOwnServices(RepetitionInfo repetition)
			throws InterruptedException, BrokenBarrierException, TimeoutException {
		String mine = "test " + repetition.getCurrentRepetition() + " on " + Thread.currentThread().getName();
		String queue = SQS.getQueueUrl(b -> b.queueName("work")).queueUrl();
		SQS.sendMessage(b -> b.queueUrl(queue).messageBody(mine));
		S3.putObject(b -> b.bucket("results").key("result.txt"), RequestBody.fromString(mine));

		ALL_RUNNING.await(30, TimeUnit.SECONDS); // every test has written before any reads

		assertThat(SQS.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages()).singleElement()
			.satisfies(message -> assertThat(message.body()).isEqualTo(mine));
		assertThat(S3.getObjectAsBytes(b -> b.bucket("results").key("result.txt")).asUtf8String()).isEqualTo(mine);
	}
}
