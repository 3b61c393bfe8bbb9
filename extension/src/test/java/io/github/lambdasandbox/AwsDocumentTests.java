package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import io.github.lambdasandbox.support.JsonShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every document the sandbox writes has the structure and field order of AWS's own samples in
 * {@code shared/fixtures}, and the fixed values AWS writes.
 */
@DisplayName("Documents match AWS's samples")
class AwsDocumentTests {

	@LambdaFunction(name = "fn-abc", handler = Handlers.Hello.class, maximumRetryAttempts = 0,
			onSuccess = "sqs:success", onFailure = "sqs:failure", deadLetterQueue = "sqs:dlq")
	@LambdaFunction(name = "lambda-s3", handler = Handlers.Boom.class, onFailure = "sqs:failure")
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, maximumEventAgeInSeconds = 60, onFailure = "sqs:failure")
	@LambdaFunction(name = "my-fn", handler = Handlers.Hello.class, reservedConcurrency = 0, onFailure = "sqs:failure")
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void successRecordHasTheShapeOfAwsSample() {
		sandbox.invokeAsync("fn-abc", "{}");
		JsonNode record = onlyRecordIn("success");

		assertShape("async-record-success.json", record);
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("Success");
		assertThat(record.at("/requestContext/functionArn").asText())
				.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn-abc:$LATEST");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
		assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
		assertThat(record.at("/responseContext").has("functionError")).isFalse();
		assertThat(record.at("/responsePayload")).isEqualTo(Fixtures.json("async-record-success.json").at("/responsePayload"));
	}

	@Test
	void javaFailureRecordHasTheShapeOfAwsSample() {
		sandbox.invokeAsync("lambda-s3", "{\"key1\": \"value1\"}");
		JsonNode record = onlyRecordIn("failure");

		assertShape("async-record-java-failure.json", record);
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
		assertThat(record.at("/requestPayload")).isEqualTo(Fixtures.parse("{\"key1\":\"value1\"}"));
		assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
		assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("boom!");
		assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("java.lang.RuntimeException");
		assertThat(record.at("/responsePayload/stackTrace/0").asText())
				.startsWith("io.github.lambdasandbox.support.Handlers$Boom.handleRequest(Handlers.java:");
	}

	@Test
	void recordTimestampIsVirtualTimeWithMilliseconds() {
		sandbox.invokeAsync("lambda-s3", "{}");
		JsonNode record = onlyRecordIn("failure");

		// three attempts: +0s, +60s, +180s from the default start 2025-01-01T00:00:00Z
		assertThat(record.get("timestamp").asText()).isEqualTo("2025-01-01T00:03:00.000Z");
	}

	@Test
	void eventAgeExceededRecordHasTheShapeOfAwsSample() {
		sandbox.invokeAsync("fn", "{\"raise_error\": 1}");
		JsonNode record = onlyRecordIn("failure");

		JsonNode sample = Fixtures.json("async-record-event-age-exceeded.json");
		// the sample's function is Python: compare the Java error payload with the Java sample instead
		assertThat(JsonShape.differences(without(sample, "responsePayload"), without(record, "responsePayload"))).isEmpty();
		assertShape("java-error-payload.json", record.get("responsePayload"));
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("EventAgeExceeded");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
	}

	@Test
	void zeroReservedConcurrencyRecordHasNoResponse() {
		sandbox.invokeAsync("my-fn", "{}");
		JsonNode record = onlyRecordIn("failure");

		assertShape("async-record-zero-reserved-concurrency.json", record);
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("ZeroReservedConcurrency");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isZero();
	}

	@Test
	void deadLetterMessageCarriesTheOriginalEventAndAwsAttributes() {
		Sandbox failing = Sandbox.create(DeadLetterDeclarations.class);
		try {
			String requestId = failing.invokeAsync("demo-lambda", "{\"key1\": \"value1\"}").requestId();
			failing.settle();
			List<SqsMessage> messages = failing.queue("lambda-DLQ").messages();

			assertThat(messages).hasSize(1);
			SqsMessage message = messages.get(0);
			JsonNode sample = Fixtures.json("dlq-message-sqs.json");
			assertThat(message.body()).isEqualTo(sample.get("Body").asText());
			assertThat(message.attributes().keySet()).containsExactly("RequestID", "ErrorCode", "ErrorMessage");
			sample.get("MessageAttributes").fields().forEachRemaining(attribute -> assertThat(
					message.attributeDataType(attribute.getKey())).isEqualTo(attribute.getValue().get("DataType").asText()));
			assertThat(message.attribute("RequestID")).isEqualTo(requestId);
			assertThat(message.attribute("ErrorCode")).isEqualTo("200");
			assertThat(message.attribute("ErrorMessage")).isEqualTo("boom!");
		}
		finally {
			failing.close();
		}
	}

	@LambdaFunction(name = "demo-lambda", handler = Handlers.Boom.class, deadLetterQueue = "sqs:lambda-DLQ")
	static class DeadLetterDeclarations {
	}

	@Test
	void s3EventHasTheShapeOfAwsSample() {
		Sandbox withQueue = Sandbox.create(S3ToQueue.class);
		try {
			withQueue.bucket("images").putObject("my photo/beach.jpeg", "jpeg bytes");
			List<SqsMessage> messages = withQueue.queue("uploads").messages();
			JsonNode created = Fixtures.parse(messages.get(1).body());
			assertShape("s3-object-created-put.json", created);
			JsonNode record = created.at("/Records/0");
			assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
			assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
			assertThat(record.get("eventVersion").asText()).isEqualTo("2.1");
			assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
			assertThat(record.at("/s3/bucket/name").asText()).isEqualTo("images");
			assertThat(record.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::images");
			assertThat(record.at("/s3/object/key").asText()).isEqualTo("my+photo/beach.jpeg");
			assertThat(record.at("/s3/object/size").asLong()).isEqualTo(10);
			assertThat(record.at("/s3/object/eTag").asText()).hasSize(32).isEqualTo(md5("jpeg bytes"));
		}
		finally {
			withQueue.close();
		}
	}

	@Bucket(name = "images", onObjectCreated = "sqs:uploads")
	static class S3ToQueue {
	}

	@Test
	void sqsNotificationTargetFirstReceivesS3TestEvent() {
		try (Sandbox withQueue = Sandbox.create(S3ToQueue.class)) {
			List<SqsMessage> messages = withQueue.queue("uploads").messages();

			assertThat(messages).hasSize(1);
			JsonNode test = Fixtures.parse(messages.get(0).body());
			assertThat(test.get("Service").asText()).isEqualTo("Amazon S3");
			assertThat(test.get("Event").asText()).isEqualTo("s3:TestEvent");
			assertThat(test.get("Bucket").asText()).isEqualTo("images");
		}
	}

	@Test
	void errorPayloadHasTheShapeOfJavaRuntimeSample() {
		InvokeResult result = sandbox.invoke("lambda-s3", "{}");

		assertThat(result.functionError()).isEqualTo("Unhandled");
		assertShape("java-error-payload.json", Fixtures.parse(result.payload()));
	}

	@Test
	void logLinesHaveTheFormatOfCloudWatchSample() {
		String requestId = sandbox.invoke("fn-abc", "{}").requestId();
		List<String> lines = sandbox.function("fn-abc").logs();
		List<String> sample = Fixtures.text("cloudwatch-log-lines.txt").lines().toList();

		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo(sample.get(0).replace("6bc28136-xmpl-4365-b021-0ce6b2e64ab0", requestId));
		assertThat(lines.get(1)).isEqualTo("Received event: {}");
		assertThat(lines.get(2)).isEqualTo(sample.get(2).replace("6bc28136-xmpl-4365-b021-0ce6b2e64ab0", requestId));
		String reportPattern = sample.get(3).replace("6bc28136-xmpl-4365-b021-0ce6b2e64ab0", requestId)
				.replaceAll("\\d+\\.\\d\\d ms", "\\\\d+\\\\.\\\\d\\\\d ms").replaceAll("Billed Duration: \\d+ ms", "Billed Duration: \\\\d+ ms")
				.replace("Memory Size: 512 MB", "Memory Size: 128 MB").replaceAll("Max Memory Used: \\d+ MB", "Max Memory Used: \\\\d+ MB");
		assertThat(lines.get(3)).matches(reportPattern);
	}

	private JsonNode onlyRecordIn(String queue) {
		sandbox.settle();
		List<SqsMessage> messages = sandbox.queue(queue).messages();
		assertThat(messages).as("messages in %s", queue).hasSize(1);
		return Fixtures.parse(messages.get(0).body());
	}

	private static void assertShape(String fixture, JsonNode actual) {
		assertThat(JsonShape.differences(Fixtures.json(fixture), actual)).as("differences from %s", fixture).isEmpty();
	}

	private static JsonNode without(JsonNode node, String field) {
		com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
		copy.remove(field);
		return copy;
	}

	private static String md5(String text) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
