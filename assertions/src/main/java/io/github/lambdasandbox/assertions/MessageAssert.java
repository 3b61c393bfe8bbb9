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

	private final String queueName;

	private final AssertionErrorCollector softly;

	public MessageAssert(SqsMessage actual) {
		this(actual, null, null, null);
	}

	MessageAssert(SqsMessage actual, Sandbox sandbox, String queueName, AssertionErrorCollector softly) {
		super(actual, MessageAssert.class);
		this.sandbox = sandbox;
		this.queueName = queueName;
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
		String where = queueName == null ? "" : " from queue \"" + queueName + "\"";
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
