package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.EventRule;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.ImageProcessingHandler;
import io.github.lambdasandbox.samples.handlers.OnCallEventHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: routing Lambda's results with EventBridge.
 *
 * <p>Instead of a queue or a topic, {@code image-processor} sends both outcomes to the {@code default} event bus
 * ({@code onSuccess = onFailure = "events:default"}). Lambda puts each result on the bus as an event whose
 * {@code detail-type} is {@code Lambda Function Invocation Result - Success} or {@code - Failure} and whose
 * {@code detail} is the invocation record. Two rules route only the failures: one to the queue {@code failures} for
 * later analysis, one to the {@code on-call} function.
 */
@LambdaSandbox
@LambdaFunction(name = "image-processor", handler = ImageProcessingHandler.class, maximumRetryAttempts = 0,
		onSuccess = "events:default", onFailure = "events:default")
@LambdaFunction(name = "on-call", handler = OnCallEventHandler.class)
@Bucket(name = "images", onObjectCreated = "image-processor")
@EventRule(name = "failures-to-queue",
		pattern = "{\"detail-type\": [\"Lambda Function Invocation Result - Failure\"]}", target = "sqs:failures")
@EventRule(name = "failures-to-on-call",
		pattern = "{\"source\": [\"lambda\"], \"detail\": {\"requestContext\": {\"condition\": [{\"anything-but\": \"Success\"}]}}}",
		target = "lambda:on-call")
@DisplayName("Lab: EventBridge routes Lambda's failures by detail-type")
@Order(5)
class EventBridgeFailureRoutingLab {

	@Test
	@Order(1)
	@DisplayName("a good and a bad upload: both results reach the bus, only the failure is routed")
	void onlyFailuresAreRouted(Sandbox sandbox) {
		sandbox.bucket("images").putObject("beach.jpg", "(a picture of a beach)");
		sandbox.bucket("images").putObject("notes.txt", "not an image");

		// the bus receives both results, in the order they happened
		assertThat(eventBus("default")).receivesEvent()
				.withDetailType("Lambda Function Invocation Result - Success")
				.withSource("lambda")
				.detailAsRecord().withCondition(SUCCESS);
		assertThat(eventBus("default")).receivesEvent()
				.withDetailType("Lambda Function Invocation Result - Failure")
				.detailAsRecord().withCondition(RETRIES_EXHAUSTED).withApproximateInvokeCount(1);

		// the rule sends the failure, and only it, to the queue: the body is the event as the bus holds it
		assertThat(queue("failures")).receivesMessage();
		assertThat(queue("failures")).receivesNoMessage();

		// the other rule invokes on-call asynchronously with the same event
		sandbox.settle();
		assertThat(function("on-call").logs()).anyMatch(line -> line.equals("PAGE on-call: Lambda Function Invocation "
				+ "Result - Failure of arn:aws:lambda:us-east-1:123456789012:function:image-processor:$LATEST "
				+ "(RetriesExhausted)"));
		assertThat(function("on-call").metric("Invocations")).isEqualTo(1);
	}
}
