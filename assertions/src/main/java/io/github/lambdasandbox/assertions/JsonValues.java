package io.github.lambdasandbox.assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** JSON as the assertions compare it: by value, numbers exactly. */
final class JsonValues {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
			.build();

	private JsonValues() {
	}

	/** The value, or null if {@code text} is not JSON. */
	static JsonNode parseOrNull(String text) {
		if (text == null) {
			return null;
		}
		try {
			JsonNode node = MAPPER.readTree(text);
			return node == null || node.isMissingNode() ? null : node;
		}
		catch (JsonProcessingException e) {
			return null;
		}
	}

	/** @throws IllegalArgumentException naming what was expected, if {@code text} is not JSON */
	static JsonNode expected(String what, String text) {
		try {
			JsonNode node = MAPPER.readTree(text);
			if (node == null || node.isMissingNode()) {
				throw new IllegalArgumentException("The expected " + what + " is empty; write it as JSON.");
			}
			return node;
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("The expected " + what + " is not JSON (" + e.getOriginalMessage() + "): " + text);
		}
	}

	static String compact(JsonNode node) {
		try {
			return MAPPER.writeValueAsString(node);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String pretty(JsonNode node) {
		try {
			return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
