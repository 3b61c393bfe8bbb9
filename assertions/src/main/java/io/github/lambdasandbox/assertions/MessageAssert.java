package io.github.lambdasandbox.assertions;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import io.github.lambdasandbox.internal.json.Json;
import org.assertj.core.api.AbstractAssert;

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

	private final SandboxEngine sandbox;

	private final String queueName;

	public MessageAssert(SqsMessage actual) {
		this(actual, null, null);
	}

	MessageAssert(SqsMessage actual, SandboxEngine sandbox, String queueName) {
		super(actual, MessageAssert.class);
		this.sandbox = sandbox;
		this.queueName = queueName;
	}

	/**
	 * The body: compared as JSON by value when both are JSON (spacing and key order do not matter), as text
	 * otherwise.
	 */
	public MessageAssert withBody(String expected) {
		isNotNull();
		if (!sameBody(expected, actual.body())) {
			throw mismatch("body", expected, actual.body());
		}
		return myself;
	}

	/** The string value of a message attribute, e.g. {@code withAttribute("ErrorCode", "200")}. */
	public MessageAssert withAttribute(String name, String expected) {
		isNotNull();
		String value = actual.attribute(name);
		if (!Objects.equals(expected, value)) {
			throw mismatch("attribute " + name, expected, value);
		}
		return myself;
	}

	private static boolean sameBody(String expected, String actualBody) {
		if (Objects.equals(expected, actualBody)) {
			return true;
		}
		if (expected == null || actualBody == null || !Json.isJson(expected) || !Json.isJson(actualBody)) {
			return false;
		}
		JsonNode a = Json.parse(expected);
		return a.equals(Json.parse(actualBody));
	}

	private AssertionError mismatch(String what, String expected, String actualValue) {
		String where = queueName == null ? "" : " from queue \"" + queueName + "\"";
		String requestId = actual.attribute("RequestID");
		String text = "\nExpecting the message " + actual.messageId() + where + " to have " + what + "\n  "
				+ show(expected) + "\nbut it was\n  " + show(actualValue) + "\n\nMessage:\n  body: " + actual.body()
				+ "\n  attributes: " + actual.attributes()
				+ (sandbox != null && requestId != null ? "\n" + sandbox.timelineOf(requestId) : "");
		return failure("%s", text);
	}

	private static String show(String value) {
		return value == null ? "absent" : "\"" + value + "\"";
	}
}
