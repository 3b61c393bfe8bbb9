package io.github.lambdasandbox.internal.json;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one place JSON is read and written: compact, key order kept, numbers kept as written. */
public final class Json {

	private static final ObjectMapper MAPPER = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
			.build();

	private Json() {
	}

	/** @throws InvalidJsonException with Jackson's first message line */
	public static JsonNode parse(String json) {
		try {
			JsonNode node = MAPPER.readTree(json);
			if (node == null || node.isMissingNode()) {
				throw new InvalidJsonException("No content to map due to end-of-input");
			}
			return node;
		}
		catch (JsonProcessingException e) {
			throw new InvalidJsonException(e.getOriginalMessage());
		}
	}

	public static JsonNode parse(byte[] json) {
		return parse(new String(json, StandardCharsets.UTF_8));
	}

	/** Whether {@code text} is one JSON value. */
	public static boolean isJson(String text) {
		try {
			parse(text);
			return true;
		}
		catch (InvalidJsonException e) {
			return false;
		}
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	public static String write(JsonNode node) {
		try {
			return MAPPER.writeValueAsString(node);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String writePretty(JsonNode node) {
		try {
			return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Thrown for text that is not JSON. */
	public static final class InvalidJsonException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidJsonException(String message) {
			super(message);
		}
	}
}
