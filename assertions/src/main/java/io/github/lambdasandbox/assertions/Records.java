package io.github.lambdasandbox.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.SqsMessage;

/** Reading invocation records. */
final class Records {

	private Records() {
	}

	/** The record, or null if {@code body} is not an invocation record. */
	static JsonNode parse(String body) {
		JsonNode node = JsonValues.parseOrNull(body);
		return node != null && node.isObject() && node.path("requestContext").has("condition") ? node : null;
	}

	static boolean isRecord(SqsMessage message) {
		return parse(message.body()) != null;
	}

	static String condition(String body) {
		JsonNode record = parse(body);
		return record == null ? null : record.path("requestContext").path("condition").asText();
	}
}
