package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.Condition.RETRIES_EXHAUSTED;
import static io.github.lambdasandbox.Condition.SUCCESS;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.catchThrowable;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.eventBus;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.queue;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.topic;
import static io.github.lambdasandbox.assertions.error.ShouldReceive.shouldReceive;
import static org.assertj.core.api.BDDAssertions.then;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.EventRule;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Subscription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@LambdaSandbox
@LambdaFunction(name = "resize", handler = TopicAndBusAssertTests.Boom.class, onFailure = "sns:alerts")
@LambdaFunction(name = "thumbnail", handler = TopicAndBusAssertTests.Boom.class, maximumRetryAttempts = 0,
		onFailure = "events:default")
@LambdaFunction(name = "hello", handler = TopicAndBusAssertTests.Hello.class, onSuccess = "events:default")
@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", filterPolicy = "{\"severity\": [\"high\"]}")
@EventRule(name = "failures", pattern = "{\"detail-type\": [\"Lambda Function Invocation Result - Failure\"]}",
		target = "sqs:failures-seen")
@DisplayName("TopicAssert, EventBusAssert, EventAssert")
class TopicAndBusAssertTests {

	public static class Boom implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			throw new IllegalStateException("boom!");
		}
	}

	public static class Hello implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "hello";
		}
	}

	@Test
	void aTopicReceivesTheFailureRecordAfterTheRetriesInVirtualTime(Sandbox sandbox) {
		sandbox.invokeAsync("resize", "{\"image\": \"beach.jpeg\"}");

		assertThat(topic("alerts")).receivesRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withApproximateInvokeCount(3)
				.withErrorMessage("boom!")
				.withRequestPayload("{\"image\": \"beach.jpeg\"}");
		assertThat(topic("alerts")).receivesNoRecord();
		then(sandbox.clock().now()).isEqualTo(sandbox.clock().start().plus(Duration.ofMinutes(3)));
	}

	@Test
	void aTopicReceivesWhatIsPublishedWithItsSubjectAndAttributes(Sandbox sandbox) {
		sandbox.topic("alerts").publish("disk full", Map.of("severity", "high"));

		assertThat(topic("alerts")).receivesMessage()
				.withBody("disk full")
				.withSubject(null)
				.withAttribute("severity", "high");
		assertThat(topic("alerts")).receivesNoMessage();
	}

	@Test
	void aMissingTopicMessageFailsWithTheMessageOfItsFactoryAndWhereTheMessagesWent(Sandbox sandbox) {
		String messageId = sandbox.topic("alerts").publish("disk filling", Map.of("severity", "low"));
		assertThat(topic("alerts")).receivesMessage();

		Throwable error = catchThrowable(() -> assertThat(topic("alerts")).receivesMessage());

		String evidence = "Topics at virtual time +0s:\n  \"alerts\": 1 message published\n"
				+ "Where the messages of \"alerts\" went:\n  message " + messageId + " ↛ sqs:alerts-inbox: its filter policy "
				+ "{\"severity\": [\"high\"]} does not match\nRouting:\n"
				+ "  resize: on-success → (none), on-failure → sns:alerts, dead-letter queue → (none)\n"
				+ "  thumbnail: on-success → (none), on-failure → events:default, dead-letter queue → (none)\n"
				+ "  hello: on-success → events:default, on-failure → (none), dead-letter queue → (none)\nNo request so far.";
		then(error).hasMessage(shouldReceive("topic", "alerts", "a message", "", "it received none: the sandbox is idle "
				+ "and nothing more is scheduled", evidence).create());
		assertThat(queue("alerts-inbox")).receivesNoMessage();
	}

	@Test
	void aWrongSubjectShowsExpectedAndActual(Sandbox sandbox) {
		sandbox.topic("alerts").publish("disk full");

		Throwable error = catchThrowable(() -> assertThat(topic("alerts")).receivesMessage().withSubject("Alarm"));

		then(error).isInstanceOf(AssertionFailedError.class).hasMessageContaining("from topic \"alerts\" to have subject\n"
				+ "  \"Alarm\"\nbut it was\n  absent");
	}

	@Test
	void aBusReceivesLambdaResultEventsThatRulesRoute(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("thumbnail", "{\"image\": \"cat.png\"}").requestId();

		assertThat(eventBus("default")).receivesEvent()
				.withDetailType("Lambda Function Invocation Result - Failure")
				.withSource("lambda")
				.withResources("arn:aws:events:us-east-1:123456789012:event-bus/default",
						"arn:aws:lambda:us-east-1:123456789012:function:thumbnail:$LATEST")
				.withDetailContaining("{\"requestContext\": {\"requestId\": \"" + requestId + "\"}}")
				.detailAsRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withErrorMessage("boom!");
		assertThat(queue("failures-seen")).receivesMessage();
		assertThat(eventBus("default")).receivesNoEvent();
	}

	@Test
	void aWrongDetailTypeShowsTheEventAndTheTimelineOfItsRequest(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("hello", "{}").requestId();

		Throwable error = catchThrowable(() -> assertThat(eventBus("default")).receivesEvent()
				.withDetailType("Lambda Function Invocation Result - Failure"));

		then(error).isInstanceOf(AssertionFailedError.class).hasMessageContainingAll(
				"(on event bus \"default\") to have detail-type\n  \"Lambda Function Invocation Result - Failure\"\n"
						+ "but it was\n  \"Lambda Function Invocation Result - Success\"",
				"\"source\" : \"lambda\"",
				"Timeline of request " + requestId + "  (function hello)",
				"record (Success) → events:default");
		AssertionFailedError failed = (AssertionFailedError) error;
		then(failed.getExpected().getStringRepresentation()).isEqualTo("Lambda Function Invocation Result - Failure");
	}

	@Test
	void aMissingEventSaysWhereTheEventsWent(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{}");
		assertThat(eventBus("default")).receivesEvent().withDetailType("Lambda Function Invocation Result - Success");

		Throwable error = catchThrowable(() -> assertThat(eventBus("default")).within(Duration.ofMinutes(1)).receivesEvent());

		then(error).hasMessageContainingAll("Expecting event bus \"default\" to receive an event within 1min of virtual time,",
				"Event buses at virtual time +0s:\n  \"default\": 1 event",
				"Where the events of \"default\" went:",
				"(detail-type \"Lambda Function Invocation Result - Success\", source \"lambda\"): matches none of its rules "
						+ "[failures]");
	}

	@Test
	void anUnexpectedEventIsListed(Sandbox sandbox) {
		sandbox.eventBus("default").putEvent("shop", "Order Placed", "{\"id\": 1}");

		Throwable error = catchThrowable(() -> assertThat(eventBus("default")).receivesNoEvent());

		then(error).hasMessageContainingAll("Expecting event bus \"default\" to receive no event,", "but it received 1:",
				"\"detail-type\":\"Order Placed\"");
	}

	@Test
	void softAssertionsCollectMissingTopicAndBusDeliveriesWithoutStopping(Sandbox sandbox) {
		sandbox.invokeAsync("hello", "{}");

		LambdaSandboxSoftAssertions softly = new LambdaSandboxSoftAssertions();
		softly.assertThat(topic("alerts")).receivesRecord().withCondition(SUCCESS);
		softly.assertThat(eventBus("default")).receivesEvent().withDetailType("nope").detailAsRecord().withCondition(SUCCESS);
		softly.assertThat(eventBus("default")).receivesEvent().withSource("lambda");

		then(softly.assertionErrorsCollected()).hasSize(3);
		then(softly.assertionErrorsCollected().get(0)).hasMessageContaining("Expecting topic \"alerts\" to receive an "
				+ "invocation record,");
		then(softly.assertionErrorsCollected().get(1)).hasMessageContaining("to have detail-type\n  \"nope\"");
		then(softly.assertionErrorsCollected().get(2)).hasMessageContaining("Expecting event bus \"default\" to receive an "
				+ "event,");
	}

	@Test
	void theDefaultBusCanBeAskedForWithoutDeclaringIt() {
		assertThat(eventBus("default")).receivesNoEvent();
	}
}
