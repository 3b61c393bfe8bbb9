package io.github.lambdasandbox.assertions;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import io.github.lambdasandbox.internal.json.Json;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an invocation record that a queue received. Each failure shows the whole record and the
 * timeline of its request.
 *
 * @since 0.1
 */
public class RecordAssert extends AbstractAssert<RecordAssert, SqsMessage> {

	private final JsonNode record;

	private final SandboxEngine sandbox;

	private final String queueName;

	public RecordAssert(SqsMessage actual) {
		this(actual, null, null);
	}

	RecordAssert(SqsMessage actual, SandboxEngine sandbox, String queueName) {
		super(actual, RecordAssert.class);
		this.record = actual == null ? null : Records.parse(actual.body());
		this.sandbox = sandbox;
		this.queueName = queueName;
	}

	/** {@code requestContext.condition}, e.g. {@code RETRIES_EXHAUSTED} for {@code "RetriesExhausted"}. */
	public RecordAssert withCondition(Condition expected) {
		return has("condition", expected.awsName(), text("requestContext", "condition"));
	}

	/** {@code requestContext.approximateInvokeCount}: the attempts made. */
	public RecordAssert withApproximateInvokeCount(int expected) {
		JsonNode count = record().path("requestContext").path("approximateInvokeCount");
		return has("approximateInvokeCount", expected, count.isMissingNode() ? null : count.asInt());
	}

	/** {@code requestContext.requestId}. */
	public RecordAssert withRequestId(String expected) {
		return has("requestId", expected, text("requestContext", "requestId"));
	}

	/** {@code requestContext.functionArn}, qualified: {@code arn:aws:lambda:…:function:name:$LATEST}. */
	public RecordAssert withFunctionArn(String expected) {
		return has("functionArn", expected, text("requestContext", "functionArn"));
	}

	/** {@code responsePayload.errorMessage}. */
	public RecordAssert withErrorMessage(String expected) {
		return has("errorMessage", expected, text("responsePayload", "errorMessage"));
	}

	/** {@code responsePayload.errorType}, e.g. {@code "java.lang.RuntimeException"}. */
	public RecordAssert withErrorType(String expected) {
		return has("errorType", expected, text("responsePayload", "errorType"));
	}

	/** {@code responseContext.functionError}: {@code "Unhandled"} after a failure, absent ({@code null}) after a success. */
	public RecordAssert withFunctionError(String expected) {
		return has("functionError", expected, text("responseContext", "functionError"));
	}

	/** {@code requestPayload}, compared as JSON by value (key order and spacing do not matter). */
	public RecordAssert withRequestPayload(String expectedJson) {
		return hasJson("requestPayload", expectedJson);
	}

	/** {@code responsePayload}, compared as JSON by value. */
	public RecordAssert withResponsePayload(String expectedJson) {
		return hasJson("responsePayload", expectedJson);
	}

	/**
	 * {@code requestPayload} contains {@code expectedJson}: the fields it names have those values, others may
	 * be there too (arrays: same length, element by element). For example
	 * {@code withRequestPayloadContaining("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}")}.
	 */
	public RecordAssert withRequestPayloadContaining(String expectedJson) {
		return containsJson("requestPayload", expectedJson);
	}

	/** {@code responsePayload} contains {@code expectedJson} (see {@link #withRequestPayloadContaining(String)}). */
	public RecordAssert withResponsePayloadContaining(String expectedJson) {
		return containsJson("responsePayload", expectedJson);
	}

	private RecordAssert containsJson(String field, String expectedJson) {
		JsonNode expected = expectedJson(field, expectedJson);
		JsonNode actualValue = record().get(field);
		String mismatch = JsonSubset.firstMismatch(expected, actualValue);
		if (mismatch != null) {
			throw mismatch(field + " containing", Json.write(expected) + " (first difference at " + mismatch + ")",
					actualValue == null ? "absent" : Json.write(actualValue));
		}
		return myself;
	}

	private static JsonNode expectedJson(String field, String expectedJson) {
		try {
			return Json.parse(expectedJson);
		}
		catch (Json.InvalidJsonException e) {
			throw new IllegalArgumentException("The expected " + field + " is not JSON (" + e.getMessage() + "): " + expectedJson);
		}
	}

	private RecordAssert hasJson(String field, String expectedJson) {
		JsonNode expected = expectedJson(field, expectedJson);
		JsonNode actualValue = record().get(field);
		if (!expected.equals(actualValue)) {
			throw mismatch(field, Json.write(expected), actualValue == null ? "absent" : Json.write(actualValue));
		}
		return myself;
	}

	private RecordAssert has(String field, Object expected, Object actualValue) {
		if (!Objects.equals(expected, actualValue)) {
			throw mismatch(field, show(expected), show(actualValue));
		}
		return myself;
	}

	private AssertionError mismatch(String field, String expected, String actualValue) {
		String requestId = text("requestContext", "requestId");
		String where = queueName == null ? "" : " (from queue \"" + queueName + "\")";
		String text = "\nExpecting the invocation record of request " + requestId + where + " to have " + field + "\n  "
				+ expected + "\nbut it was\n  " + actualValue + "\n\nRecord:\n" + Json.writePretty(record())
				+ (sandbox == null ? "" : "\n" + sandbox.timelineOf(requestId));
		return failure("%s", text);
	}

	private JsonNode record() {
		isNotNull();
		if (record == null) {
			throw failure("%s", "\nExpecting an invocation record, but the message body is not one:\n  " + actual.body());
		}
		return record;
	}

	private String text(String object, String field) {
		JsonNode value = record().path(object).path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asText();
	}

	private static String show(Object value) {
		return value == null ? "absent" : value instanceof String ? "\"" + value + "\"" : value.toString();
	}
}
