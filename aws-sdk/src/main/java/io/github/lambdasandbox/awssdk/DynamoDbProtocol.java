package io.github.lambdasandbox.awssdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/**
 * DynamoDB's JSON 1.0 protocol ({@code X-Amz-Target: DynamoDB_20120810.PutItem}). Every response carries
 * {@code x-amz-crc32}, the CRC32 of its body, which the SDK checks; errors name their shape in DynamoDB's namespace
 * ({@code com.amazonaws.dynamodb.v20120810#ResourceNotFoundException}).
 */
final class DynamoDbProtocol implements Protocol {

	private static final String ERROR_NAMESPACE = "com.amazonaws.dynamodb.v20120810#";

	/** Parameters the sandbox does not apply, by operation: answering without them would differ from DynamoDB. */
	private static final Map<String, List<String>> UNSUPPORTED_PARAMETERS = Map.of(
			"PutItem", List.of("ConditionExpression", "Expected", "ConditionalOperator"),
			"GetItem", List.of("ProjectionExpression", "AttributesToGet"),
			"UpdateItem", List.of("ConditionExpression", "Expected", "ConditionalOperator", "AttributeUpdates"),
			"DeleteItem", List.of("ConditionExpression", "Expected", "ConditionalOperator"),
			"Query", List.of("IndexName", "FilterExpression", "ProjectionExpression", "ExclusiveStartKey", "KeyConditions",
					"QueryFilter", "AttributesToGet", "ConditionalOperator"));

	private static final Set<String> OPERATIONS = UNSUPPORTED_PARAMETERS.keySet();

	@Override
	public String operation(Request request) {
		String operation = AwsJson.operation(request);
		if (!OPERATIONS.contains(operation)) {
			throw Unsupported.operation("DynamoDB", operation);
		}
		return operation;
	}

	@Override
	public Response handle(String operation, Request request, AwsServices services) {
		Response response;
		try {
			JsonNode in = AwsJson.read(request);
			checkParameters(operation, in);
			AwsServices.DynamoDb dynamoDb = services.dynamoDb();
			String table = AwsJson.text(in, "TableName");
			String returnValues = AwsJson.text(in, "ReturnValues");
			ObjectNode out = AwsJson.object();
			switch (operation) {
				case "PutItem" -> attributes(out,
						dynamoDb.putItem(table, AwsJson.document(in, "Item"), "ALL_OLD".equals(returnValues)));
				case "GetItem" -> dynamoDb.getItem(table, AwsJson.document(in, "Key"))
					.ifPresent(item -> out.set("Item", AwsJson.parse(item)));
				case "UpdateItem" -> attributes(out, dynamoDb.updateItem(table, AwsJson.document(in, "Key"),
						AwsJson.text(in, "UpdateExpression"), names(in), AwsJson.document(in, "ExpressionAttributeValues"),
						returnValues == null ? "NONE" : returnValues));
				case "DeleteItem" -> attributes(out,
						dynamoDb.deleteItem(table, AwsJson.document(in, "Key"), "ALL_OLD".equals(returnValues)));
				case "Query" -> {
					JsonNode forward = in.get("ScanIndexForward");
					List<String> items = dynamoDb.query(table, AwsJson.text(in, "KeyConditionExpression"), names(in),
							AwsJson.document(in, "ExpressionAttributeValues"), forward == null || forward.asBoolean(),
							AwsJson.integer(in, "Limit"));
					ArrayNode list = out.putArray("Items");
					items.forEach(item -> list.add(AwsJson.parse(item)));
					out.put("Count", items.size()).put("ScannedCount", items.size());
				}
				default -> throw new IllegalStateException("DynamoDB " + operation + " has no handler");
			}
			response = AwsJson.ok(request, out);
		}
		catch (AwsServiceException e) {
			response = AwsJson.error(request, e, ERROR_NAMESPACE + e.errorCode());
		}
		return response.header("x-amz-crc32", Long.toString(Checksums.crc32(response.body())));
	}

	private static void checkParameters(String operation, JsonNode in) {
		for (String parameter : UNSUPPORTED_PARAMETERS.get(operation)) {
			if (in.has(parameter)) {
				throw Unsupported.parameter("DynamoDB", operation, parameter);
			}
		}
		for (String parameter : List.of("ReturnConsumedCapacity", "ReturnItemCollectionMetrics")) {
			String value = AwsJson.text(in, parameter);
			if (value != null && !value.equals("NONE")) {
				throw Unsupported.parameter("DynamoDB", operation, parameter + " " + value);
			}
		}
		String select = AwsJson.text(in, "Select");
		if (select != null && !select.equals("ALL_ATTRIBUTES")) {
			throw Unsupported.parameter("DynamoDB", operation, "Select " + select);
		}
	}

	private static void attributes(ObjectNode out, Optional<String> attributes) {
		attributes.ifPresent(item -> out.set("Attributes", AwsJson.parse(item)));
	}

	private static Map<String, String> names(JsonNode in) {
		Map<String, String> names = new LinkedHashMap<>();
		JsonNode given = in.get("ExpressionAttributeNames");
		if (given != null) {
			given.fields().forEachRemaining(field -> names.put(field.getKey(), field.getValue().asText()));
		}
		return names;
	}
}
