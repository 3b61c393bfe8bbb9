package io.github.lambdasandbox.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.internal.json.Json;

/** Reading invocation records. */
final class Records {

	private Records() {
	}

	/** The record, or null if {@code body} is not an invocation record. */
	static JsonNode parse(String body) {
		try {
			JsonNode node = Json.parse(body);
			return node.isObject() && node.path("requestContext").has("condition") ? node : null;
		}
		catch (Json.InvalidJsonException e) {
			return null;
		}
	}

	static String condition(String body) {
		JsonNode record = parse(body);
		return record == null ? null : record.path("requestContext").path("condition").asText();
	}
}
