package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.catchThrowable;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.function;
import static io.github.lambdasandbox.assertions.error.ShouldHaveValue.shouldHaveValue;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@LambdaSandbox
@LambdaFunction(name = "orders", handler = FunctionAssertTests.Orders.class, onFailure = "sqs:order-failures")
@LambdaFunction(name = "hello", handler = FunctionAssertTests.Hello.class)
@DisplayName("FunctionAssert: metrics, logs and the latest outcome of a function, version or alias")
class FunctionAssertTests {

	/** Saves an order with an id; fails without one. */
	public static class Orders implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			if (!event.containsKey("id")) {
				throw new IllegalStateException("no id in " + event);
			}
			context.getLogger().log("order " + event.get("id") + " saved");
			return "saved " + event.get("id");
		}
	}

	public static class Hello implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "hello";
		}
	}

	@Test
	void metricsInvocationsAndTheLatestFailureOfAFunction(Sandbox sandbox) {
		sandbox.invokeAsync("orders", "{}");
		sandbox.settle();

		assertThat(function("orders"))
				.wasInvoked(3)
				.hasMetric("Errors", 3)
				.hasMetric("AsyncEventsDropped", 1)
				.failedWith(IllegalStateException.class, "no id in {}")
				.hasLogLineContaining("no id in {}: java.lang.IllegalStateException")
				.hasNoLogLineContaining("saved");
		assertThat(function("hello")).wasNotInvoked();
	}

	@Test
	void aSuccessAndItsLogLines(Sandbox sandbox) {
		sandbox.invoke("orders", "{\"id\": 7}");

		assertThat(function("orders"))
				.succeeded()
				.hasLogLineContaining("order 7 saved")
				.hasLogLineMatching("START RequestId: [0-9a-f-]{36} Version: \\$LATEST")
				.hasLogLineMatching("REPORT RequestId: .*\\tDuration: .*");
	}

	@Test
	void aWrongMetricShowsExpectedActualWhatIsStillToComeAndTheTimeline(Sandbox sandbox) {
		sandbox.clock().pause();
		String requestId = sandbox.invokeAsync("orders", "{}").requestId();
		sandbox.settle();

		Throwable error = catchThrowable(() -> assertThat(function("orders")).hasMetric("Errors", 3));

		then(error).isInstanceOf(AssertionFailedError.class).hasMessage(shouldHaveValue("function \"orders\"", "metric Errors",
				"3", "1", Evidence.aroundFunction(function("orders"))).create());
		then(error.getMessage()).contains(
				"metrics: Invocations 1, Errors 1, Throttles 0, AsyncEventsReceived 1, AsyncEventsDropped 0",
				"routing: on-success → (none), on-failure → sqs:order-failures, dead-letter queue → (none)",
				"versions: $LATEST; aliases: (none)",
				"Still to come: 1 action scheduled, the next at +60s (retry 1 of request " + requestId,
				"(sandbox.settle() lets it happen)",
				"Timeline of request " + requestId + "  (function orders)");
		then(((AssertionFailedError) error).getExpected().getValue()).isEqualTo(3L);
		then(((AssertionFailedError) error).getActual().getValue()).isEqualTo(1L);
		then(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("no id in {}");
		sandbox.clock().resume();
	}

	@Test
	void aWrongOutcomeSaysWhatTheLatestInvocationDid(Sandbox sandbox) {
		sandbox.invoke("orders", "{\"id\": 1}");

		Throwable failed = catchThrowable(() -> assertThat(function("orders")).failedWith(IllegalStateException.class,
				"no id in {}"));
		Throwable succeeded = catchThrowable(() -> assertThat(function("hello")).succeeded());

		then(failed).hasMessageContaining("Expecting the latest invocation of function \"orders\" to have error\n"
				+ "  java.lang.IllegalStateException: no id in {}\nbut it was\n  success\n");
		then(succeeded).hasMessageContaining("Expecting the latest invocation of function \"hello\" to have outcome\n"
				+ "  success\nbut it was\n  no invocation yet\n").hasMessageContaining("No request of hello so far.");
	}

	@Test
	void aMissingLogLineShowsTheLog(Sandbox sandbox) {
		sandbox.invoke("orders", "{\"id\": 7}");

		Throwable error = catchThrowable(() -> assertThat(function("orders")).hasLogLineContaining("order 8 saved"));
		Throwable unexpected = catchThrowable(() -> assertThat(function("orders")).hasNoLogLineContaining("order 7"));

		then(error).hasMessageContainingAll("Expecting function \"orders\" to have a log line containing\n"
				+ "  \"order 8 saved\"\nbut none of its 4 lines does:\n  START RequestId: ", "  order 7 saved\n  END RequestId: ");
		then(unexpected).hasMessageContaining("Expecting function \"orders\" to have no log line containing\n  \"order 7\"\n"
				+ "but it has:\n  order 7 saved\n");
	}

	@Test
	void anAliasCountsTheInvocationsMadeThroughIt(Sandbox sandbox) {
		FunctionHandle orders = sandbox.function("orders");
		orders.createAlias("prod", orders.publishVersion());

		sandbox.invoke("orders:prod", "{\"id\": 1}");
		sandbox.invoke("orders", "{}");

		assertThat(function("orders:prod")).wasInvoked(1).succeeded().hasLogLineMatching(".* Version: 1");
		assertThat(function("orders")).wasInvoked(2).failedWith("java.lang.IllegalStateException", "no id in {}");
		Throwable error = catchThrowable(() -> assertThat(function("orders:prod")).wasInvoked(2));
		then(error).hasMessageContainingAll("Expecting function \"orders:prod\" to have Invocations (attempts, retries "
				+ "included)\n  2\nbut it was\n  1", "Function \"orders:prod\" at virtual time +0s:", "aliases: prod → 1",
				"(function orders:prod)");
	}

	@Test
	void softAssertionsCollectFunctionFailures(Sandbox sandbox) {
		sandbox.invoke("hello", "{}");

		LambdaSandboxSoftAssertions softly = new LambdaSandboxSoftAssertions();
		softly.assertThat(function("hello")).wasInvoked(2).hasMetric("Errors", 1).succeeded();

		then(softly.assertionErrorsCollected()).hasSize(2);
		then(softly.assertionErrorsCollected().get(0)).hasMessageContaining("to have Invocations");
		then(softly.assertionErrorsCollected().get(1)).hasMessageContaining("to have metric Errors");
	}
}
