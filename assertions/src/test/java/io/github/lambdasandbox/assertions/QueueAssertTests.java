package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.Condition.EVENT_AGE_EXCEEDED;
import static io.github.lambdasandbox.Condition.RETRIES_EXHAUSTED;
import static io.github.lambdasandbox.Condition.SUCCESS;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.catchThrowable;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.queue;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@LambdaSandbox
@LambdaFunction(name = "lambda-s3", handler = QueueAssertTests.Boom.class, onSuccess = "sqs:S3-success",
		onFailure = "sqs:S3-failure")
@LambdaFunction(name = "hello", handler = QueueAssertTests.Hello.class, onSuccess = "sqs:S3-success")
@LambdaFunction(name = "demo-lambda", handler = QueueAssertTests.Boom.class, deadLetterQueue = "sqs:lambda-DLQ")
@Bucket(name = "images", onObjectCreated = "lambda-s3")
@DisplayName("QueueAssert, RecordAssert, MessageAssert")
class QueueAssertTests {

	public static class Boom implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			throw new RuntimeException("boom!");
		}
	}

	public static class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			return Map.of("statusCode", 200);
		}
	}

	@Test
	void receivesRecordWaitsThroughTheRetriesInVirtualTime(Sandbox sandbox) {
		sandbox.bucket("images").putObject("index.html", "<html/>");

		assertThat(queue("S3-failure")).receivesRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withApproximateInvokeCount(3)
				.withErrorMessage("boom!")
				.withErrorType("java.lang.RuntimeException")
				.withFunctionError("Unhandled")
				.withFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:lambda-s3:$LATEST");
		assertThat(queue("S3-success")).receivesNoRecord();
		then(queue("S3-failure").messages()).as("the queue keeps what an assertion matched").hasSize(1);
	}

	@Test
	void eachReceivesRecordMatchesAnotherRecord(Sandbox sandbox) {
		String first = sandbox.invokeAsync("hello", "{\"n\": 1}").requestId();
		String second = sandbox.invokeAsync("hello", "{\"n\": 2}").requestId();

		assertThat(queue("S3-success")).receivesRecord().withRequestId(first);
		assertThat(queue("S3-success")).receivesRecord().withRequestId(second);
		Throwable third = catchThrowable(() -> assertThat(queue("S3-success")).receivesRecord());

		then(third).hasMessageContaining("but it received none: the sandbox is idle and nothing more is scheduled.");
		then(queue("S3-success").messages()).hasSize(2);
		assertThat(queue("S3-success")).receivesNoRecord();
	}

	@Test
	void receivesRecordComparesPayloadsAsJson(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{\"b\": 2, \"a\": [1, 2]}");

		assertThat(queue("S3-success")).receivesRecord()
				.withCondition(SUCCESS)
				.withFunctionError(null)
				.withRequestPayload("{\"a\":[1,2],\"b\":2}")
				.withResponsePayload("{\"statusCode\": 200}");
	}

	@Test
	void messagesReadWithoutWaitingCanBeCheckedAsRecords(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{}");
		sandbox.settle();

		LambdaSandboxAssertions.assertThatRecord(queue("S3-success").messages().get(0)).withCondition(SUCCESS)
				.withApproximateInvokeCount(1);
		assertThat(queue("S3-success")).hasMessageCount(1);
	}

	@Test
	void payloadsCanBeCheckedInPart(Sandbox sandbox) {
		sandbox.bucket("images").putObject("my page.html", "<html/>");

		RecordAssert record = assertThat(queue("S3-failure")).receivesRecord()
				.withRequestPayloadContaining("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", "
						+ "\"s3\": {\"bucket\": {\"name\": \"images\"}, \"object\": {\"key\": \"my+page.html\"}}}]}")
				.withResponsePayloadContaining("{\"errorMessage\": \"boom!\"}");
		Throwable error = catchThrowable(() -> record.withRequestPayloadContaining("{\"Records\": [{\"eventName\": \"ObjectRemoved:Delete\"}]}"));

		then(error).hasMessageContaining("(first difference at /Records/0/eventName)");
	}

	@Test
	void receivesMessageChecksDeadLetterBodyAndAttributes(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("demo-lambda", "{\"key1\": \"value1\"}").requestId();

		assertThat(queue("lambda-DLQ")).receivesMessage()
				.withBody("{\"key1\":\"value1\"}")
				.withAttribute("RequestID", requestId)
				.withAttribute("ErrorCode", "200")
				.withAttribute("ErrorMessage", "boom!");
	}

	@Test
	void aMissingRecordFailsAtOnceWithWhatArrivedEverywhereAndTheTimeline(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{}");

		long started = System.nanoTime();
		Throwable error = catchThrowable(() -> assertThat(queue("S3-failure")).receivesRecord());

		then(Duration.ofNanos(System.nanoTime() - started)).as("no wait for the timeout").isLessThan(Duration.ofSeconds(4));
		then(error).isInstanceOf(AssertionError.class).hasMessageContainingAll(
				"Expecting queue \"S3-failure\" to receive an invocation record,",
				"but it received none: the sandbox is idle and nothing more is scheduled.",
				"\"S3-success\": 1 message (record Success)",
				"\"S3-failure\": 0 messages",
				"lambda-s3: on-success → sqs:S3-success, on-failure → sqs:S3-failure",
				"(function hello)",
				"attempt 1 → success, 200",
				"record (Success) → sqs:S3-success");
	}

	@Test
	void aMissingRecordShowsWhereAnAliasSendsItsRecords(Sandbox sandbox) {
		sandbox.function("hello").createAlias("prod", sandbox.function("hello").publishVersion());
		sandbox.function("hello:prod").putEventInvokeConfig(io.github.lambdasandbox.EventInvokeConfig.builder()
				.onSuccess("sqs:lambda-DLQ").build());
		sandbox.invokeAsync("hello:prod", "{}");

		Throwable error = catchThrowable(() -> assertThat(queue("S3-success")).receivesRecord());

		then(error).hasMessageContainingAll("hello: on-success → sqs:S3-success",
				"hello:prod: on-success → sqs:lambda-DLQ, on-failure → (none)", "(function hello:prod)",
				"attempt 1 (version 1) → success, 200", "record (Success) → sqs:lambda-DLQ");
	}

	@Test
	void anUnexpectedRecordFailsWithTheRecordItself(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{}");

		Throwable error = catchThrowable(() -> assertThat(queue("S3-success")).receivesNoRecord());

		then(error).hasMessageContainingAll("Expecting queue \"S3-success\" to receive no invocation record,",
				"but it received 1:", "\"condition\":\"Success\"");
	}

	@Test
	void aWrongConditionShowsTheRecordAndTheRequestTimeline(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("lambda-s3", "{}").requestId();

		Throwable error = catchThrowable(() -> assertThat(queue("S3-failure")).receivesRecord().withCondition(EVENT_AGE_EXCEEDED));

		then(error).hasMessageContainingAll(
				"Expecting the invocation record of request " + requestId + " (from queue \"S3-failure\") to have condition",
				"  \"EventAgeExceeded\"\nbut it was\n  \"RetriesExhausted\"",
				"\"approximateInvokeCount\" : 3",
				"Timeline of request " + requestId + "  (function lambda-s3)",
				"+180s     attempt 3 → function error: java.lang.RuntimeException: boom!");
	}

	@Test
	void aWrongAttributeShowsTheMessage(Sandbox sandbox) {
		sandbox.invokeAsync("demo-lambda", "{}");

		Throwable error = catchThrowable(() -> assertThat(queue("lambda-DLQ")).receivesMessage()
				.withAttribute("ErrorMessage", "Something went wrong!"));

		then(error).hasMessageContainingAll("to have attribute ErrorMessage\n  \"Something went wrong!\"\nbut it was\n  \"boom!\"",
				"attributes: {RequestID=");
	}

	@Test
	void descriptionsAreHonoured(Sandbox sandbox) {
		Throwable error = catchThrowable(() -> assertThat(queue("S3-failure")).as("failure queue").within(Duration.ofSeconds(1))
				.receivesRecord());

		then(error).hasMessageStartingWith("[failure queue] ").hasMessageContaining("within 1s");
	}

	@Test
	void withAPausedClockANegativeAssertionRefusesToGuess(Sandbox sandbox) {
		sandbox.clock().pause();
		sandbox.invokeAsync("lambda-s3", "{}");

		Throwable none = catchThrowable(() -> assertThat(queue("S3-failure")).receivesNoRecord());
		Throwable some = catchThrowable(() -> assertThat(queue("S3-failure")).receivesRecord());

		then(none).hasMessageContainingAll("but the clock is paused with work still to come",
				"the next at +60s (retry 1 of request", "Call clock().advance(…) or clock().resume() first.");
		then(some).hasMessageContainingAll("it received none by virtual time +0s: the clock is paused",
				"call clock().advance(…) or clock().resume() to let it run");
		sandbox.clock().resume();
		assertThat(queue("S3-failure")).receivesRecord().withApproximateInvokeCount(3);
	}

	@Test
	void anUnknownQueueNamesTheKnownOnes() {
		Throwable error = catchThrowable(() -> queue("S3-failur"));

		then(error).isInstanceOf(IllegalArgumentException.class).hasMessage("No queue \"S3-failur\" in this sandbox. "
				+ "Known queues: \"S3-success\", \"S3-failure\", \"lambda-DLQ\". Declare it with @Queue(name = \"S3-failur\") "
				+ "or name it in a destination (\"sqs:S3-failur\").");
	}
}
