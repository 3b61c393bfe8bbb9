package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import io.github.lambdasandbox.internal.aws.AwsServices;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Where no sandbox is open, a client fails at once with the reason, and never goes anywhere else. */
class NoSandboxTests {

	private static final SqsClient SQS = SqsClient.create();

	@Test
	void aClientUsedWhereNoSandboxIsOpenFailsOnceWithTheReason() {
		AtomicInteger attempts = new AtomicInteger();
		try (SqsClient counted = SqsClient.builder().overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				attempts.incrementAndGet();
			}
		})).build()) {
			Throwable error = catchThrowable(() -> counted.getQueueUrl(b -> b.queueName("orders")));

			assertThat(error).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("An AWS SDK client was used on thread \"" + Thread.currentThread().getName()
						+ "\", where no lambda-sandbox sandbox is open")
				.hasMessageContaining("never sends them to AWS");
			assertThat(attempts).as("attempts, retries included").hasValue(1);
		}
	}

	@Test
	void aClientReachesTheServicesOnlyWhileTheyAreBound() {
		AwsServices previous = AwsServices.bind(new FakeAws().withQueue("orders"));
		try {
			assertThat(SQS.getQueueUrl(b -> b.queueName("orders")).queueUrl()).endsWith("/orders");
		}
		finally {
			AwsServices.bind(previous);
		}

		assertThat(catchThrowable(() -> SQS.getQueueUrl(b -> b.queueName("orders")))).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aThreadOfTheTestsOwnHasNoSandbox() throws InterruptedException {
		AwsServices previous = AwsServices.bind(new FakeAws().withQueue("orders"));
		AtomicReference<Throwable> error = new AtomicReference<>();
		try {
			Thread thread = new Thread(() -> error.set(catchThrowable(() -> SQS.getQueueUrl(b -> b.queueName("orders")))),
					"worker-of-the-test");
			thread.start();
			thread.join();
		}
		finally {
			AwsServices.bind(previous);
		}

		assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("thread \"worker-of-the-test\"");
	}

	@Test
	void asynchronousClientsAreRefusedWithTheReason() {
		AwsServices previous = AwsServices.bind(new FakeAws().withQueue("orders"));
		try (SqsAsyncClient async = SqsAsyncClient.create()) {
			Throwable error = catchThrowable(() -> async.getQueueUrl(b -> b.queueName("orders")).join());

			assertThat(error).hasRootCauseInstanceOf(UnsupportedOperationException.class)
				.hasRootCauseMessage(SandboxAsyncHttpService.MESSAGE);
		}
		finally {
			AwsServices.bind(previous);
		}
	}

	@Test
	void anUnsupportedOperationIsNamedWithTheSupportedOnesAndAHintForCreates() {
		AwsServices previous = AwsServices.bind(new FakeAws());
		try {
			Throwable error = catchThrowable(() -> SQS.createQueue(b -> b.queueName("new")));

			assertThat(error).isInstanceOf(UnsupportedOperationException.class)
				.hasMessage(Unsupported.operation("SQS", "CreateQueue").getMessage())
				.hasMessageContaining("SQS: SendMessage, SendMessageBatch, ReceiveMessage")
				.hasMessageEndingWith("Declare the resource on the test class instead (@Queue, @Bucket, @Topic, @LambdaFunction …).");
		}
		finally {
			AwsServices.bind(previous);
		}
	}

	@Test
	void anUnsupportedOperationIsReportedEvenWithoutASandbox() {
		assertThat(catchThrowable(() -> SQS.listQueues())).isInstanceOf(UnsupportedOperationException.class)
			.hasMessageStartingWith("lambda-sandbox does not answer SQS ListQueues");
	}

	@Test
	void aServiceTheSandboxDoesNotHaveIsNamed() {
		List<String> hosts = new CopyOnWriteArrayList<>(List.of("sts.us-east-1.amazonaws.com", "kms-fips.us-east-1.amazonaws.com"));
		for (String host : hosts) {
			SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("https").host(host)
				.encodedPath("/").build();

			assertThat(catchThrowable(() -> Router.route(new Request(request, new byte[0]))))
				.isInstanceOf(UnsupportedOperationException.class)
				.hasMessageStartingWith("lambda-sandbox does not answer the AWS service \"" + host.substring(0, 3) + "\"");
		}
	}
}
