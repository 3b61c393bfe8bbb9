package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@LambdaSandbox
@LambdaFunction(name = "prices", handler = InvokeResultAssertTests.Prices.class)
@DisplayName("InvokeResultAssert: status, payload as JSON, function error, executed version")
class InvokeResultAssertTests {

	/** Answers the price of an item; fails for an unknown one. */
	public static class Prices implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			if (!"apple".equals(event.get("item"))) {
				throw new IllegalArgumentException("unknown item " + event.get("item"));
			}
			return Map.of("item", "apple", "cents", 30, "version", context.getFunctionVersion());
		}
	}

	@Test
	void aSuccessfulResponse(Sandbox sandbox) {
		assertThat(sandbox.invoke("prices", "{\"item\": \"apple\"}"))
				.hasStatusCode(200)
				.hasNoFunctionError()
				.hasExecutedVersion("$LATEST")
				.hasPayload("{\"version\": \"$LATEST\", \"cents\": 30, \"item\": \"apple\"}")
				.hasPayloadContaining("{\"cents\": 30}");
	}

	@Test
	void aFunctionErrorAndItsPayload(Sandbox sandbox) {
		assertThat(sandbox.invoke("prices", "{\"item\": \"pear\"}"))
				.hasStatusCode(200)
				.hasFunctionError("Unhandled")
				.hasErrorType(IllegalArgumentException.class)
				.hasErrorType("java.lang.IllegalArgumentException")
				.hasErrorMessage("unknown item pear")
				.hasErrorMessageContaining("pear");
	}

	@Test
	void theVersionAnAliasRan(Sandbox sandbox) {
		FunctionHandle prices = sandbox.function("prices");
		prices.createAlias("live", prices.publishVersion());

		assertThat(sandbox.invoke("prices:live", "{\"item\": \"apple\"}")).hasExecutedVersion("1")
				.hasPayloadContaining("{\"version\": \"1\"}");
		assertThat(sandbox.invokeAsync("prices:live", "{}")).hasStatusCode(202).hasPayload("");
	}

	@Test
	void aWrongPayloadShowsTheResponseAndTheTimelineOfItsRequest(Sandbox sandbox) {
		InvokeResult result = sandbox.invoke("prices", "{\"item\": \"pear\"}");

		Throwable error = catchThrowable(() -> assertThat(result).hasPayload("{\"item\": \"pear\", \"cents\": 40}"));

		then(error).isInstanceOf(AssertionFailedError.class).hasMessageContainingAll(
				"Expecting the response of request " + result.requestId() + " to have payload\n  {\"item\":\"pear\",\"cents\":40}\n"
						+ "but it was\n  \"{\"errorMessage\":\"unknown item pear\"",
				"Response:\n  status code: 200\n  function error: \"Unhandled\"\n  executed version: \"$LATEST\"\n  payload: {",
				"Timeline of request " + result.requestId() + "  (function prices)",
				"invoked (RequestResponse) from invoke",
				"attempt 1 → function error: java.lang.IllegalArgumentException: unknown item pear");
	}

	@Test
	void aWrongExecutedVersionOrErrorTypeSaysWhatItWas(Sandbox sandbox) {
		InvokeResult result = sandbox.invoke("prices", "{\"item\": \"apple\"}");

		Throwable version = catchThrowable(() -> assertThat(result).hasExecutedVersion("2"));
		Throwable errorType = catchThrowable(() -> assertThat(result).hasErrorType("java.lang.IllegalArgumentException"));

		then(version).hasMessageContaining("to have executed version\n  \"2\"\nbut it was\n  \"$LATEST\"");
		then(errorType).hasMessageContaining("to have errorType\n  \"java.lang.IllegalArgumentException\"\nbut it was\n  absent");
	}

	@Test
	void softAssertionsCollectResponseFailures(Sandbox sandbox) {
		InvokeResult result = sandbox.invoke("prices", "{\"item\": \"apple\"}");

		LambdaSandboxSoftAssertions softly = new LambdaSandboxSoftAssertions();
		softly.assertThat(result).hasStatusCode(202).hasFunctionError("Unhandled").hasExecutedVersion("$LATEST");

		then(softly.assertionErrorsCollected()).hasSize(2);
	}
}
