package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldHaveValue.shouldHaveValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Sandbox;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on an event that an EventBridge bus received, as the bus's rule targets receive it
 * ({@code {"version":"0","id":…,"detail-type":…,"source":…,"account":…,"time":…,"region":…,"resources":[…],
 * "detail":{…}}}). Each failure shows the expected and the actual value, the event, and the timeline of the request
 * whose outcome it is, if it is a Lambda destination's event.
 *
 * <pre>{@code
 * assertThat(eventBus("default")).receivesEvent()
 *     .withDetailType("Lambda Function Invocation Result - Failure")
 *     .withSource("lambda")
 *     .withDetailContaining("{\"requestContext\": {\"condition\": \"RetriesExhausted\"}}");
 * }</pre>
 *
 * @since 0.3
 */
public class EventAssert extends AbstractAssert<EventAssert, String> {

	private final JsonNode event;

	private final Sandbox sandbox;

	private final String busName;

	private final AssertionErrorCollector softly;

	/** @param actual the event, as JSON */
	public EventAssert(String actual) {
		this(actual, null, null, null);
	}

	EventAssert(String actual, Sandbox sandbox, String busName, AssertionErrorCollector softly) {
		super(actual, EventAssert.class);
		this.event = actual == null ? null : Events.parse(actual);
		this.sandbox = sandbox;
		this.busName = busName;
		this.softly = softly;
	}

	/** {@code detail-type}, e.g. {@code "Lambda Function Invocation Result - Failure"}. */
	public EventAssert withDetailType(String expected) {
		return has("detail-type", expected);
	}

	/** {@code source}, e.g. {@code "lambda"} for a Lambda destination's events. */
	public EventAssert withSource(String expected) {
		return has("source", expected);
	}

	/** {@code id}. */
	public EventAssert withId(String expected) {
		return has("id", expected);
	}

	/** {@code resources}, in order. */
	public EventAssert withResources(String... expected) {
		if (skipped()) {
			return myself;
		}
		List<String> resources = new ArrayList<>();
		event.path("resources").forEach(resource -> resources.add(resource.asText()));
		if (!resources.equals(List.of(expected))) {
			fail("resources", List.of(expected).toString(), resources.toString(), List.of(expected), resources);
		}
		return myself;
	}

	/** {@code detail}, compared as JSON by value (key order and spacing do not matter). */
	public EventAssert withDetail(String expectedJson) {
		JsonNode expected = JsonValues.expected("detail", expectedJson);
		if (skipped()) {
			return myself;
		}
		JsonNode detail = event.get("detail");
		if (!expected.equals(detail)) {
			fail("detail", JsonValues.compact(expected), detail == null ? "absent" : JsonValues.compact(detail),
					JsonValues.pretty(expected), detail == null ? null : JsonValues.pretty(detail));
		}
		return myself;
	}

	/**
	 * {@code detail} contains {@code expectedJson}: the fields it names have those values, others may be there too
	 * (arrays: same length, element by element).
	 */
	public EventAssert withDetailContaining(String expectedJson) {
		JsonNode expected = JsonValues.expected("detail", expectedJson);
		if (skipped()) {
			return myself;
		}
		JsonNode detail = event.get("detail");
		String mismatch = JsonSubset.firstMismatch(expected, detail);
		if (mismatch != null) {
			fail("detail containing", JsonValues.compact(expected) + " (first difference at " + mismatch + ")",
					detail == null ? "absent" : JsonValues.compact(detail), JsonValues.pretty(expected),
					detail == null ? null : JsonValues.pretty(detail));
		}
		return myself;
	}

	/**
	 * The {@code detail} as an invocation record, for the events of a Lambda function's EventBridge destination:
	 * {@code .detailAsRecord().withCondition(RETRIES_EXHAUSTED).withApproximateInvokeCount(3)}.
	 */
	public RecordAssert detailAsRecord() {
		if (actual == null && softly != null) {
			return new RecordAssert(null, sandbox, null, softly);
		}
		isNotNull();
		JsonNode detail = event == null ? null : event.get("detail");
		String id = event == null ? null : event.path("id").asText();
		return new RecordAssert(new Published(id, detail == null ? actual : JsonValues.compact(detail), null, Map.of(),
				null), sandbox, busName == null ? null : "event bus \"" + busName + "\"", softly);
	}

	private EventAssert has(String field, String expected) {
		if (skipped()) {
			return myself;
		}
		JsonNode value = event.get(field);
		String text = value == null || value.isNull() ? null : value.asText();
		if (!Objects.equals(expected, text)) {
			fail(field, show(expected), show(text), expected, text);
		}
		return myself;
	}

	/** An event that a soft {@code receivesEvent()} did not find: its checks have nothing to check. */
	private boolean skipped() {
		if (actual == null && softly != null) {
			return true;
		}
		isNotNull();
		if (event == null) {
			Waiting.report(failure("%nExpecting an EventBridge event, but this is not one:%n  %s", Waiting.abbreviate(actual)),
					null, softly);
			return true;
		}
		return false;
	}

	private void fail(String field, String expectedShown, String actualShown, Object expected, Object actualValue) {
		String subject = "the event " + event.path("id").asText() + (busName == null ? "" : " (on event bus \"" + busName
				+ "\")");
		String requestId = event.at("/detail/requestContext/requestId").asText(null);
		String evidence = "Event:\n" + JsonValues.pretty(event) + Evidence.ofRequest(sandbox, requestId);
		String message = shouldHaveValue(subject, field, expectedShown, actualShown, evidence).create();
		Waiting.report(failureWithActualExpected(actualValue, expected, "%s", message), null, softly);
	}

	private static String show(String value) {
		return value == null ? "absent" : "\"" + value + "\"";
	}
}
