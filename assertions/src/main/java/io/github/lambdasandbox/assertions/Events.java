package io.github.lambdasandbox.assertions;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading EventBridge events: {@code {"version":"0","id":…,"detail-type":…,"source":…,…,"detail":{…}}}. */
final class Events {

	private Events() {
	}

	/** The event, or null if {@code event} is not a JSON object. */
	static JsonNode parse(String event) {
		JsonNode node = JsonValues.parseOrNull(event);
		return node != null && node.isObject() ? node : null;
	}

	/** {@code 1f2e… (detail-type "Order Placed", source "shop")}, for messages. */
	static String describe(String event) {
		JsonNode node = parse(event);
		if (node == null) {
			return Waiting.abbreviate(event);
		}
		return node.path("id").asText() + " (detail-type \"" + node.path("detail-type").asText() + "\", source \""
				+ node.path("source").asText() + "\")";
	}
}
