package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldHaveValue.shouldHaveValue;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on a message that a queue received, such as a dead-letter message:
 *
 * <pre>{@code
 * assertThat(queue("lambda-DLQ")).receivesMessage()
 *     .withBody("{\"key1\": \"value1\"}")
 *     .withAttribute("ErrorCode", "200")
 *     .withAttribute("ErrorMessage", "Something went wrong!");
 * }</pre>
 *
 * @since 0.1
 */
public class MessageAssert extends AbstractAssert<MessageAssert, SqsMessage> {

	private final Sandbox sandbox;

	/** Where the message arrived, for messages: {@code queue "lambda-DLQ"}, {@code topic "alerts"}; or null. */
	private final String from;

	private final AssertionErrorCollector softly;

	public MessageAssert(SqsMessage actual) {
		this(actual, null, null, null);
	}

	/** @param from where the message arrived: {@code queue "lambda-DLQ"}, {@code topic "alerts"}; null if unknown */
	MessageAssert(SqsMessage actual, Sandbox sandbox, String from, AssertionErrorCollector softly) {
		super(actual, MessageAssert.class);
		this.sandbox = sandbox;
		this.from = from;
		this.softly = softly;
	}

	/**
	 * The body: compared as JSON by value when both are JSON (spacing and key order do not matter), as text
	 * otherwise.
	 */
	public MessageAssert withBody(String expected) {
		if (skipped()) {
			return myself;
		}
		if (!sameBody(expected, actual.body())) {
			fail("body", expected, actual.body());
		}
		return myself;
	}

	/** The string value of a message attribute, e.g. {@code withAttribute("ErrorCode", "200")}. */
	public MessageAssert withAttribute(String name, String expected) {
		if (skipped()) {
			return myself;
		}
		String value = actual.attribute(name);
		if (!Objects.equals(expected, value)) {
			fail("attribute " + name, expected, value);
		}
		return myself;
	}

	/**
	 * The {@code Subject} of a message published to a topic ({@code null}: none, as Lambda's destinations publish); a
	 * queue's messages have none.
	 *
	 * @since 0.3
	 */
	public MessageAssert withSubject(String expected) {
		if (skipped()) {
			return myself;
		}
		String subject = actual instanceof Published published ? published.subject() : null;
		if (!Objects.equals(expected, subject)) {
			fail("subject", expected, subject);
		}
		return myself;
	}

	private boolean skipped() {
		if (actual == null && softly != null) {
			return true;
		}
		isNotNull();
		return false;
	}

	private static boolean sameBody(String expected, String actualBody) {
		if (Objects.equals(expected, actualBody)) {
			return true;
		}
		JsonNode a = JsonValues.parseOrNull(expected);
		return a != null && a.equals(JsonValues.parseOrNull(actualBody));
	}

	private void fail(String what, String expected, String actualValue) {
		String where = from == null ? "" : " from " + from;
		String requestId = actual.attribute("RequestID");
		String evidence = "Message:\n  body: " + QueueAssert.abbreviate(actual.body()) + "\n  attributes: " + actual.attributes()
				+ Evidence.ofRequest(sandbox, requestId);
		String message = shouldHaveValue("the message " + actual.messageId() + where, what, show(expected), show(actualValue),
				evidence).create();
		AssertionError error = failureWithActualExpected(actualValue, expected, "%s", message);
		if (softly != null) {
			softly.collectAssertionError(error);
			return;
		}
		throw error;
	}

	private static String show(String value) {
		return value == null ? "absent" : "\"" + value + "\"";
	}
}
