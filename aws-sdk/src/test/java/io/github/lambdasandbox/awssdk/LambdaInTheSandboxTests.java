package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * The AWS SDK's {@code LambdaClient}, built the ordinary way, against a real sandbox: in a handler that invokes
 * another function (synchronously, the handler waiting in virtual time; asynchronously), and in test code that
 * changes a function's event invoke config — AWS's answers and errors on the wire.
 */
@LambdaSandbox
@LambdaFunction(name = "caller", handler = LambdaInTheSandboxTests.Caller.class, timeout = 900)
@LambdaFunction(name = "greeter", handler = LambdaInTheSandboxTests.Greeter.class, onSuccess = "sqs:greetings")
@LambdaFunction(name = "boom", handler = LambdaInTheSandboxTests.Boom.class, onFailure = "sqs:declared-failures")
@LambdaFunction(name = "slow", handler = LambdaInTheSandboxTests.Slow.class, timeout = 900)
@LambdaFunction(name = "exits", handler = LambdaInTheSandboxTests.Exits.class)
@LambdaFunction(name = "reserved-zero", handler = LambdaInTheSandboxTests.Greeter.class, reservedConcurrency = 0)
@Queue(name = "failures")
@DisplayName("LambdaClient in handlers and tests, against the sandbox")
class LambdaInTheSandboxTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Invokes {@code target} with {@code payload} the way {@code type} says, through an SDK client kept in a static
	 * field as handlers do, and answers what Lambda answered, with the virtual time before and after.
	 */
	public static class Caller implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		private static final LambdaClient LAMBDA = LambdaClient.create();

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			Instant before = Instant.now();
			InvokeResponse response = LAMBDA.invoke(b -> b.functionName((String) event.get("target"))
				.invocationType((String) event.getOrDefault("type", "RequestResponse"))
				.payload(SdkBytes.fromUtf8String(String.valueOf(event.getOrDefault("payload", "{}")))));
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("statusCode", response.statusCode());
			answer.put("payload", response.payload() == null ? "" : response.payload().asUtf8String());
			answer.put("functionError", response.functionError());
			answer.put("before", before.toString());
			answer.put("after", Instant.now().toString());
			return answer;
		}
	}

	/** {@code "hello <name>"}. */
	public static class Greeter implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "hello " + event.get("name");
		}
	}

	public static class Boom implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			throw new IllegalStateException("boom!");
		}
	}

	/** Sleeps 10 minutes (virtual time), then answers. */
	public static class Slow implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			try {
				Thread.sleep(Duration.ofMinutes(10).toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return "done";
		}
	}

	public static class Exits implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			System.exit(3);
			return "unreachable";
		}
	}

	private static final LambdaClient LAMBDA = LambdaClient.create();

	@Test
	void aHandlerInvokesAnotherFunctionSynchronously(Sandbox sandbox) throws Exception {
		JsonNode answer = call(sandbox, "greeter", "RequestResponse", "{\"name\":\"Zoë\"}");

		assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
		assertThat(answer.get("payload").asText()).isEqualTo("\"hello Zoë\"");
		assertThat(answer.path("functionError").asText(null)).isNull();
		assertThat(sandbox.journal().entries(JournalEntry.Accepted.class)).extracting(JournalEntry.Accepted::origin)
			.containsExactly("invoke", "lambda:caller");
	}

	@Test
	void aHandlerWaitsForTheFunctionItInvokesInVirtualTime(Sandbox sandbox) throws Exception {
		JsonNode answer = call(sandbox, "slow", "RequestResponse", "{}");

		assertThat(answer.get("payload").asText()).isEqualTo("\"done\"");
		assertThat(answer.get("before").asText()).isEqualTo("2025-01-01T00:00:00Z");
		assertThat(answer.get("after").asText()).isEqualTo("2025-01-01T00:10:00Z");
	}

	@Test
	void aHandlerInvokesAnotherFunctionAsynchronously(Sandbox sandbox) throws Exception {
		JsonNode answer = call(sandbox, "greeter", "Event", "{\"name\":\"async\"}");
		sandbox.settle();

		assertThat(answer.get("statusCode").asInt()).isEqualTo(202);
		assertThat(answer.get("payload").asText()).isEmpty();
		JsonNode record = JSON.readTree(sandbox.queue("greetings").messages().get(0).body());
		assertThat(record.get("requestPayload")).isEqualTo(JSON.readTree("{\"name\":\"async\"}"));
		assertThat(record.get("responsePayload").asText()).isEqualTo("hello async");
	}

	@Test
	void aFunctionErrorReachesTheCallingHandlerAsAwsWritesIt(Sandbox sandbox) throws Exception {
		JsonNode failed = call(sandbox, "boom", "RequestResponse", "{}");
		JsonNode exited = call(sandbox, "exits", "RequestResponse", "{}");

		assertThat(failed.get("functionError").asText()).isEqualTo("Unhandled");
		assertThat(JSON.readTree(failed.get("payload").asText()).get("errorMessage").asText()).isEqualTo("boom!");
		assertThat(exited.get("functionError").asText()).isEqualTo("Unhandled");
		assertThat(exited.get("payload").asText()).startsWith("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":"
				+ "\"RequestId: ").endsWith(" Error: Runtime exited with error: exit status 3\"}");
	}

	@Test
	@LambdaSandbox(isolatedEnvironments = true)
	void handlersInIsolatedEnvironmentsReachTheSandboxToo(Sandbox sandbox) throws Exception {
		JsonNode answer = call(sandbox, "greeter", "RequestResponse", "{\"name\":\"isolated\"}");

		assertThat(answer.get("payload").asText()).isEqualTo("\"hello isolated\"");
	}

	@Test
	void testCodePutsAnEventInvokeConfigThatTheNextEventFollows(Sandbox sandbox) throws Exception {
		LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("boom")
			.maximumRetryAttempts(0)
			.destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:123456789012:failures"))));
		GetFunctionEventInvokeConfigResponse config = LAMBDA.getFunctionEventInvokeConfig(b -> b.functionName("boom"));

		LAMBDA.invoke(b -> b.functionName("boom").invocationType(InvocationType.EVENT));
		sandbox.settle();

		assertThat(config.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:boom:$LATEST");
		assertThat(config.maximumRetryAttempts()).isZero();
		assertThat(config.maximumEventAgeInSeconds()).isNull();
		assertThat(config.lastModified()).isEqualTo(sandbox.clock().start());
		assertThat(config.destinationConfig().onSuccess().destination()).isNull();
		JsonNode record = JSON.readTree(sandbox.queue("failures").messages().get(0).body());
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(sandbox.queue("declared-failures").messages()).isEmpty();
		assertThat(sandbox.function("boom").onFailure()).contains("sqs:failures");
	}

	@Test
	void aClientInvokesAVersionOrAnAliasByQualifierOrQualifiedArn(Sandbox sandbox) {
		io.github.lambdasandbox.FunctionHandle greeter = sandbox.function("greeter");
		greeter.createAlias("live", greeter.publishVersion());

		InvokeResponse byQualifier = LAMBDA.invoke(b -> b.functionName("greeter").qualifier("live")
			.payload(SdkBytes.fromUtf8String("{\"name\":\"alias\"}")));
		InvokeResponse byArn = LAMBDA.invoke(b -> b.functionName("arn:aws:lambda:us-east-1:123456789012:function:greeter:1")
			.payload(SdkBytes.fromUtf8String("{\"name\":\"version\"}")));
		InvokeResponse latest = LAMBDA.invoke(b -> b.functionName("greeter").payload(SdkBytes.fromUtf8String("{}")));
		ResourceNotFoundException noAlias = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.invoke(b -> b.functionName("greeter:staging")));
		InvalidParameterValueException mismatch = catchThrowableOfType(InvalidParameterValueException.class,
				() -> LAMBDA.invoke(b -> b.functionName("greeter:live").qualifier("1")));

		assertThat(byQualifier.payload().asUtf8String()).isEqualTo("\"hello alias\"");
		assertThat(byQualifier.executedVersion()).isEqualTo("1");
		assertThat(byArn.executedVersion()).isEqualTo("1");
		assertThat(latest.executedVersion()).isEqualTo("$LATEST");
		assertThat(noAlias.awsErrorDetails().errorMessage())
			.isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:greeter:staging");
		assertThat(mismatch.awsErrorDetails().errorMessage())
			.isEqualTo("The derived qualifier from the function name does not match the specified qualifier.");
	}

	@Test
	void anEventInvokeConfigPutOnAnAliasServesEventsSentToTheAlias(Sandbox sandbox) throws Exception {
		sandbox.function("boom").createAlias("prod", sandbox.function("boom").publishVersion());
		LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("boom").qualifier("prod").maximumRetryAttempts(0)
			.destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:123456789012:failures"))));
		GetFunctionEventInvokeConfigResponse config = LAMBDA.getFunctionEventInvokeConfig(b -> b.functionName("boom:prod"));
		ResourceNotFoundException onVersion = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.getFunctionEventInvokeConfig(b -> b.functionName("boom").qualifier("1")));
		ResourceNotFoundException noAlias = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("boom").qualifier("staging").maximumRetryAttempts(0)));

		LAMBDA.invoke(b -> b.functionName("boom").qualifier("prod").invocationType(InvocationType.EVENT));
		sandbox.settle();

		assertThat(config.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:boom:prod");
		assertThat(onVersion.awsErrorDetails().errorMessage())
			.isEqualTo("The function arn:aws:lambda:us-east-1:123456789012:function:boom:1 doesn't have an EventInvokeConfig");
		assertThat(noAlias.awsErrorDetails().errorMessage()).isEqualTo("The function doesn't exist.");
		JsonNode record = JSON.readTree(sandbox.queue("failures").messages().get(0).body());
		assertThat(record.at("/requestContext/functionArn").asText())
			.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:boom:prod");
		assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("1");
		assertThat(sandbox.queue("declared-failures").messages()).isEmpty();
	}

	@Test
	void aDeletedEventInvokeConfigIsGoneAsLambdaSaysIt(Sandbox sandbox) {
		LAMBDA.deleteFunctionEventInvokeConfig(b -> b.functionName("boom"));

		ResourceNotFoundException missing = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.getFunctionEventInvokeConfig(b -> b.functionName("boom")));

		assertThat(missing.awsErrorDetails().errorMessage())
			.isEqualTo("The function arn:aws:lambda:us-east-1:123456789012:function:boom:$LATEST doesn't have an EventInvokeConfig");
		assertThat(sandbox.function("boom").eventInvokeConfig()).isEmpty();
	}

	@Test
	void lambdasRefusalsComeWithAwsTexts() {
		ResourceNotFoundException unknown = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.invoke(b -> b.functionName("nope")));
		LambdaException outOfRange = catchThrowableOfType(LambdaException.class,
				() -> LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("boom").maximumRetryAttempts(3)));
		InvalidParameterValueException itself = catchThrowableOfType(InvalidParameterValueException.class,
				() -> LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("boom")
					.destinationConfig(d -> d.onSuccess(s -> s.destination("arn:aws:lambda:us-east-1:123456789012:function:boom")))));
		InvalidParameterValueException nothing = catchThrowableOfType(InvalidParameterValueException.class,
				() -> LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("boom")));
		ResourceNotFoundException noFunction = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.putFunctionEventInvokeConfig(b -> b.functionName("nope").maximumRetryAttempts(1)));
		ResourceNotFoundException otherVersion = catchThrowableOfType(ResourceNotFoundException.class,
				() -> LAMBDA.invoke(b -> b.functionName("greeter").qualifier("3")));

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.awsErrorDetails().errorMessage())
			.isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
		assertThat(outOfRange.statusCode()).isEqualTo(400);
		assertThat(outOfRange.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
		assertThat(outOfRange.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '3' at "
				+ "'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2");
		assertThat(itself.awsErrorDetails().errorMessage()).isEqualTo("You can't specify the function as a destination for itself.");
		assertThat(nothing.awsErrorDetails().errorMessage())
			.isEqualTo("You must specify at least one of error handling or destination setting.");
		assertThat(noFunction.awsErrorDetails().errorMessage()).isEqualTo("The function doesn't exist.");
		assertThat(otherVersion.awsErrorDetails().errorMessage())
			.isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:greeter:3");
	}

	@Test
	void aThrottledInvokeIs429WithItsReason() {
		try (LambdaClient noRetries = LambdaClient.builder()
			.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build()) {
			TooManyRequestsException throttled = catchThrowableOfType(TooManyRequestsException.class,
					() -> noRetries.invoke(b -> b.functionName("reserved-zero")));

			assertThat(throttled.statusCode()).isEqualTo(429);
			assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
			assertThat(throttled.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
			assertThat(throttled.type()).isEqualTo("User");
		}
	}

	@Test
	void aPayloadOverTheAsynchronousLimitIsTooLarge() {
		String big = "\"" + "x".repeat(1_048_576) + "\"";

		LambdaException tooLarge = catchThrowableOfType(LambdaException.class, () -> LAMBDA.invoke(b -> b.functionName("greeter")
			.invocationType(InvocationType.EVENT)
			.payload(SdkBytes.fromUtf8String(big))));

		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
		assertThat(tooLarge.awsErrorDetails().errorMessage())
			.isEqualTo("1048578 byte payload is too large for the Event invocation type (limit 1048576 bytes)");
	}

	@Test
	void logTypeTailAnswersTheRequestsLog() {
		InvokeResponse response = LAMBDA.invoke(b -> b.functionName("arn:aws:lambda:us-east-1:123456789012:function:greeter")
			.logType(LogType.TAIL)
			.payload(SdkBytes.fromUtf8String("{\"name\":\"log\"}")));

		List<String> lines = List.of(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8)
			.split("\n"));
		assertThat(response.executedVersion()).isEqualTo("$LATEST");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("START RequestId: ").endsWith(" Version: $LATEST");
		assertThat(lines.get(1)).startsWith("END RequestId: ");
		assertThat(lines.get(2)).startsWith("REPORT RequestId: ").contains("\tInit Duration: ");
	}

	@Test
	void dryRunIs204AndRunsNothing(Sandbox sandbox) {
		InvokeResponse dryRun = LAMBDA.invoke(b -> b.functionName("greeter").invocationType(InvocationType.DRY_RUN));

		assertThat(dryRun.statusCode()).isEqualTo(204);
		assertThat(sandbox.function("greeter").metric("Invocations")).isZero();
	}

	/** Runs the caller, which invokes {@code target}, and reads its answer. */
	private static JsonNode call(Sandbox sandbox, String target, String type, String payload) throws Exception {
		Map<String, Object> event = Map.of("target", target, "type", type, "payload", payload);
		return JSON.readTree(sandbox.invoke("caller", JSON.writeValueAsString(event)).payload());
	}
}
