package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldHaveValue.shouldHaveValue;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on an invocation record that a queue received. Each failure shows the expected and the actual
 * value (IDEs show the difference), the whole record and the timeline of its request; the handler's last
 * error is attached as the cause.
 *
 * @since 0.1
 */
public class RecordAssert extends AbstractAssert<RecordAssert, SqsMessage> {

	private final JsonNode record;

	private final Sandbox sandbox;

	/** Where the record arrived, for messages: {@code queue "S3-failure"}, {@code topic "alerts"}; or null. */
	private final String from;

	private final AssertionErrorCollector softly;

	public RecordAssert(SqsMessage actual) {
		this(actual, null, null, null);
	}

	/** @param from where the record arrived: {@code queue "S3-failure"}, {@code topic "alerts"}; null if unknown */
	RecordAssert(SqsMessage actual, Sandbox sandbox, String from, AssertionErrorCollector softly) {
		super(actual, RecordAssert.class);
		this.record = actual == null ? null : Records.parse(actual.body());
		this.sandbox = sandbox;
		this.from = from;
		this.softly = softly;
	}

	/** {@code requestContext.condition}, e.g. {@code RETRIES_EXHAUSTED} for {@code "RetriesExhausted"}. */
	public RecordAssert withCondition(Condition expected) {
		return has("condition", expected.awsName(), () -> text("requestContext", "condition"));
	}

	/** {@code requestContext.approximateInvokeCount}: the attempts made. */
	public RecordAssert withApproximateInvokeCount(int expected) {
		return has("approximateInvokeCount", expected, () -> {
			JsonNode count = record.path("requestContext").path("approximateInvokeCount");
			return count.isMissingNode() ? null : count.asInt();
		});
	}

	/** {@code requestContext.requestId}. */
	public RecordAssert withRequestId(String expected) {
		return has("requestId", expected, () -> text("requestContext", "requestId"));
	}

	/**
	 * {@code requestContext.functionArn}: qualified in an asynchronous invocation's record, as the event was sent
	 * ({@code arn:aws:lambda:…:function:name:$LATEST}, {@code …:name:prod}, {@code …:name:2}), unqualified in a stream
	 * mapping's on-failure record.
	 */
	public RecordAssert withFunctionArn(String expected) {
		return has("functionArn", expected, () -> text("requestContext", "functionArn"));
	}

	/**
	 * {@code responseContext.executedVersion}: the version that ran the last attempt, {@code "$LATEST"} or a published
	 * one ({@code "2"}) that the version or alias the event was sent to chose.
	 *
	 * @since 0.3
	 */
	public RecordAssert withExecutedVersion(String expected) {
		return has("executedVersion", expected, () -> text("responseContext", "executedVersion"));
	}

	/**
	 * The {@code batchSize} of a stream mapping's on-failure record ({@code KinesisBatchInfo} or
	 * {@code DDBStreamBatchInfo}).
	 *
	 * @since 0.2
	 */
	public RecordAssert withBatchSize(int expected) {
		return has("batchSize", expected, () -> {
			JsonNode size = batchInfo().path("batchSize");
			return size.isMissingNode() ? null : size.asInt();
		});
	}

	/** The {@code shardId} of a stream mapping's on-failure record. @since 0.2 */
	public RecordAssert withShardId(String expected) {
		return has("shardId", expected, () -> textOf(batchInfo().path("shardId")));
	}

	/** The {@code startSequenceNumber} of a stream mapping's on-failure record: the batch's first record. @since 0.2 */
	public RecordAssert withStartSequenceNumber(String expected) {
		return has("startSequenceNumber", expected, () -> textOf(batchInfo().path("startSequenceNumber")));
	}

	/** The {@code endSequenceNumber} of a stream mapping's on-failure record: the batch's last record. @since 0.2 */
	public RecordAssert withEndSequenceNumber(String expected) {
		return has("endSequenceNumber", expected, () -> textOf(batchInfo().path("endSequenceNumber")));
	}

	private JsonNode batchInfo() {
		return record.has("KinesisBatchInfo") ? record.path("KinesisBatchInfo") : record.path("DDBStreamBatchInfo");
	}

	private static String textOf(JsonNode node) {
		return node.isMissingNode() || node.isNull() ? null : node.asText();
	}

	/** {@code responsePayload.errorMessage}. */
	public RecordAssert withErrorMessage(String expected) {
		return has("errorMessage", expected, () -> text("responsePayload", "errorMessage"));
	}

	/** {@code responsePayload.errorMessage} contains {@code expected}. */
	public RecordAssert withErrorMessageContaining(String expected) {
		if (skipped()) {
			return myself;
		}
		String message = text("responsePayload", "errorMessage");
		if (message == null || !message.contains(expected)) {
			fail("errorMessage containing", show(expected), show(message), expected, message);
		}
		return myself;
	}

	/** {@code responsePayload.errorType}, e.g. {@code "java.lang.RuntimeException"}. */
	public RecordAssert withErrorType(String expected) {
		return has("errorType", expected, () -> text("responsePayload", "errorType"));
	}

	/** {@code responseContext.functionError}: {@code "Unhandled"} after a failure, absent ({@code null}) after a success. */
	public RecordAssert withFunctionError(String expected) {
		return has("functionError", expected, () -> text("responseContext", "functionError"));
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
		JsonNode expected = JsonValues.expected(field, expectedJson);
		if (skipped()) {
			return myself;
		}
		JsonNode actualValue = record.get(field);
		String mismatch = JsonSubset.firstMismatch(expected, actualValue);
		if (mismatch != null) {
			String actualText = actualValue == null ? "absent" : JsonValues.compact(actualValue);
			fail(field + " containing", JsonValues.compact(expected) + " (first difference at " + mismatch + ")", actualText,
					JsonValues.pretty(expected), actualValue == null ? null : JsonValues.pretty(actualValue));
		}
		return myself;
	}

	private RecordAssert hasJson(String field, String expectedJson) {
		JsonNode expected = JsonValues.expected(field, expectedJson);
		if (skipped()) {
			return myself;
		}
		JsonNode actualValue = record.get(field);
		if (!expected.equals(actualValue)) {
			fail(field, JsonValues.compact(expected), actualValue == null ? "absent" : JsonValues.compact(actualValue),
					JsonValues.pretty(expected), actualValue == null ? null : JsonValues.pretty(actualValue));
		}
		return myself;
	}

	private RecordAssert has(String field, Object expected, java.util.function.Supplier<Object> actualValue) {
		if (skipped()) {
			return myself;
		}
		Object value = actualValue.get();
		if (!Objects.equals(expected, value)) {
			fail(field, show(expected), show(value), expected, value);
		}
		return myself;
	}

	/** A record that a soft {@code receivesRecord()} did not find: its checks have nothing to check. */
	private boolean skipped() {
		if (actual == null && softly != null) {
			return true;
		}
		isNotNull();
		if (record == null) {
			AssertionError error = failure("%nExpecting an invocation record, but the message body is not one:%n  %s",
					QueueAssert.abbreviate(actual.body()));
			report(error);
			return true;
		}
		return false;
	}

	private void fail(String field, String expectedShown, String actualShown, Object expected, Object actualValue) {
		String requestId = text("requestContext", "requestId");
		String subject = "the invocation record of request " + requestId + (from == null ? "" : " (from " + from + ")");
		String evidence = "Record:\n" + JsonValues.pretty(record) + Evidence.ofRequest(sandbox, requestId);
		String message = shouldHaveValue(subject, field, expectedShown, actualShown, evidence).create();
		AssertionError error = failureWithActualExpected(actualValue, expected, "%s", message);
		if (sandbox != null) {
			String function = functionOf(text("requestContext", "functionArn"));
			if (function != null) {
				try {
					sandbox.function(function).lastError().ifPresent(error::initCause);
				}
				catch (IllegalArgumentException | IllegalStateException noSuchFunction) {
					// a record of another sandbox's function: no cause to attach
				}
			}
		}
		report(error);
	}

	private void report(AssertionError error) {
		if (softly != null) {
			softly.collectAssertionError(error);
			return;
		}
		throw error;
	}

	/** {@code arn:aws:lambda:r:a:function:name[:qualifier]} → name. */
	private static String functionOf(String functionArn) {
		if (functionArn == null) {
			return null;
		}
		String[] parts = functionArn.split(":");
		return parts.length >= 7 ? parts[6] : null;
	}

	private String text(String object, String field) {
		JsonNode value = record.path(object).path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asText();
	}

	private static String show(Object value) {
		return value == null ? "absent" : value instanceof String ? "\"" + value + "\"" : value.toString();
	}
}
