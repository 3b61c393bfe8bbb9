package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Table;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK clients in handlers act as the function's execution role: what it may not do fails with each service's own
 * access-denied error, as AWS writes it. Test code is the account's administrator.
 */
@DisplayName("AWS SDK clients in handlers act as the function's execution role")
@LambdaSandbox
@LambdaFunction(name = "denied", handler = ExecutionRoleTests.Caller.class, timeout = 30, permissions = "logs:*")
@LambdaFunction(name = "allowed", handler = ExecutionRoleTests.Caller.class, timeout = 30)
@LambdaFunction(name = "target", handler = ExecutionRoleTests.Quiet.class, onSuccess = "sns:alerts",
		onFailure = "events:bus")
@Queue(name = "outbox")
@Bucket(name = "uploads")
@DataStream(name = "clicks")
@Table(name = "orders", partitionKey = "id")
class ExecutionRoleTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Makes the AWS call its event names, and answers the service's error, or "ok". */
	public static class Caller implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			String call = (String) event.get("call");
			Runnable request = switch (call) {
				case "sqs" -> () -> SqsClient.create().sendMessage(b -> b
						.queueUrl("https://sqs.us-east-1.amazonaws.com/123456789012/outbox").messageBody("hi"));
				case "sns" -> () -> SnsClient.create().publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:alerts")
						.message("hi"));
				case "s3" -> () -> S3Client.create().putObject(PutObjectRequest.builder().bucket("uploads").key("report.csv")
						.build(), RequestBody.fromString("a,b"));
				case "lambda" -> () -> LambdaClient.create().invoke(b -> b.functionName("target"));
				case "events" -> () -> EventBridgeClient.create().putEvents(b -> b.entries(e -> e.source("shop")
						.detailType("order").detail("{}")));
				case "kinesis" -> () -> KinesisClient.create().putRecord(b -> b.streamName("clicks").partitionKey("k")
						.data(SdkBytes.fromUtf8String("click")));
				case "dynamodb" -> () -> DynamoDbClient.create().putItem(b -> b.tableName("orders")
						.item(Map.of("id", AttributeValue.fromS("1"))));
				default -> throw new IllegalArgumentException(call);
			};
			Map<String, Object> answer = new LinkedHashMap<>();
			try {
				request.run();
				answer.put("outcome", "ok");
			}
			catch (AwsServiceException e) {
				answer.put("exception", e.getClass().getSimpleName());
				answer.put("status", e.statusCode());
				answer.put("code", e.awsErrorDetails().errorCode());
				answer.put("message", e.awsErrorDetails().errorMessage());
			}
			return answer;
		}
	}

	/** Does nothing. */
	public static class Quiet implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "quiet";
		}
	}

	private static JsonNode call(Sandbox sandbox, String function, String service) {
		try {
			return JSON.readTree(sandbox.invoke(function, "{\"call\": \"" + service + "\"}").payload());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static String denied(String action, String resource) {
		return "User: arn:aws:sts::123456789012:assumed-role/denied-role/denied is not authorized to perform: " + action
				+ " on resource: " + resource + " because no identity-based policy allows the " + action + " action";
	}

	private static void assertDenied(JsonNode answer, String exception, int status, String code, String message) {
		assertThat(answer.get("exception").asText()).isEqualTo(exception);
		assertThat(answer.get("status").asInt()).isEqualTo(status);
		assertThat(answer.get("code").asText()).isEqualTo(code);
		assertThat(answer.get("message").asText()).isEqualTo(message);
	}

	@Test
	void sqsAnswersAccessDeniedWithTheActionInLowerCase(Sandbox sandbox) {
		assertDenied(call(sandbox, "denied", "sqs"), "SqsException", 403, "AccessDenied",
				denied("sqs:sendmessage", "arn:aws:sqs:us-east-1:123456789012:outbox"));
		assertThat(sandbox.queue("outbox").messages()).isEmpty();
	}

	@Test
	void snsAnswersAuthorizationError(Sandbox sandbox) {
		assertDenied(call(sandbox, "denied", "sns"), "AuthorizationErrorException", 403, "AuthorizationError",
				denied("SNS:Publish", "arn:aws:sns:us-east-1:123456789012:alerts"));
	}

	@Test
	void s3AnswersAccessDeniedWithTheObjectsArnInQuotes(Sandbox sandbox) {
		assertDenied(call(sandbox, "denied", "s3"), "AccessDeniedException", 403, "AccessDenied",
				denied("s3:PutObject", "\"arn:aws:s3:::uploads/report.csv\""));
		assertThat(sandbox.bucket("uploads").keys()).isEmpty();
	}

	@Test
	void lambdaAnswersAccessDeniedException(Sandbox sandbox) {
		assertDenied(call(sandbox, "denied", "lambda"), "LambdaException", 403, "AccessDeniedException",
				denied("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:target"));
		assertThat(sandbox.function("target").metric("Invocations")).isZero();
	}

	@Test
	void eventBridgeKinesisAndDynamoDbAnswerAccessDeniedExceptionWith400(Sandbox sandbox) {
		assertDenied(call(sandbox, "denied", "events"), "AccessDeniedException", 400, "AccessDeniedException",
				denied("events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/default"));
		assertDenied(call(sandbox, "denied", "kinesis"), "AccessDeniedException", 400, "AccessDeniedException",
				denied("kinesis:PutRecord", "arn:aws:kinesis:us-east-1:123456789012:stream/clicks"));
		assertDenied(call(sandbox, "denied", "dynamodb"), "DynamoDbException", 400, "AccessDeniedException",
				denied("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"));
	}

	@Test
	void aRoleWithoutDeclaredPermissionsMayCallEveryService(Sandbox sandbox) {
		for (String service : new String[] { "sqs", "sns", "s3", "lambda", "events", "kinesis", "dynamodb" }) {
			assertThat(call(sandbox, "allowed", service).toString()).as(service).isEqualTo("{\"outcome\":\"ok\"}");
		}
		assertThat(sandbox.queue("outbox").messages()).hasSize(1);
	}

	@Test
	void aPermissionGivenAtRunTimeTakesEffectForTheNextCall(Sandbox sandbox) {
		sandbox.function("denied").executionRole().putRolePolicy("logs:*", "sqs:SendMessage");

		assertThat(call(sandbox, "denied", "sqs").get("outcome").asText()).isEqualTo("ok");
		assertThat(call(sandbox, "denied", "sns").get("code").asText()).isEqualTo("AuthorizationError");
	}

	@Test
	void testCodeIsTheAccountsAdministratorWhateverTheRolesSay(Sandbox sandbox) {
		Supplier<String> send = () -> SqsClient.create().sendMessage(b -> b
				.queueUrl("https://sqs.us-east-1.amazonaws.com/123456789012/outbox").messageBody("from the test")).messageId();

		assertThat(send.get()).isNotBlank();
		assertThat(sandbox.queue("outbox").messages()).extracting(m -> m.body()).containsExactly("from the test");
	}
}
