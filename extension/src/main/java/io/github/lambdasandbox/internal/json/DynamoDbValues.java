package io.github.lambdasandbox.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * DynamoDB's typed JSON ({@code {"id":{"S":"x"}}}) from and to plain JSON, and the sizes DynamoDB gives items.
 *
 * <p>Plain to typed: string → {@code S}, number → {@code N} with the number's text as written ({@code 1.50} stays
 * {@code "1.50"}; DynamoDB itself trims leading and trailing zeros when it stores a number, a step for the table,
 * not this converter), {@code true}/{@code false} → {@code BOOL}, {@code null} → {@code {"NULL":true}}, array →
 * {@code L}, object → {@code M}. The AWS SDK's converters differ (the v2 enhanced client's {@code EnhancedDocument}
 * also maps null to {@code NULL}, but the v1 {@code ItemUtils} reads numbers as {@code BigDecimal} and rewrites
 * them; none of them makes sets from arrays): this one never makes sets or binaries, and keeps number text, so
 * typed to plain gives back the same JSON.
 *
 * <p>Typed to plain also reads what plain JSON cannot make: {@code B} → its base64 text, {@code SS}, {@code NS},
 * {@code BS} → arrays.
 */
public final class DynamoDbValues {

	private static final JsonFactory FACTORY = new JsonFactory();

	private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

	private DynamoDbValues() {
	}

	/**
	 * A plain JSON object as a typed item.
	 *
	 * @throws IllegalArgumentException if {@code plainJson} is not one JSON object
	 */
	public static String typedItem(String plainJson) {
		return convert(plainJson, true);
	}

	/**
	 * A plain JSON value as one typed value, e.g. {@code "x"} → {@code {"S":"x"}}.
	 *
	 * @throws IllegalArgumentException if {@code plainJson} is not one JSON value
	 */
	public static String typedValue(String plainJson) {
		return convert(plainJson, false);
	}

	/** A typed item as a plain JSON object. @throws IllegalArgumentException if it is not a typed item */
	public static String plainItem(String typedItemJson) {
		JsonNode item = parse(typedItemJson);
		if (!item.isObject()) {
			throw new IllegalArgumentException("A typed item is a JSON object: " + typedItemJson);
		}
		return Json.write(out -> writePlainMap(out, item));
	}

	/** One typed value as plain JSON. @throws IllegalArgumentException if it is not a typed value */
	public static String plainValue(String typedValueJson) {
		JsonNode value = parse(typedValueJson);
		return Json.write(out -> writePlain(out, value));
	}

	/**
	 * The size DynamoDB gives a typed item (DOC "DynamoDB item sizes and formats"): the sum, over its attributes,
	 * of the name's UTF-8 length and the value's {@linkplain #valueSize size}.
	 */
	public static int itemSize(String typedItemJson) {
		JsonNode item = parse(typedItemJson);
		if (!item.isObject()) {
			throw new IllegalArgumentException("A typed item is a JSON object: " + typedItemJson);
		}
		return mapSize(item);
	}

	/**
	 * The size of one typed value (DOC "DynamoDB item sizes and formats"): {@code S} its UTF-8 length; {@code N}
	 * one byte per two significant digits, rounded up, plus one; {@code B} its raw bytes; {@code BOOL} and
	 * {@code NULL} one byte; {@code L} and {@code M} three bytes of overhead plus, per element, one byte, the
	 * element's size and, in a map, its name's UTF-8 length; sets the sum of their elements.
	 */
	public static int valueSize(JsonNode typedValue) {
		Map.Entry<String, JsonNode> typed = single(typedValue);
		JsonNode value = typed.getValue();
		return switch (typed.getKey()) {
			case "S" -> utf8Length(value.asText());
			case "N" -> numberSize(value.asText());
			case "B" -> Base64.getDecoder().decode(value.asText()).length;
			case "BOOL", "NULL" -> 1;
			case "L" -> {
				int size = 3;
				for (JsonNode element : value) {
					size += 1 + valueSize(element);
				}
				yield size;
			}
			case "M" -> {
				int size = 3;
				for (Map.Entry<String, JsonNode> field : value.properties()) {
					size += 1 + utf8Length(field.getKey()) + valueSize(field.getValue());
				}
				yield size;
			}
			case "SS" -> {
				int size = 0;
				for (JsonNode element : value) {
					size += utf8Length(element.asText());
				}
				yield size;
			}
			case "NS" -> {
				int size = 0;
				for (JsonNode element : value) {
					size += numberSize(element.asText());
				}
				yield size;
			}
			case "BS" -> {
				int size = 0;
				for (JsonNode element : value) {
					size += Base64.getDecoder().decode(element.asText()).length;
				}
				yield size;
			}
			default -> throw new IllegalArgumentException("Unknown DynamoDB type " + typed.getKey());
		};
	}

	/** The size of a number: ⌈significant digits / 2⌉ + 1, leading and trailing zeros not counted. */
	public static int numberSize(String number) {
		int digits;
		try {
			digits = new BigDecimal(number).stripTrailingZeros().precision();
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Not a number: " + number, e);
		}
		return (digits + 1) / 2 + 1;
	}

	static int mapSize(JsonNode item) {
		int size = 0;
		for (Map.Entry<String, JsonNode> attribute : item.properties()) {
			size += utf8Length(attribute.getKey()) + valueSize(attribute.getValue());
		}
		return size;
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static String convert(String plainJson, boolean item) {
		try (JsonParser in = FACTORY.createParser(plainJson)) {
			JsonToken first = in.nextToken();
			if (first == null) {
				throw new IllegalArgumentException("No JSON value");
			}
			if (item && first != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("An item is a JSON object: " + plainJson);
			}
			String typed = Json.write(out -> {
				if (item) {
					writeTypedFields(in, out);
				}
				else {
					writeTyped(in, out);
				}
			});
			if (in.nextToken() != null) {
				throw new IllegalArgumentException("More than one JSON value: " + plainJson);
			}
			return typed;
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
		}
		catch (UncheckedIOException e) {
			if (e.getCause() instanceof JsonProcessingException cause) {
				throw new IllegalArgumentException("Not JSON: " + cause.getOriginalMessage(), cause);
			}
			throw e;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The value at the parser's current token, typed. */
	private static void writeTyped(JsonParser in, JsonGenerator out) throws IOException {
		out.writeStartObject();
		switch (in.currentToken()) {
			case VALUE_STRING -> out.writeStringField("S", in.getText());
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeStringField("N", in.getText());
			case VALUE_TRUE -> out.writeBooleanField("BOOL", true);
			case VALUE_FALSE -> out.writeBooleanField("BOOL", false);
			case VALUE_NULL -> out.writeBooleanField("NULL", true);
			case START_ARRAY -> {
				out.writeArrayFieldStart("L");
				while (in.nextToken() != JsonToken.END_ARRAY) {
					writeTyped(in, out);
				}
				out.writeEndArray();
			}
			case START_OBJECT -> {
				out.writeFieldName("M");
				writeTypedFields(in, out);
			}
			default -> throw new IllegalArgumentException("Unexpected JSON token " + in.currentToken());
		}
		out.writeEndObject();
	}

	/** The fields of the object whose start is the parser's current token, as a typed map. */
	private static void writeTypedFields(JsonParser in, JsonGenerator out) throws IOException {
		out.writeStartObject();
		while (in.nextToken() == JsonToken.FIELD_NAME) {
			out.writeFieldName(in.currentName());
			in.nextToken();
			writeTyped(in, out);
		}
		out.writeEndObject();
	}

	private static void writePlain(JsonGenerator out, JsonNode typedValue) throws IOException {
		Map.Entry<String, JsonNode> typed = single(typedValue);
		JsonNode value = typed.getValue();
		switch (typed.getKey()) {
			case "S", "B" -> out.writeString(value.asText());
			case "N" -> out.writeNumber(checkedNumber(value.asText()));
			case "BOOL" -> out.writeBoolean(value.asBoolean());
			case "NULL" -> out.writeNull();
			case "L" -> {
				out.writeStartArray();
				for (JsonNode element : value) {
					writePlain(out, element);
				}
				out.writeEndArray();
			}
			case "M" -> writePlainMap(out, value);
			case "SS", "BS" -> {
				out.writeStartArray();
				for (JsonNode element : value) {
					out.writeString(element.asText());
				}
				out.writeEndArray();
			}
			case "NS" -> {
				out.writeStartArray();
				for (JsonNode element : value) {
					out.writeNumber(checkedNumber(element.asText()));
				}
				out.writeEndArray();
			}
			default -> throw new IllegalArgumentException("Unknown DynamoDB type " + typed.getKey());
		}
	}

	private static void writePlainMap(JsonGenerator out, JsonNode map) throws IOException {
		out.writeStartObject();
		for (Map.Entry<String, JsonNode> field : map.properties()) {
			out.writeFieldName(field.getKey());
			writePlain(out, field.getValue());
		}
		out.writeEndObject();
	}

	/** The number's text, written raw: it must be a JSON number. */
	private static String checkedNumber(String text) {
		if (!JSON_NUMBER.matcher(text).matches()) {
			throw new IllegalArgumentException("Not a number: " + text);
		}
		return text;
	}

	private static Map.Entry<String, JsonNode> single(JsonNode typedValue) {
		if (typedValue == null || !typedValue.isObject() || typedValue.size() != 1) {
			throw new IllegalArgumentException("A typed value is an object with one type: " + typedValue);
		}
		return typedValue.properties().iterator().next();
	}

	private static JsonNode parse(String json) {
		try {
			return Json.parse(json);
		}
		catch (Json.InvalidJsonException e) {
			throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
		}
	}
}
