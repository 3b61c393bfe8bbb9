package io.github.lambdasandbox.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.json.Json;

/**
 * DynamoDB of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Update
 * expressions take {@code SET} (values, {@code a + b}, {@code a - b}, {@code if_not_exists}, {@code list_append}),
 * {@code REMOVE}, {@code ADD} and {@code DELETE} on top-level attributes; key conditions take the partition key's
 * equality and a sort key's {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} and
 * {@code begins_with}. What is beyond (nested document paths) is refused with a message that says so. Engine only.
 */
final class DynamoDbApi implements AwsServices.DynamoDb {

	private final SandboxEngine engine;

	DynamoDbApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public Optional<String> putItem(String tableName, String itemJson, boolean returnOldValues) {
		AttemptRun caller = EngineServices.caller(engine);
		return engine.executive.command(() -> {
			Optional<ObjectNode> old = table(tableName).put(object(itemJson, "Item"), requestId(caller), function(caller));
			return returnOldValues ? old.map(Json::write) : Optional.empty();
		});
	}

	@Override
	public Optional<String> getItem(String tableName, String keyJson) {
		return engine.executive.command(() -> table(tableName).get(object(keyJson, "Key")).map(Json::write));
	}

	@Override
	public Optional<String> deleteItem(String tableName, String keyJson, boolean returnOldValues) {
		AttemptRun caller = EngineServices.caller(engine);
		return engine.executive.command(() -> {
			Optional<ObjectNode> old = table(tableName).delete(object(keyJson, "Key"), requestId(caller), function(caller));
			return returnOldValues ? old.map(Json::write) : Optional.empty();
		});
	}

	@Override
	public Optional<String> updateItem(String tableName, String keyJson, String updateExpression,
			Map<String, String> expressionAttributeNames, String expressionAttributeValuesJson, String returnValues) {
		AttemptRun caller = EngineServices.caller(engine);
		return engine.executive.command(() -> {
			SimulatedTable table = table(tableName);
			ObjectNode key = object(keyJson, "Key");
			ObjectNode values = expressionAttributeValuesJson == null ? JsonNodeFactory.instance.objectNode()
					: object(expressionAttributeValuesJson, "ExpressionAttributeValues");
			Expressions expressions = new Expressions(expressionAttributeNames, values);
			Optional<ObjectNode> before = table.get(key);
			ObjectNode item = before.map(ObjectNode::deepCopy).orElseGet(key::deepCopy);
			Set<String> touched = new LinkedHashSet<>();
			new UpdateParser(updateExpression, expressions).apply(item, touched);
			for (String name : touched) {
				if (table.isKeyAttribute(name)) {
					throw validation("One or more parameter values were invalid: Cannot update attribute " + name + ". This "
							+ "attribute is part of the key");
				}
			}
			expressions.checkAllUsed();
			ObjectNode changes = JsonNodeFactory.instance.objectNode();
			for (String name : touched) {
				changes.set(name, item.get(name));
			}
			ObjectNode after = table.update(key, changes, requestId(caller), function(caller));
			String mode = returnValues == null ? "NONE" : returnValues;
			return switch (mode) {
				case "NONE" -> Optional.<String>empty();
				case "ALL_OLD" -> before.map(Json::write);
				case "ALL_NEW" -> Optional.of(Json.write(after));
				case "UPDATED_OLD" -> before.map(b -> Json.write(only(b, touched)));
				case "UPDATED_NEW" -> Optional.of(Json.write(only(after, touched)));
				default -> throw validation("1 validation error detected: Value '" + returnValues + "' at 'returnValues' "
						+ "failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, "
						+ "NONE, UPDATED_NEW]");
			};
		});
	}

	@Override
	public List<String> query(String tableName, String keyConditionExpression, Map<String, String> expressionAttributeNames,
			String expressionAttributeValuesJson, boolean scanIndexForward, Integer limit) {
		return engine.executive.command(() -> {
			SimulatedTable table = table(tableName);
			ObjectNode values = expressionAttributeValuesJson == null ? JsonNodeFactory.instance.objectNode()
					: object(expressionAttributeValuesJson, "ExpressionAttributeValues");
			Expressions expressions = new Expressions(expressionAttributeNames, values);
			KeyCondition condition = new KeyCondition(keyConditionExpression, expressions, table.config().partitionKey(),
					table.config().sortKey());
			expressions.checkAllUsed();
			List<ObjectNode> items = new ArrayList<>();
			for (ObjectNode item : table.partition(condition.partitionValue)) {
				if (condition.matches(item)) {
					items.add(item);
				}
			}
			if (!scanIndexForward) {
				Collections.reverse(items);
			}
			if (limit != null && items.size() > limit) {
				items = items.subList(0, limit);
			}
			return items.stream().map(Json::write).toList();
		});
	}

	private static ObjectNode only(ObjectNode item, Set<String> names) {
		ObjectNode chosen = JsonNodeFactory.instance.objectNode();
		for (String name : names) {
			if (item.has(name)) {
				chosen.set(name, item.get(name));
			}
		}
		return chosen;
	}

	/** A table by name or ARN. Lock held. */
	private SimulatedTable table(String nameOrArn) {
		String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.indexOf(":table/") + 7) : nameOrArn;
		if (name.contains("/")) {
			name = name.substring(0, name.indexOf('/'));
		}
		if (!engine.hasTable(name)) {
			throw new AwsServiceException(400, "ResourceNotFoundException", "Requested resource not found. Tables of this "
					+ "sandbox: " + ConfigReader.quoted(engine.tables().stream().map(t -> t.name()).toList())
					+ "; declare one with @Table(name = \"" + name + "\", partitionKey = \"…\").");
		}
		return engine.tableImpl(name);
	}

	private static ObjectNode object(String json, String what) {
		JsonNode node;
		try {
			node = Json.parse(json);
		}
		catch (RuntimeException e) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			throw validation("1 validation error detected: Value at '" + what + "' failed to satisfy constraint: Member must "
					+ "be a map of attribute values");
		}
		return (ObjectNode) node;
	}

	static AwsServiceException validation(String message) {
		return new AwsServiceException(400, "ValidationException", message);
	}

	private static String requestId(AttemptRun caller) {
		return caller == null ? null : caller.requestId;
	}

	private static String function(AttemptRun caller) {
		return caller == null ? null : caller.function.name();
	}

	// --- expressions ------------------------------------------------------------------------------------------

	/** The placeholders of an expression, and which of them it used (DynamoDB refuses unused ones). */
	private static final class Expressions {

		final Map<String, String> names;

		final ObjectNode values;

		final Set<String> usedNames = new LinkedHashSet<>();

		final Set<String> usedValues = new LinkedHashSet<>();

		Expressions(Map<String, String> names, ObjectNode values) {
			this.names = names == null ? Map.of() : names;
			this.values = values;
		}

		String name(String token) {
			if (!token.startsWith("#")) {
				return token;
			}
			String name = names.get(token);
			if (name == null) {
				throw validation("Invalid UpdateExpression: An expression attribute name used in the document path is not "
						+ "defined; attribute name: " + token);
			}
			usedNames.add(token);
			return name;
		}

		JsonNode value(String token) {
			JsonNode value = values.get(token);
			if (value == null) {
				throw validation("Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
						+ "attribute value: " + token);
			}
			usedValues.add(token);
			return value;
		}

		void checkAllUsed() {
			for (String name : names.keySet()) {
				if (!usedNames.contains(name)) {
					throw validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {" + name + "}");
				}
			}
			for (Iterator<String> fields = values.fieldNames(); fields.hasNext(); ) {
				String value = fields.next();
				if (!usedValues.contains(value)) {
					throw validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {" + value + "}");
				}
			}
		}
	}

	/** Tokens: names, #names, :values, keywords, punctuation. */
	private static final class Tokens {

		final String expression;

		final List<String> tokens = new ArrayList<>();

		int at;

		Tokens(String expression, String kind) {
			this.expression = expression;
			if (expression == null || expression.isBlank()) {
				throw validation("Invalid " + kind + ": The expression can not be empty;");
			}
			int i = 0;
			while (i < expression.length()) {
				char c = expression.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if ("=,()+-[].<>".indexOf(c) >= 0) {
					if ((c == '<' || c == '>') && i + 1 < expression.length() && (expression.charAt(i + 1) == '='
							|| c == '<' && expression.charAt(i + 1) == '>')) {
						tokens.add(expression.substring(i, i + 2));
						i += 2;
					}
					else {
						tokens.add(String.valueOf(c));
						i++;
					}
				}
				else {
					int start = i;
					while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i))
							|| "_#:".indexOf(expression.charAt(i)) >= 0)) {
						i++;
					}
					if (start == i) {
						throw validation("Invalid " + kind + ": Syntax error; token: \"" + c + "\", near: \"" + near(start) + "\"");
					}
					tokens.add(expression.substring(start, i));
				}
			}
		}

		private String near(int index) {
			return expression.substring(Math.max(0, index - 5), Math.min(expression.length(), index + 5));
		}

		boolean more() {
			return at < tokens.size();
		}

		String peek() {
			return more() ? tokens.get(at) : null;
		}

		boolean keyword(String word) {
			return more() && tokens.get(at).equalsIgnoreCase(word);
		}

		String next(String kind) {
			if (!more()) {
				throw validation("Invalid " + kind + ": Syntax error; token: <EOF>, near: \"" + expression + "\"");
			}
			return tokens.get(at++);
		}

		void expect(String token, String kind) {
			String next = next(kind);
			if (!next.equalsIgnoreCase(token)) {
				throw validation("Invalid " + kind + ": Syntax error; token: \"" + next + "\", near: \"" + expression + "\"");
			}
		}
	}

	private static final String UPDATE = "UpdateExpression";

	/** An update expression, applied to an item. */
	private static final class UpdateParser {

		private final Tokens tokens;

		private final Expressions expressions;

		UpdateParser(String expression, Expressions expressions) {
			this.tokens = new Tokens(expression, UPDATE);
			this.expressions = expressions;
		}

		void apply(ObjectNode item, Set<String> touched) {
			Set<String> clauses = new LinkedHashSet<>();
			while (tokens.more()) {
				String clause = tokens.next(UPDATE).toUpperCase(Locale.ROOT);
				if (!clauses.add(clause)) {
					throw validation("Invalid UpdateExpression: The \"" + clause + "\" section can only be used once in an "
							+ "update expression;");
				}
				switch (clause) {
					case "SET" -> {
						do {
							String name = path();
							tokens.expect("=", UPDATE);
							JsonNode value = operand(item);
							item.set(name, value);
							touched.add(name);
						}
						while (comma());
					}
					case "REMOVE" -> {
						do {
							String name = path();
							item.remove(name);
							touched.add(name);
						}
						while (comma());
					}
					case "ADD" -> {
						do {
							String name = path();
							JsonNode value = expressions.value(tokens.next(UPDATE));
							item.set(name, add(item.get(name), value));
							touched.add(name);
						}
						while (comma());
					}
					case "DELETE" -> {
						do {
							String name = path();
							JsonNode value = expressions.value(tokens.next(UPDATE));
							JsonNode rest = deleteFromSet(item.get(name), value);
							if (rest == null) {
								item.remove(name);
							}
							else {
								item.set(name, rest);
							}
							touched.add(name);
						}
						while (comma());
					}
					default -> throw validation("Invalid UpdateExpression: Syntax error; token: \"" + clause + "\", near: \""
							+ tokens.expression + "\"");
				}
			}
		}

		private boolean comma() {
			if (",".equals(tokens.peek())) {
				tokens.at++;
				return true;
			}
			return false;
		}

		private String path() {
			String name = expressions.name(tokens.next(UPDATE));
			String following = tokens.peek();
			if (".".equals(following) || "[".equals(following)) {
				throw new UnsupportedOperationException("DynamoDB update expressions on nested document paths (" + name
						+ following + "…) are not built into the sandbox; update the top-level attribute \"" + name + "\" as a "
						+ "whole.");
			}
			return name;
		}

		private JsonNode operand(ObjectNode item) {
			JsonNode left = term(item);
			String op = tokens.peek();
			if ("+".equals(op) || "-".equals(op)) {
				tokens.at++;
				JsonNode right = term(item);
				return arithmetic(left, right, op.equals("+"));
			}
			return left;
		}

		private JsonNode term(ObjectNode item) {
			String token = tokens.next(UPDATE);
			if (token.startsWith(":")) {
				return expressions.value(token);
			}
			if (token.equalsIgnoreCase("if_not_exists")) {
				tokens.expect("(", UPDATE);
				String name = path();
				tokens.expect(",", UPDATE);
				JsonNode fallback = term(item);
				tokens.expect(")", UPDATE);
				return item.has(name) ? item.get(name) : fallback;
			}
			if (token.equalsIgnoreCase("list_append")) {
				tokens.expect("(", UPDATE);
				JsonNode first = term(item);
				tokens.expect(",", UPDATE);
				JsonNode second = term(item);
				tokens.expect(")", UPDATE);
				if (first == null || second == null || !first.has("L") || !second.has("L")) {
					throw validation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or "
							+ "function: list_append, operand type: " + typeOf(first == null || !first.has("L") ? first : second));
				}
				ArrayNode list = JsonNodeFactory.instance.arrayNode();
				list.addAll((ArrayNode) first.get("L"));
				list.addAll((ArrayNode) second.get("L"));
				ObjectNode result = JsonNodeFactory.instance.objectNode();
				result.set("L", list);
				return result;
			}
			tokens.at--;
			String name = path();
			JsonNode value = item.get(name);
			if (value == null) {
				throw validation("The provided expression refers to an attribute that does not exist in the item");
			}
			return value;
		}

		private static JsonNode arithmetic(JsonNode left, JsonNode right, boolean plus) {
			if (!left.has("N") || !right.has("N")) {
				throw validation("An operand in the update expression has an incorrect data type");
			}
			BigDecimal a = new BigDecimal(left.get("N").asText());
			BigDecimal b = new BigDecimal(right.get("N").asText());
			return number(plus ? a.add(b) : a.subtract(b));
		}

		private static JsonNode add(JsonNode current, JsonNode value) {
			String type = typeOf(value);
			if (type.equals("N")) {
				if (current == null) {
					return value;
				}
				if (!current.has("N")) {
					throw validation("An operand in the update expression has an incorrect data type");
				}
				return number(new BigDecimal(current.get("N").asText()).add(new BigDecimal(value.get("N").asText())));
			}
			if (type.equals("SS") || type.equals("NS") || type.equals("BS")) {
				if (current == null) {
					return value;
				}
				if (!current.has(type)) {
					throw validation("An operand in the update expression has an incorrect data type");
				}
				Set<String> members = new LinkedHashSet<>();
				current.get(type).forEach(m -> members.add(m.asText()));
				value.get(type).forEach(m -> members.add(m.asText()));
				return set(type, members);
			}
			throw validation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
					+ "operand type: " + type);
		}

		private static JsonNode deleteFromSet(JsonNode current, JsonNode value) {
			String type = typeOf(value);
			if (!type.equals("SS") && !type.equals("NS") && !type.equals("BS")) {
				throw validation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, "
						+ "operand type: " + type);
			}
			if (current == null) {
				return null;
			}
			if (!current.has(type)) {
				throw validation("An operand in the update expression has an incorrect data type");
			}
			Set<String> members = new LinkedHashSet<>();
			current.get(type).forEach(m -> members.add(m.asText()));
			value.get(type).forEach(m -> members.remove(m.asText()));
			return members.isEmpty() ? null : set(type, members);
		}

		private static JsonNode set(String type, Set<String> members) {
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			ArrayNode array = result.putArray(type);
			members.forEach(array::add);
			return result;
		}

		private static JsonNode number(BigDecimal value) {
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			result.put("N", value.stripTrailingZeros().toPlainString());
			return result;
		}
	}

	private static String typeOf(JsonNode value) {
		return value == null || !value.isObject() || value.size() != 1 ? "?" : value.fieldNames().next();
	}

	private static final String KEY_CONDITION = "KeyConditionExpression";

	/** A key condition: the partition key's value and, optionally, a condition on the sort key. */
	private static final class KeyCondition {

		final JsonNode partitionValue;

		private String operator;

		private JsonNode first;

		private JsonNode second;

		private final String sortKey;

		KeyCondition(String expression, Expressions expressions, String partitionKey, String sortKey) {
			this.sortKey = sortKey;
			Tokens tokens = new Tokens(expression, KEY_CONDITION);
			JsonNode partition = null;
			do {
				if (tokens.keyword("begins_with")) {
					tokens.next(KEY_CONDITION);
					tokens.expect("(", KEY_CONDITION);
					String name = expressions.name(tokens.next(KEY_CONDITION));
					tokens.expect(",", KEY_CONDITION);
					JsonNode value = expressions.value(tokens.next(KEY_CONDITION));
					tokens.expect(")", KEY_CONDITION);
					sortCondition(name, "begins_with", value, null);
					continue;
				}
				String name = expressions.name(tokens.next(KEY_CONDITION));
				String op = tokens.next(KEY_CONDITION).toUpperCase(Locale.ROOT);
				if (op.equals("BETWEEN")) {
					JsonNode low = expressions.value(tokens.next(KEY_CONDITION));
					tokens.expect("AND", KEY_CONDITION);
					JsonNode high = expressions.value(tokens.next(KEY_CONDITION));
					sortCondition(name, op, low, high);
					continue;
				}
				if (!Set.of("=", "<", "<=", ">", ">=").contains(op)) {
					throw validation("Invalid operator used in KeyConditionExpression: " + op);
				}
				JsonNode value = expressions.value(tokens.next(KEY_CONDITION));
				if (name.equals(partitionKey)) {
					if (!op.equals("=")) {
						throw validation("Query key condition not supported");
					}
					partition = value;
				}
				else {
					sortCondition(name, op, value, null);
				}
			}
			while (tokens.keyword("AND") && tokens.next(KEY_CONDITION) != null);
			if (tokens.more()) {
				throw validation("Invalid KeyConditionExpression: Syntax error; token: \"" + tokens.peek() + "\", near: \""
						+ expression + "\"");
			}
			if (partition == null) {
				throw validation("Query condition missed key schema element: " + partitionKey);
			}
			this.partitionValue = partition;
		}

		private void sortCondition(String name, String op, JsonNode a, JsonNode b) {
			if (!name.equals(sortKey)) {
				throw validation("Query condition missed key schema element" + (sortKey.isEmpty() ? "" : ": " + sortKey)
						+ " (\"" + name + "\" is not a key attribute of this table)");
			}
			operator = op;
			first = a;
			second = b;
		}

		boolean matches(ObjectNode item) {
			if (operator == null) {
				return true;
			}
			JsonNode value = item.get(sortKey);
			if (value == null) {
				return false;
			}
			return switch (operator) {
				case "=" -> SimulatedTable.compareValues(value, first) == 0;
				case "<" -> SimulatedTable.compareValues(value, first) < 0;
				case "<=" -> SimulatedTable.compareValues(value, first) <= 0;
				case ">" -> SimulatedTable.compareValues(value, first) > 0;
				case ">=" -> SimulatedTable.compareValues(value, first) >= 0;
				case "BETWEEN" -> SimulatedTable.compareValues(value, first) >= 0 && SimulatedTable.compareValues(value, second) <= 0;
				case "begins_with" -> typeOf(value).equals(typeOf(first))
						&& value.get(typeOf(value)).asText().startsWith(first.get(typeOf(first)).asText());
				default -> false;
			};
		}
	}
}
