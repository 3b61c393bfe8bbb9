package io.github.lambdasandbox.awssdk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.github.lambdasandbox.internal.aws.AwsServiceException;

/**
 * The AWS JSON 1.0 / 1.1 protocols (and their CBOR form, which Kinesis clients send unless {@code aws.cborEnabled} is
 * false): the operation in {@code X-Amz-Target}, the input as a JSON document, the output too, with the request id in
 * {@code x-amzn-RequestId}; an error is {@code {"__type": "…", "message": "…"}}. A response is written in the form
 * of its request.
 */
final class AwsJson {

	static final ObjectMapper JSON = new ObjectMapper();

	static final ObjectMapper CBOR = new CBORMapper();

	static final String CBOR_CONTENT_TYPE = "application/x-amz-cbor-1.1";

	private AwsJson() {
	}

	/** The operation named by {@code X-Amz-Target: AmazonSQS.SendMessage}. */
	static String operation(Request request) {
		String target = request.target().orElseThrow();
		return target.substring(target.indexOf('.') + 1);
	}

	static boolean isCbor(Request request) {
		String contentType = request.header("Content-Type");
		return contentType != null && contentType.startsWith("application/x-amz-cbor");
	}

	/** @throws AwsServiceException {@code SerializationException} 400 if the body is not a document */
	static JsonNode read(Request request) {
		if (request.body().length == 0) {
			return JSON.createObjectNode();
		}
		try {
			JsonNode input = (isCbor(request) ? CBOR : JSON).readTree(request.body());
			if (input == null || !input.isObject()) {
				throw new IOException("not an object");
			}
			return input;
		}
		catch (IOException e) {
			throw new AwsServiceException(400, "SerializationException", "Start of structure or map found where not expected.");
		}
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	static ArrayNode array() {
		return JSON.createArrayNode();
	}

	/** A text field, or null when absent or null. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	static Integer integer(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asInt();
	}

	/** Binary data: a byte string in CBOR, base64 text in JSON. */
	static byte[] bytes(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return value.binaryValue();
		}
		catch (IOException e) {
			throw new AwsServiceException(400, "SerializationException", "Invalid base64: \"" + value.asText() + "\"");
		}
	}

	static List<String> texts(JsonNode node, String field) {
		List<String> texts = new ArrayList<>();
		JsonNode values = node.get(field);
		if (values != null) {
			values.forEach(value -> texts.add(value.asText()));
		}
		return texts;
	}

	/** A member holding a document (DynamoDB's items and keys), as JSON text; null when absent. */
	static String document(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.toString();
	}

	/** JSON text as a node (DynamoDB's items, which the services give as text). */
	static JsonNode parse(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("The sandbox answered with JSON that is not valid: " + json, e);
		}
	}

	static Response ok(Request request, JsonNode output) {
		return respond(request, Response.status(200), output);
	}

	/** An error: {@code __type} (the code, with the service's namespace where it writes one) and {@code message}. */
	static Response error(Request request, AwsServiceException e, String type) {
		ObjectNode body = object().put("__type", type).put("message", e.getMessage());
		return respond(request, Response.status(e.statusCode()), body);
	}

	static Response respond(Request request, Response response, JsonNode output) {
		response.header("x-amzn-RequestId", RequestIds.uuid());
		try {
			if (isCbor(request)) {
				return response.body(CBOR_CONTENT_TYPE, CBOR.writeValueAsBytes(output));
			}
			String contentType = request.header("Content-Type");
			return response.body(contentType != null ? contentType : "application/x-amz-json-1.0", JSON.writeValueAsBytes(output));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write " + output, e);
		}
	}
}
