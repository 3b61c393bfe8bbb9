package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldHaveValue.shouldHaveValue;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on the response of an Invoke ({@link Sandbox#invoke}, {@link Sandbox#invokeAsync}): status code, payload
 * (JSON by value), {@code FunctionError}, the error payload's {@code errorType} and {@code errorMessage}, and the version
 * that ran. A failure shows the expected and the actual value, the whole response and, in a {@code @LambdaSandbox}
 * test, the timeline of its request.
 *
 * <pre>{@code
 * assertThat(sandbox.invoke("orders:prod", "{\"id\": 7}"))
 *     .hasStatusCode(200)
 *     .hasNoFunctionError()
 *     .hasExecutedVersion("2")
 *     .hasPayload("{\"saved\": 7}");
 * assertThat(sandbox.invoke("orders", "{}"))
 *     .hasFunctionError("Unhandled")
 *     .hasErrorType("java.lang.IllegalArgumentException")
 *     .hasErrorMessage("no id");
 * }</pre>
 *
 * @since 0.3
 */
public class InvokeResultAssert extends AbstractAssert<InvokeResultAssert, InvokeResult> {

	private final AssertionErrorCollector softly;

	public InvokeResultAssert(InvokeResult actual) {
		this(actual, null);
	}

	InvokeResultAssert(InvokeResult actual, AssertionErrorCollector softly) {
		super(actual, InvokeResultAssert.class);
		this.softly = softly;
	}

	/** 200 ({@code RequestResponse}, also when the function failed), 202 ({@code Event}), 204 ({@code DryRun}). */
	public InvokeResultAssert hasStatusCode(int expected) {
		isNotNull();
		if (actual.statusCode() != expected) {
			fail("status code", Integer.toString(expected), Integer.toString(actual.statusCode()), expected, actual.statusCode());
		}
		return myself;
	}

	/** The payload, compared as JSON by value (key order and spacing do not matter); as text if it is not JSON. */
	public InvokeResultAssert hasPayload(String expected) {
		isNotNull();
		JsonNode expectedJson = JsonValues.parseOrNull(expected);
		JsonNode actualJson = JsonValues.parseOrNull(actual.payload());
		boolean same = expectedJson != null ? expectedJson.equals(actualJson) : Objects.equals(expected, actual.payload());
		if (!same) {
			fail("payload", expectedJson != null ? JsonValues.compact(expectedJson) : show(expected), show(actual.payload()),
					expectedJson != null ? JsonValues.pretty(expectedJson) : expected,
					actualJson != null ? JsonValues.pretty(actualJson) : actual.payload());
		}
		return myself;
	}

	/**
	 * The payload contains {@code expectedJson}: the fields it names have those values, others may be there too (arrays:
	 * same length, element by element).
	 */
	public InvokeResultAssert hasPayloadContaining(String expectedJson) {
		isNotNull();
		JsonNode expected = JsonValues.expected("payload", expectedJson);
		JsonNode actualJson = JsonValues.parseOrNull(actual.payload());
		String mismatch = JsonSubset.firstMismatch(expected, actualJson);
		if (mismatch != null) {
			fail("payload containing", JsonValues.compact(expected) + " (first difference at " + mismatch + ")",
					show(actual.payload()), JsonValues.pretty(expected), actualJson == null ? actual.payload()
							: JsonValues.pretty(actualJson));
		}
		return myself;
	}

	/** {@code FunctionError}: {@code "Unhandled"} when the function failed. */
	public InvokeResultAssert hasFunctionError(String expected) {
		isNotNull();
		if (!Objects.equals(expected, actual.functionError())) {
			fail("function error", show(expected), show(actual.functionError()), expected, actual.functionError());
		}
		return myself;
	}

	/** No {@code FunctionError}: the function returned. */
	public InvokeResultAssert hasNoFunctionError() {
		return hasFunctionError(null);
	}

	/** The error payload's {@code errorType}, e.g. {@code "java.lang.IllegalStateException"}, {@code "Sandbox.Timedout"}. */
	public InvokeResultAssert hasErrorType(String expected) {
		return hasErrorField("errorType", expected);
	}

	/** The error payload's {@code errorType}: the exception's class name. */
	public InvokeResultAssert hasErrorType(Class<? extends Throwable> expected) {
		return hasErrorType(expected.getName());
	}

	/** The error payload's {@code errorMessage}. */
	public InvokeResultAssert hasErrorMessage(String expected) {
		return hasErrorField("errorMessage", expected);
	}

	/** The error payload's {@code errorMessage} contains {@code expected}. */
	public InvokeResultAssert hasErrorMessageContaining(String expected) {
		isNotNull();
		String message = errorField("errorMessage");
		if (message == null || !message.contains(expected)) {
			fail("errorMessage containing", show(expected), show(message), expected, message);
		}
		return myself;
	}

	/** {@code X-Amz-Executed-Version}: {@code "$LATEST"}, or the version a qualifier named or an alias chose. */
	public InvokeResultAssert hasExecutedVersion(String expected) {
		isNotNull();
		if (!Objects.equals(expected, actual.executedVersion())) {
			fail("executed version", show(expected), show(actual.executedVersion()), expected, actual.executedVersion());
		}
		return myself;
	}

	private InvokeResultAssert hasErrorField(String field, String expected) {
		isNotNull();
		String value = errorField(field);
		if (!Objects.equals(expected, value)) {
			fail(field, show(expected), show(value), expected, value);
		}
		return myself;
	}

	/** A field of the error payload, or null (a successful response, a payload that is not an object). */
	private String errorField(String field) {
		JsonNode payload = JsonValues.parseOrNull(actual.payload());
		JsonNode value = payload == null ? null : payload.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	private void fail(String field, String expectedShown, String actualShown, Object expected, Object actualValue) {
		String message = shouldHaveValue("the response of request " + actual.requestId(), field, expectedShown, actualShown,
				evidence()).create();
		AssertionError error = failureWithActualExpected(actualValue, expected, "%s", message);
		if (softly != null) {
			softly.collectAssertionError(error);
			return;
		}
		throw error;
	}

	/** The response, and the timeline of its request if the test's sandbox has it. */
	private String evidence() {
		JsonNode payload = JsonValues.parseOrNull(actual.payload());
		String response = "Response:\n  status code: " + actual.statusCode() + "\n  function error: "
				+ show(actual.functionError()) + "\n  executed version: " + show(actual.executedVersion()) + "\n  payload: "
				+ (payload != null ? JsonValues.pretty(payload).replace("\n", "\n  ") : show(actual.payload()));
		Sandbox sandbox = testSandbox();
		if (sandbox == null || sandbox.journal().ofRequest(actual.requestId()).isEmpty()) {
			return response;
		}
		return response + Evidence.ofRequest(sandbox, actual.requestId());
	}

	/** The sandbox of the running {@code @LambdaSandbox} test, or null (a sandbox of one's own, another thread). */
	private static Sandbox testSandbox() {
		try {
			return LambdaSandboxExtension.currentSandbox("assertThat(invokeResult)");
		}
		catch (IllegalStateException none) {
			return null;
		}
	}

	private static String show(String value) {
		if (value == null) {
			return "absent";
		}
		return "\"" + QueueAssert.abbreviate(value) + "\"";
	}
}
