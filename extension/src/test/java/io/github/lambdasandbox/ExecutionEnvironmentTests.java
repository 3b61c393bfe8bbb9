package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Execution environment: handlers, input types, Context, cold starts, timeouts, invocation errors")
class ExecutionEnvironmentTests {

	public static class Order {

		public String id;

		public int quantity;
	}

	public static class OrderHandler implements RequestHandler<Order, String> {

		@Override
		public String handleRequest(Order order, Context context) {
			return order.id + " x" + order.quantity;
		}
	}

	public static class Upper implements RequestHandler<String, String> {

		@Override
		public String handleRequest(String input, Context context) {
			return input.toUpperCase();
		}
	}

	public static class S3Keys implements RequestHandler<S3Event, List<String>> {

		@Override
		public List<String> handleRequest(S3Event event, Context context) {
			return event.getRecords().stream().map(r -> r.getS3().getObject().getKey()).toList();
		}
	}

	public static class Streaming implements RequestStreamHandler {

		@Override
		public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
			output.write(("[" + new String(input.readAllBytes(), StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8));
		}
	}

	public static class Nothing implements RequestHandler<Map<String, Object>, Void> {

		@Override
		public Void handleRequest(Map<String, Object> event, Context context) {
			return null;
		}
	}

	public static class ContextReporter implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			Map<String, Object> seen = new java.util.LinkedHashMap<>();
			seen.put("requestId", context.getAwsRequestId());
			seen.put("functionName", context.getFunctionName());
			seen.put("functionVersion", context.getFunctionVersion());
			seen.put("invokedFunctionArn", context.getInvokedFunctionArn());
			seen.put("memoryLimitInMB", context.getMemoryLimitInMB());
			seen.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
			seen.put("logGroupName", context.getLogGroupName());
			seen.put("logStreamName", context.getLogStreamName());
			return seen;
		}
	}

	/**
	 * Blocks for real until it is interrupted (a latch nobody counts down: no sleep, which handler code takes in
	 * virtual time), so that only the real-time watchdog can end its first call; records that it was interrupted.
	 */
	public static class Sleeper implements RequestHandler<Map<String, Object>, String> {

		/** Counted down when the handler is interrupted. */
		static volatile java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);

		private int calls;

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			if (++calls == 1 && Boolean.TRUE.equals(event.get("sleep"))) {
				try {
					new java.util.concurrent.CountDownLatch(1).await();
				}
				catch (InterruptedException e) {
					interrupted.countDown();
					Thread.currentThread().interrupt();
				}
			}
			return "call " + calls;
		}
	}

	public static class Wrapping implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			try {
				Integer.parseInt("x");
				return "unreachable";
			}
			catch (NumberFormatException e) {
				throw new IllegalStateException("could not read the order", e);
			}
		}
	}

	/** Ignores interrupts until the test releases it: a handler AWS would have frozen. */
	public static class Stubborn implements RequestHandler<Map<String, Object>, String> {

		static final java.util.concurrent.CountDownLatch RELEASE = new java.util.concurrent.CountDownLatch(1);

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			long giveUp = System.nanoTime() + 30_000_000_000L;
			while (RELEASE.getCount() > 0 && System.nanoTime() < giveUp) {
				try {
					RELEASE.await(50, java.util.concurrent.TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ignored) {
					// keeps going
				}
			}
			return "done";
		}
	}

	@LambdaFunction(name = "stubborn", handler = Stubborn.class, timeout = 1)
	static class StubbornDeclarations {
	}

	public static class Printing implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			System.out.println("Received event: " + event);
			System.err.print("no newline at the end");
			return "printed";
		}
	}

	@LambdaFunction(name = "order", handler = OrderHandler.class)
	@LambdaFunction(name = "upper", handler = Upper.class)
	@LambdaFunction(name = "s3-keys", handler = S3Keys.class)
	@LambdaFunction(name = "stream", handler = Streaming.class)
	@LambdaFunction(name = "nothing", handler = Nothing.class)
	@LambdaFunction(name = "context", handler = ContextReporter.class, memorySize = 512, timeout = 30)
	@LambdaFunction(name = "counting", handler = Handlers.Counting.class)
	@LambdaFunction(name = "sleeper", handler = Sleeper.class, timeout = 1, onFailure = "sqs:failures",
			maximumRetryAttempts = 0)
	@LambdaFunction(name = "wrapping", handler = Wrapping.class)
	@LambdaFunction(name = "boom", handler = Handlers.Boom.class)
	@LambdaFunction(name = "printing", handler = Printing.class)
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void pojoInputIsReadAsTheJavaRuntimeReadsIt() {
		InvokeResult result = sandbox.invoke("order", "{\"id\": \"A-1\", \"quantity\": 3, \"unknown\": true}");

		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.functionError()).isNull();
		assertThat(result.executedVersion()).isEqualTo("$LATEST");
		assertThat(result.payload()).isEqualTo("\"A-1 x3\"");
	}

	@Test
	void stringInputTakesAJsonString() {
		assertThat(sandbox.invoke("upper", "\"abc\"").payload()).isEqualTo("\"ABC\"");
	}

	@Test
	void anObjectGivenToAStringHandlerFailsAsTheRuntimeFails() {
		InvokeResult result = sandbox.invoke("upper", "{\"a\": 1}");

		assertThat(result.functionError()).isEqualTo("Unhandled");
		JsonNode error = Fixtures.parse(result.payload());
		assertThat(error.get("errorMessage").asText()).isEqualTo("An error occurred during JSON parsing");
		assertThat(error.get("errorType").asText()).isEqualTo("java.lang.RuntimeException");
		assertThat(error.get("stackTrace")).isEmpty();
		// the runtime interface client writes no cause into the payload; its log shows it
		assertThat(error.has("cause")).isFalse();
		assertThat(sandbox.function("upper").logs()).anySatisfy(line -> assertThat(line)
				.startsWith("An error occurred during JSON parsing: java.lang.RuntimeException\n"
						+ "java.lang.RuntimeException: An error occurred during JSON parsing\n"
						+ "Caused by: java.io.UncheckedIOException: ")
				.contains("MismatchedInputException"));
	}

	@Test
	void eventClassesAreReadWithTheRuntimeSerializers() {
		String event = Fixtures.text("s3-object-created-put.json");

		assertThat(sandbox.invoke("s3-keys", event).payload()).isEqualTo("[\"b21b84d653bb07b05b1e6b33684dc11b\"]");
	}

	@Test
	void streamHandlersGetTheRawBytes() {
		assertThat(sandbox.invoke("stream", "{\"a\":1}").payload()).isEqualTo("[{\"a\":1}]");
	}

	@Test
	void aVoidResultIsNull() {
		assertThat(sandbox.invoke("nothing", "{}").payload()).isEqualTo("null");
	}

	@Test
	void contextDescribesTheFunctionAndTheRequest() {
		InvokeResult result = sandbox.invoke("context", "{}");
		JsonNode seen = Fixtures.parse(result.payload());

		assertThat(seen.get("requestId").asText()).isEqualTo(result.requestId());
		assertThat(seen.get("functionName").asText()).isEqualTo("context");
		assertThat(seen.get("functionVersion").asText()).isEqualTo("$LATEST");
		assertThat(seen.get("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:context");
		assertThat(seen.get("memoryLimitInMB").asInt()).isEqualTo(512);
		assertThat(seen.get("remainingTimeInMillis").asInt()).isBetween(20_000, 30_000);
		assertThat(seen.get("logGroupName").asText()).isEqualTo("/aws/lambda/context");
		assertThat(seen.get("logStreamName").asText()).matches("2025/01/01/\\[\\$LATEST\\][0-9a-f]{32}");
	}

	@Test
	void theFirstInvocationStartsColdAndLaterOnesReuseTheEnvironment() {
		assertThat(sandbox.invoke("counting", "{}").payload()).isEqualTo("1");
		assertThat(sandbox.invoke("counting", "{}").payload()).isEqualTo("2");

		List<String> reports = sandbox.function("counting").logs().stream().filter(l -> l.startsWith("REPORT")).toList();
		assertThat(reports.get(0)).contains("\tInit Duration: ");
		assertThat(reports.get(1)).doesNotContain("Init Duration");
	}

	@Test
	void aTimedOutHandlerIsInterruptedAndItsEnvironmentDiscarded() throws InterruptedException {
		Sleeper.interrupted = new java.util.concurrent.CountDownLatch(1);
		String requestId = sandbox.invokeAsync("sleeper", "{\"sleep\": true}").requestId();
		sandbox.settle();

		// the watchdog interrupted the handler after its 1 second of real time (its thread sees it on its own time)
		assertThat(Sleeper.interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

		JsonNode record = Fixtures.parse(sandbox.queue("failures").messages().get(0).body());
		JsonNode sample = Fixtures.json("timeout-error-payload.json");
		assertThat(record.get("responsePayload").fieldNames()).toIterable().containsExactlyElementsOf(
				() -> sample.fieldNames());
		assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("Sandbox.Timedout");
		assertThat(record.at("/responsePayload/errorMessage").asText())
				.isEqualTo("RequestId: " + requestId + " Error: Task timed out after 1.00 seconds");
		assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
		assertThat(sandbox.function("sleeper").logs()).anyMatch(line -> line.endsWith(requestId + " Task timed out after 1.00 seconds"));
		// a new environment: the handler's call count starts again
		assertThat(sandbox.invoke("sleeper", "{}").payload()).isEqualTo("\"call 1\"");
	}

	@Test
	void aHandlerThatIgnoresTheInterruptIsReportedWhenTheSandboxCloses() {
		Sandbox stubborn = Sandbox.create(StubbornDeclarations.class);
		InvokeResult result = stubborn.invoke("stubborn", "{}");

		assertThat(result.functionError()).isEqualTo("Unhandled");
		assertThat(result.payload()).contains("Sandbox.Timedout");
		try {
			assertThatThrownBy(stubborn::close).isInstanceOf(IllegalStateException.class)
					.hasMessageStartingWith("Handler threads ignored the interrupt after their timeout and still run")
					.hasMessageContaining("(function stubborn) at ");
		}
		finally {
			Stubborn.RELEASE.countDown();
		}
	}

	@Test
	void theErrorPayloadHasTheTopLevelErrorWithTheFunctionsFramesAndTheLogHasTheCauses() {
		JsonNode error = Fixtures.parse(sandbox.invoke("wrapping", "{}").payload());

		assertThat(error.get("errorMessage").asText()).isEqualTo("could not read the order");
		assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
		assertThat(error.get("stackTrace")).extracting(JsonNode::asText)
				.allMatch(frame -> !frame.startsWith("io.github.lambdasandbox.internal"))
				.first().asString().startsWith("io.github.lambdasandbox.ExecutionEnvironmentTests$Wrapping.handleRequest");
		// as the current Java runtime writes it: no cause in the payload
		assertThat(error.has("cause")).isFalse();
		assertThat(sandbox.function("wrapping").logs()).anySatisfy(line -> assertThat(line)
				.startsWith("could not read the order: java.lang.IllegalStateException\n"
						+ "java.lang.IllegalStateException: could not read the order\n"
						+ "\tat io.github.lambdasandbox.ExecutionEnvironmentTests$Wrapping.handleRequest(ExecutionEnvironmentTests.java:")
				.contains("\nCaused by: java.lang.NumberFormatException: For input string: \"x\"\n\tat java.base/")
				.containsPattern("\n\t\\.\\.\\. \\d+ more$")
				.doesNotContain("io.github.lambdasandbox.internal"));
	}

	@Test
	void whatTheHandlerPrintsGoesToItsLogAsInCloudWatch() {
		String requestId = sandbox.invoke("printing", "{\"a\": 1}").requestId();
		System.out.println("printed by the test, not by a handler");

		assertThat(sandbox.function("printing").logs()).containsExactly(
				"START RequestId: " + requestId + " Version: $LATEST",
				"Received event: {a=1}",
				"no newline at the end",
				"END RequestId: " + requestId,
				sandbox.function("printing").logs().get(4));
	}

	@Test
	void theRuntimeLogsTheErrorItReports() {
		sandbox.invoke("boom", "{}");

		// as the Java runtime logs an unhandled exception: "<message>: <type>", then its stack trace
		assertThat(sandbox.function("boom").logs()).anyMatch(line -> line.startsWith(
				"boom!: java.lang.RuntimeException\njava.lang.RuntimeException: boom!\n\tat io.github.lambdasandbox.support.Handlers$Boom.handleRequest(Handlers.java:"));
	}

	@Test
	void anUnknownFunctionIsResourceNotFoundNamingTheKnownOnes() {
		LambdaServiceException error = catchThrowableOfType(LambdaServiceException.class, () -> sandbox.invoke("ordr", "{}"));

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.errorCode()).isEqualTo("ResourceNotFoundException");
		assertThat(error.getMessage()).startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:ordr")
				.contains("\"order\", \"upper\"");
	}

	@Test
	void aPayloadThatIsNotJsonIsInvalidRequestContent() {
		LambdaServiceException error = catchThrowableOfType(LambdaServiceException.class,
				() -> sandbox.invokeAsync("order", "{not json"));

		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.errorCode()).isEqualTo("InvalidRequestContentException");
		assertThat(error.getMessage()).startsWith("Could not parse request body into json: ");
	}

	@Test
	void payloadsOverTheLimitsAreTooLarge() {
		String big = "\"" + "x".repeat(1_048_576) + "\"";
		LambdaServiceException async = catchThrowableOfType(LambdaServiceException.class,
				() -> sandbox.invokeAsync("upper", big));
		String huge = "\"" + "x".repeat(6_291_456) + "\"";
		LambdaServiceException sync = catchThrowableOfType(LambdaServiceException.class, () -> sandbox.invoke("upper", huge));

		assertThat(async.statusCode()).isEqualTo(413);
		assertThat(async.getMessage()).isEqualTo("1048578 byte payload is too large for the Event invocation type (limit 1048576 bytes)");
		assertThat(sync.getMessage()).isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
	}

	@Test
	void dryRunValidatesWithoutRunning() {
		InvokeResult result = sandbox.dryRun("counting", "{}");

		assertThat(result.statusCode()).isEqualTo(204);
		assertThat(result.payload()).isEmpty();
		assertThat(sandbox.function("counting").logs()).isEmpty();
	}

	@Test
	void anEmptyPayloadIsAnEmptyObject() {
		assertThat(sandbox.invoke("order", null).payload()).isEqualTo("\"null x0\"");
	}
}
