package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class LambdaTests {

	private static final LambdaClient LAMBDA = LambdaClient.create();

	@RegisterExtension
	final FakeAws aws = new FakeAws().withFunction("greeter", payload -> "{\"greeting\":\"hello " + payload + "\"}")
		.withFunction("boom", payload -> {
			throw new IllegalStateException("boom!");
		})
		.withThrottledFunction("reserved-zero");

	@Test
	void requestResponseInvokeReturnsThePayloadWith200AndTheExecutedVersion() {
		InvokeResponse response = LAMBDA.invoke(b -> b.functionName("greeter").payload(SdkBytes.fromUtf8String("\"Zoë\"")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.payload().asUtf8String()).isEqualTo("{\"greeting\":\"hello \"Zoë\"\"}");
		assertThat(response.functionError()).isNull();
		assertThat(response.executedVersion()).isEqualTo("$LATEST");
		assertThat(response.logResult()).isNull();
	}

	@Test
	void aFunctionByArnWithTailLogsAnswersTheLogTailInBase64() {
		InvokeResponse response = LAMBDA.invoke(b -> b.functionName("arn:aws:lambda:us-east-1:123456789012:function:greeter")
			.logType(LogType.TAIL)
			.payload(SdkBytes.fromUtf8String("{}")));

		assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8)).startsWith("START RequestId");
	}

	@Test
	void aFunctionErrorIsA200WithXAmzFunctionError() {
		InvokeResponse response = LAMBDA.invoke(b -> b.functionName("boom").payload(SdkBytes.fromUtf8String("{}")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.functionError()).isEqualTo("Unhandled");
		assertThat(response.payload().asUtf8String()).contains("\"errorMessage\":\"boom!\"");
	}

	@Test
	void eventInvokeIsAccepted202AndDryRunIs204() {
		InvokeResponse event = LAMBDA.invoke(b -> b.functionName("greeter").invocationType(InvocationType.EVENT)
			.payload(SdkBytes.fromUtf8String("{}")));
		InvokeResponse dryRun = LAMBDA.invoke(b -> b.functionName("greeter").invocationType(InvocationType.DRY_RUN));

		assertThat(event.statusCode()).isEqualTo(202);
		assertThat(event.payload().asByteArray()).isEmpty();
		assertThat(dryRun.statusCode()).isEqualTo(204);
	}

	@Test
	void aMissingFunctionIsResourceNotFound() {
		ResourceNotFoundException error = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.invoke(b -> b.functionName("nope")));

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
		assertThat(error.awsErrorDetails().errorMessage())
			.isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
		assertThat(error.type()).isEqualTo("User");
	}

	@Test
	void aThrottledInvokeIs429TooManyRequestsWithItsReason() {
		// the SDK retries throttles after a real-time back-off; a client that does not retry sees the first answer
		try (LambdaClient noRetries = LambdaClient.builder()
			.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build()) {
			TooManyRequestsException error = catchThrowableOfType(TooManyRequestsException.class,
					() -> noRetries.invoke(b -> b.functionName("reserved-zero")));

			assertThat(error.statusCode()).isEqualTo(429);
			assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
			assertThat(error.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
			assertThat(error.type()).isEqualTo("User");
		}
	}

	@Test
	void eventInvokeConfigIsPutReadAndDeleted() {
		PutFunctionEventInvokeConfigResponse put = LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("greeter")
			.maximumRetryAttempts(1)
			.maximumEventAgeInSeconds(60)
			.destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:123456789012:failures"))));

		GetFunctionEventInvokeConfigResponse got = LAMBDA.getFunctionEventInvokeConfig(b -> b.functionName("greeter"));
		LAMBDA.deleteFunctionEventInvokeConfig(b -> b.functionName("greeter"));

		assertThat(put.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:greeter:$LATEST");
		assertThat(got.maximumRetryAttempts()).isEqualTo(1);
		assertThat(got.maximumEventAgeInSeconds()).isEqualTo(60);
		assertThat(got.lastModified()).isEqualTo(put.lastModified()).isNotNull();
		assertThat(got.destinationConfig().onFailure().destination()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:failures");
		assertThat(got.destinationConfig().onSuccess().destination()).isNull();
		assertThat(catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.getFunctionEventInvokeConfig(b -> b.functionName("greeter")))).isNotNull();
	}
}
