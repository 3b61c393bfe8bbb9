package io.github.lambdasandbox.awssdk.fake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/**
 * Tables of items in DynamoDB JSON. Update expressions: {@code SET a = :v, b = b + :n}, {@code REMOVE c},
 * {@code ADD n :v}; key conditions: {@code pk = :p} and optionally {@code AND sk = | < | <= | > | >= :s} or
 * {@code AND begins_with(sk, :s)}.
 */
final class FakeDynamoDb implements AwsServices.DynamoDb {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern KEY_CONDITION = Pattern.compile(
			"\\s*(\\S+)\\s*=\\s*(:\\w+)\\s*(?:AND\\s+(?:(\\S+)\\s*(=|<=|<|>=|>)\\s*(:\\w+)|begins_with\\s*\\(\\s*([^,\\s]+)\\s*,\\s*(:\\w+)\\s*\\)))?\\s*",
			Pattern.CASE_INSENSITIVE);

	private record Table(String partitionKey, String sortKey, Map<String, ObjectNode> items) {
	}

	private final Map<String, Table> tables = new HashMap<>();

	void create(String name, String partitionKey, String sortKey) {
		tables.put(name, new Table(partitionKey, sortKey, new LinkedHashMap<>()));
	}

	private Table table(String name) {
		Table table = tables.get(name);
		if (table == null) {
			throw new AwsServiceException(400, "ResourceNotFoundException", "Requested resource not found");
		}
		return table;
	}

	private static ObjectNode parse(String json) {
		try {
			return (ObjectNode) JSON.readTree(json);
		}
		catch (JsonProcessingException | ClassCastException e) {
			throw new AwsServiceException(400, "ValidationException", "Invalid JSON: " + json);
		}
	}

	private static String keyOf(Table table, ObjectNode item) {
		ObjectNode key = JSON.createObjectNode();
		for (String name : table.sortKey() == null ? List.of(table.partitionKey()) : List.of(table.partitionKey(), table.sortKey())) {
			if (!item.has(name)) {
				throw new AwsServiceException(400, "ValidationException",
						"One or more parameter values were invalid: Missing the key " + name + " in the item");
			}
			key.set(name, item.get(name));
		}
		return key.toString();
	}

	@Override
	public synchronized Optional<String> putItem(String tableName, String itemJson, boolean returnOldValues) {
		Table table = table(tableName);
		ObjectNode item = parse(itemJson);
		ObjectNode old = table.items().put(keyOf(table, item), item);
		return returnOldValues && old != null ? Optional.of(old.toString()) : Optional.empty();
	}

	@Override
	public synchronized Optional<String> getItem(String tableName, String keyJson) {
		Table table = table(tableName);
		return Optional.ofNullable(table.items().get(keyOf(table, parse(keyJson)))).map(JsonNode::toString);
	}

	@Override
	public synchronized Optional<String> updateItem(String tableName, String keyJson, String updateExpression,
			Map<String, String> names, String valuesJson, String returnValues) {
		Table table = table(tableName);
		ObjectNode keyNode = parse(keyJson);
		String key = keyOf(table, keyNode);
		ObjectNode old = table.items().get(key);
		ObjectNode item = old == null ? keyNode.deepCopy() : old.deepCopy();
		ObjectNode values = valuesJson == null ? JSON.createObjectNode() : parse(valuesJson);
		String action;
		for (String token : updateExpression.trim().split("(?i)\\s*(?=\\b(SET|REMOVE|ADD)\\b)")) {
			String clause = token.trim();
			if (clause.isEmpty()) {
				continue;
			}
			int space = clause.indexOf(' ');
			action = clause.substring(0, space).toUpperCase();
			for (String part : clause.substring(space + 1).split(",")) {
				apply(item, action, part.trim(), names, values);
			}
		}
		table.items().put(key, item);
		return switch (returnValues) {
			case "ALL_OLD" -> Optional.ofNullable(old).map(JsonNode::toString);
			case "ALL_NEW" -> Optional.of(item.toString());
			default -> Optional.empty();
		};
	}

	private static void apply(ObjectNode item, String action, String part, Map<String, String> names, ObjectNode values) {
		switch (action) {
			case "SET" -> {
				String[] sides = part.split("=", 2);
				String target = name(sides[0].trim(), names);
				String[] operands = sides[1].trim().split("\\s*\\+\\s*");
				if (operands.length == 2) {
					BigDecimal sum = number(item.path(name(operands[0], names))).add(number(value(values, operands[1])));
					item.set(target, JSON.createObjectNode().put("N", sum.toPlainString()));
				}
				else {
					item.set(target, value(values, operands[0]));
				}
			}
			case "REMOVE" -> item.remove(name(part, names));
			case "ADD" -> {
				String[] sides = part.split("\\s+");
				String target = name(sides[0], names);
				BigDecimal sum = number(item.path(target)).add(number(value(values, sides[1])));
				item.set(target, JSON.createObjectNode().put("N", sum.toPlainString()));
			}
			default -> throw new AwsServiceException(400, "ValidationException", "Invalid UpdateExpression: " + action);
		}
	}

	private static String name(String token, Map<String, String> names) {
		String trimmed = token.trim();
		return trimmed.startsWith("#") ? names.get(trimmed) : trimmed;
	}

	private static JsonNode value(ObjectNode values, String placeholder) {
		JsonNode value = values.get(placeholder.trim());
		if (value == null) {
			throw new AwsServiceException(400, "ValidationException", "Invalid UpdateExpression: An expression attribute value "
					+ "used in expression is not defined; attribute value: " + placeholder.trim());
		}
		return value;
	}

	private static BigDecimal number(JsonNode attribute) {
		return attribute.has("N") ? new BigDecimal(attribute.get("N").asText()) : BigDecimal.ZERO;
	}

	@Override
	public synchronized Optional<String> deleteItem(String tableName, String keyJson, boolean returnOldValues) {
		Table table = table(tableName);
		ObjectNode old = table.items().remove(keyOf(table, parse(keyJson)));
		return returnOldValues && old != null ? Optional.of(old.toString()) : Optional.empty();
	}

	@Override
	public synchronized List<String> query(String tableName, String keyConditionExpression, Map<String, String> names,
			String valuesJson, boolean scanIndexForward, Integer limit) {
		Table table = table(tableName);
		Matcher condition = KEY_CONDITION.matcher(keyConditionExpression);
		if (!condition.matches()) {
			throw new AwsServiceException(400, "ValidationException", "Invalid KeyConditionExpression: " + keyConditionExpression);
		}
		ObjectNode values = parse(valuesJson);
		JsonNode partition = value(values, condition.group(2));
		String sortName = condition.group(3) != null ? name(condition.group(3), names)
				: condition.group(6) != null ? name(condition.group(6), names) : null;
		List<ObjectNode> items = new ArrayList<>();
		for (ObjectNode item : table.items().values()) {
			if (!partition.equals(item.get(name(condition.group(1), names)))) {
				continue;
			}
			if (sortName != null) {
				String sort = text(item.get(sortName));
				if (condition.group(6) != null) {
					if (!sort.startsWith(text(value(values, condition.group(7))))) {
						continue;
					}
				}
				else {
					int compared = compare(item.get(sortName), value(values, condition.group(5)));
					boolean keep = switch (condition.group(4)) {
						case "=" -> compared == 0;
						case "<" -> compared < 0;
						case "<=" -> compared <= 0;
						case ">" -> compared > 0;
						default -> compared >= 0;
					};
					if (!keep) {
						continue;
					}
				}
			}
			items.add(item);
		}
		if (table.sortKey() != null) {
			Comparator<ObjectNode> order = (a, b) -> compare(a.get(table.sortKey()), b.get(table.sortKey()));
			items.sort(scanIndexForward ? order : order.reversed());
		}
		return items.stream().limit(limit == null ? Long.MAX_VALUE : limit).map(JsonNode::toString).toList();
	}

	private static String text(JsonNode attribute) {
		return attribute.elements().next().asText();
	}

	private static int compare(JsonNode a, JsonNode b) {
		return a.has("N") ? number(a).compareTo(number(b)) : text(a).compareTo(text(b));
	}
}
