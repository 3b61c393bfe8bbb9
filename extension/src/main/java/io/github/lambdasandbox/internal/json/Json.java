package io.github.lambdasandbox.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
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
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
			.build();

	private static final JsonFactory FACTORY = MAPPER.getFactory();

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

	/**
	 * Checks that {@code json} is exactly one JSON value, without building it.
	 *
	 * @throws InvalidJsonException with Jackson's first message line
	 */
	public static void validate(String json) {
		try (JsonParser parser = FACTORY.createParser(json)) {
			if (parser.nextToken() == null) {
				throw new InvalidJsonException("No content to map due to end-of-input");
			}
			parser.skipChildren();
			JsonToken trailing = parser.nextToken();
			if (trailing != null) {
				throw new InvalidJsonException("Trailing token (of type " + trailing + ") found after value");
			}
		}
		catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
			throw new InvalidJsonException("the payload is nested deeper than "
					+ com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels");
		}
		catch (JsonProcessingException e) {
			throw new InvalidJsonException(e.getOriginalMessage());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether {@code text} is one JSON value. */
	public static boolean isJson(String text) {
		try {
			validate(text);
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

	/** {@code text} as a JSON string literal. */
	public static String quote(String text) {
		return write(out -> out.writeString(text));
	}

	/** What a document writer writes. */
	@FunctionalInterface
	public interface Writing {

		void write(JsonGenerator out) throws IOException;
	}

	/** A document written with a streaming generator: no tree in between. */
	public static String write(Writing writing) {
		SegmentedStringWriter text = new SegmentedStringWriter(FACTORY._getBufferRecycler());
		try {
			try (JsonGenerator out = FACTORY.createGenerator(text)) {
				writing.write(out);
			}
			return text.getAndClear();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
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
