package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.samples.handlers.S3UploadBoomHandler;
import io.github.lambdasandbox.samples.handlers.S3UploadHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: Lambda Destinations for an S3-triggered function.
 *
 * <p>An upload to the bucket {@code images} invokes {@code lambda-s3} asynchronously. The function has two
 * destinations: the SQS queue {@code S3-success} for invocations that return, {@code S3-failure} for those that
 * still fail after Lambda's two retries. First the function works (upload {@code beach.jpeg}); then we deploy
 * a version that throws {@code boom!} (upload {@code index.html}) and wait for the failure record.
 */
@LambdaSandbox
@Bucket(name = "images", onObjectCreated = "lambda-s3")
@DisplayName("Lab: Lambda Destinations for an S3-triggered function")
@Order(1)
class S3DestinationsLab {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Nested
	@LambdaFunction(name = "lambda-s3", handler = S3UploadHandler.class,
			onSuccess = "sqs:S3-success", onFailure = "sqs:S3-failure")
	@DisplayName("Success scenario: lambda-s3 returns {statusCode: 200}")
	@Order(1)
	class WhenTheFunctionSucceeds {

		@Test
		@DisplayName("upload beach.jpeg → a Success record in S3-success, none in S3-failure")
		void successfulUploadEndsInSuccessQueue(Sandbox sandbox) throws Exception {
			sandbox.bucket("images").putObject("beach.jpeg", "(a picture of a beach)");

			SqsMessage record = assertThat(queue("S3-success")).receivesRecord()
					.withCondition(SUCCESS)
					.withApproximateInvokeCount(1)
					.withFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:lambda-s3:$LATEST")
					.withResponsePayload("""
							{"statusCode": 200, "body": "Processed s3://images/beach.jpeg"}""")
					.actual();

			// requestPayload is the S3 event that invoked the function, as S3 wrote it
			JsonNode upload = s3RecordOf(record);
			assertThat(upload.at("/eventSource").asText()).isEqualTo("aws:s3");
			assertThat(upload.at("/eventName").asText()).isEqualTo("ObjectCreated:Put");
			assertThat(upload.at("/s3/bucket/name").asText()).isEqualTo("images");
			assertThat(upload.at("/s3/object/key").asText()).isEqualTo("beach.jpeg");

			assertThat(queue("S3-failure")).receivesNoRecord();
		}
	}

	@Nested
	@LambdaFunction(name = "lambda-s3", handler = S3UploadBoomHandler.class,
			onSuccess = "sqs:S3-success", onFailure = "sqs:S3-failure")
	@DisplayName("Failure scenario: lambda-s3 throws boom!")
	@Order(2)
	class WhenTheFunctionFails {

		@Test
		@Order(1)
		@DisplayName("upload index.html → a RetriesExhausted record in S3-failure after 3 attempts")
		void failedUploadEndsInFailureQueueAfterTwoRetries(Sandbox sandbox) throws Exception {
			sandbox.bucket("images").putObject("index.html", "<html><body>Hello</body></html>");

			// The record comes only after the first attempt and two retries (1 + 2 minutes of virtual time).
			SqsMessage record = assertThat(queue("S3-failure")).receivesRecord()
					.withCondition(RETRIES_EXHAUSTED)
					.withApproximateInvokeCount(3)
					.withErrorMessage("boom!")
					.withErrorType("java.lang.RuntimeException")
					.withFunctionError("Unhandled")
					.actual();

			// The event that failed travels with the record, so nothing is lost.
			assertThat(s3RecordOf(record).at("/s3/object/key").asText()).isEqualTo("index.html");
			// The stack trace of the Java runtime's error payload points at the handler.
			assertThat(json(record).at("/responsePayload/stackTrace/0").asText())
					.contains(S3UploadBoomHandler.class.getName());

			assertThat(queue("S3-success")).receivesNoRecord();
		}

		@Test
		@Order(2)
		@DisplayName("the failure record comes 3 minutes after the upload: retries wait 1, then 2 min")
		void failureRecordArrivesAfterThreeMinutes(Sandbox sandbox) {
			Instant uploadedAt = sandbox.clock().now();
			sandbox.bucket("images").putObject("index.html", "<html/>");

			SqsMessage record = assertThat(queue("S3-failure")).receivesRecord().actual();

			assertThat(Duration.between(uploadedAt, record.sentAt())).isEqualTo(Duration.ofMinutes(3));
			assertThat(function("lambda-s3").metric("Invocations")).isEqualTo(3);
			assertThat(function("lambda-s3").metric("Errors")).isEqualTo(3);
		}
	}

	private static JsonNode json(SqsMessage message) throws Exception {
		return JSON.readTree(message.body());
	}

	/** The S3 record ({@code requestPayload.Records[0]}) of an invocation record. */
	private static JsonNode s3RecordOf(SqsMessage invocationRecord) throws Exception {
		return json(invocationRecord).at("/requestPayload/Records/0");
	}
}
