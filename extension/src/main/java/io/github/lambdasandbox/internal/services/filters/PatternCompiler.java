package io.github.lambdasandbox.internal.services.filters;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads an EventBridge event pattern or an SNS filter policy, token by token as Event Ruler does, so that the first
 * problem in document order is the one reported, with AWS's text. A key given twice keeps its last value (Event Ruler
 * compiles with overriding), and a dotted key names the same path as nested keys.
 */
final class PatternCompiler {

	static final String OR = "$or";

	private static final String ONE_KEY = "Only one key allowed in match expression";

	private static final String TOO_MANY_ELEMENTS = "Too many elements in numeric expression";

	/** Names an object inside {@code $or} may not use. */
	private static final Set<String> RESERVED_IN_OR = Set.of("exact", "equals-ignore-case", "prefix", "suffix",
			"anything-but", "exists", "wildcard", "numeric", "cidr", "=", "<", "<=", ">", ">=", "regex", "not-wildcard",
			"not-equals-ignore-case", "date-after", "date-on-or-after", "date-before", "date-on-or-before",
			"in-date-range", "ip-address-in-range", "ip-address-not-in-range");

	/** As Event Ruler's: a JSON error's own text then quotes the source, e.g. {@code (start marker at [Source: (String)"{"; …])}. */
	private static final JsonFactory JSON = JsonFactory.builder()
			.enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
			.build();

	private final Dialect dialect;

	private final boolean orRelationships;

	private final JsonParser parser;

	private PatternCompiler(Dialect dialect, boolean orRelationships, JsonParser parser) {
		this.dialect = dialect;
		this.orRelationships = orRelationships;
		this.parser = parser;
	}

	/**
	 * The rules of the pattern. With {@code orRelationships}, a key {@code $or} holds alternatives; without, it is an
	 * ordinary key.
	 *
	 * @throws MalformedRuleException with AWS's reason if the grammar rejects it
	 */
	static RuleSet compile(String json, Dialect dialect, boolean orRelationships) {
		try (JsonParser parser = JSON.createParser(json)) {
			return new PatternCompiler(dialect, orRelationships, parser).pattern();
		}
		catch (JsonProcessingException e) {
			throw new MalformedRuleException(e.getOriginalMessage());
		}
		catch (IOException e) {
			throw new MalformedRuleException(String.valueOf(e.getMessage()));
		}
	}

	private RuleSet pattern() throws IOException {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw fail("Filter is not an object");
		}
		List<Map<String, Field>> rules = new ArrayList<>();
		object(rules, null, false);
		return RuleSet.of(rules);
	}

	private void object(List<Map<String, Field>> rules, String path, boolean insideOr) throws IOException {
		boolean empty = true;
		while (parser.nextToken() != JsonToken.END_OBJECT) {
			empty = false;
			String name = parser.currentName();
			if (orRelationships && OR.equals(name)) {
				or(rules, path);
				continue;
			}
			if (insideOr && RESERVED_IN_OR.contains(name)) {
				throw fail(name + " is Ruler reserved fieldName which cannot be used inside " + OR + ".");
			}
			String fieldPath = path == null ? name : path + "." + name;
			switch (parser.nextToken()) {
				case START_OBJECT -> object(rules, fieldPath, insideOr);
				case START_ARRAY -> field(rules, fieldPath);
				default -> throw fail("\"" + name + "\" must be an object or an array");
			}
		}
		if (empty) {
			throw fail("Empty objects are not allowed");
		}
	}

	/** Each object of the array is a branch: the rules so far are copied into every branch. */
	private void or(List<Map<String, Field>> rules, String path) throws IOException {
		List<Map<String, Field>> before = copy(rules);
		rules.clear();
		if (parser.nextToken() != JsonToken.START_ARRAY) {
			throw fail("It must be an Array followed with " + OR + ".");
		}
		int branches = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			branches++;
			if (token != JsonToken.START_OBJECT) {
				throw fail("Only JSON object is allowed in array of " + OR + " relationship.");
			}
			List<Map<String, Field>> branch = copy(before);
			if (branch.isEmpty()) {
				branch.add(new LinkedHashMap<>());
			}
			object(branch, path, true);
			rules.addAll(branch);
		}
		if (branches < 2) {
			throw fail("There must have at least 2 Objects in " + OR + " relationship.");
		}
	}

	private static List<Map<String, Field>> copy(List<Map<String, Field>> rules) {
		List<Map<String, Field>> copy = new ArrayList<>();
		for (Map<String, Field> rule : rules) {
			copy.add(new LinkedHashMap<>(rule));
		}
		return copy;
	}

	private void field(List<Map<String, Field>> rules, String path) throws IOException {
		List<ValueMatcher> values = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			switch (token) {
				case START_OBJECT -> values.add(matchExpression());
				case VALUE_STRING -> values.add(ValueMatcher.ExactText.of(parser.getText()));
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.add(new ValueMatcher.ExactNumber(number()));
				case VALUE_NULL, VALUE_TRUE, VALUE_FALSE -> values.add(new ValueMatcher.ExactLiteral(parser.getText()));
				default -> throw fail("Match value must be String, number, true, false, or null");
			}
		}
		if (values.isEmpty()) {
			throw fail("Empty arrays are not allowed");
		}
		if (rules.isEmpty()) {
			rules.add(new LinkedHashMap<>());
		}
		Field field = new Field(path, values);
		for (Map<String, Field> rule : rules) {
			rule.put(path, field);
		}
	}

	private ValueMatcher matchExpression() throws IOException {
		if (parser.nextToken() != JsonToken.FIELD_NAME) {
			throw fail("Match expression name not found");
		}
		String type = parser.currentName();
		switch (type) {
			case "exact" -> {
				String value = string("exact match pattern must be a string");
				return end(ValueMatcher.ExactText.of(value), ONE_KEY);
			}
			case "prefix", "suffix" -> {
				return affix(type);
			}
			case "equals-ignore-case" -> {
				String value = string("equals-ignore-case match pattern must be a string");
				return end(new ValueMatcher.EqualsIgnoreCase(value), ONE_KEY);
			}
			case "numeric" -> {
				if (parser.nextToken() != JsonToken.START_ARRAY) {
					throw fail("Value of numeric must be an array.");
				}
				return end(numeric(), TOO_MANY_ELEMENTS);
			}
			case "anything-but" -> {
				return dialect == Dialect.EVENTBRIDGE ? anythingBut() : anythingButOfSns();
			}
			case "exists" -> {
				JsonToken token = parser.nextToken();
				if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
					throw fail("exists match pattern must be either true or false.");
				}
				ValueMatcher exists = token == JsonToken.VALUE_TRUE ? new ValueMatcher.Exists()
						: new ValueMatcher.Absent();
				return end(exists, ONE_KEY);
			}
			case "cidr" -> {
				// sic: AWS names the wrong operator here
				String value = string("prefix match pattern must be a string");
				return end(new ValueMatcher.CidrMatch(Cidr.parse(value)), ONE_KEY);
			}
			case "wildcard" -> {
				if (dialect != Dialect.EVENTBRIDGE) {
					throw fail("Unrecognized match type " + type);
				}
				String value = string("wildcard match pattern must be a string");
				return end(new ValueMatcher.WildcardMatch(wildcard(value)), ONE_KEY);
			}
			default -> throw fail("Unrecognized match type " + type);
		}
	}

	private ValueMatcher affix(String type) throws IOException {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.START_OBJECT && dialect == Dialect.EVENTBRIDGE) {
			String title = type.equals("prefix") ? "Prefix" : "Suffix";
			if (parser.nextToken() != JsonToken.FIELD_NAME) {
				throw fail(title + " expression name not found");
			}
			String inner = parser.currentName();
			if (!"equals-ignore-case".equals(inner)) {
				throw fail("Unsupported " + type + " pattern: " + inner);
			}
			String value = string("equals-ignore-case match pattern must be a string");
			ValueMatcher matcher = affix(type, value, true);
			expectEndOfObject(ONE_KEY);
			return end(matcher, ONE_KEY);
		}
		if (token != JsonToken.VALUE_STRING) {
			throw fail(type + " match pattern must be a string");
		}
		return end(affix(type, parser.getText(), false), ONE_KEY);
	}

	private static ValueMatcher affix(String type, String value, boolean ignoreCase) {
		return type.equals("prefix") ? new ValueMatcher.Prefix(value, ignoreCase)
				: new ValueMatcher.Suffix(value, ignoreCase);
	}

	/** After {@code "numeric": [}: one operator and value, or a lower bound followed by an upper bound. */
	private ValueMatcher numeric() throws IOException {
		JsonToken token = parser.nextToken();
		if (token != JsonToken.VALUE_STRING) {
			throw fail("Invalid member in numeric match: " + parser.getText());
		}
		String operator = parser.getText();
		token = parser.nextToken();
		switch (operator) {
			case "=" -> {
				BigDecimal value = numericValue(token, "equals");
				expect(JsonToken.END_ARRAY, TOO_MANY_ELEMENTS);
				return new ValueMatcher.ExactNumber(value);
			}
			case ">", ">=" -> {
				BigDecimal bottom = numericValue(token, operator);
				token = parser.nextToken();
				boolean openBottom = operator.equals(">");
				if (token == JsonToken.END_ARRAY) {
					return new ValueMatcher.NumericRange(bottom, openBottom, null, false);
				}
				return range(token, bottom, openBottom);
			}
			case "<", "<=" -> {
				BigDecimal top = numericValue(token, operator);
				expect(JsonToken.END_ARRAY, TOO_MANY_ELEMENTS);
				return new ValueMatcher.NumericRange(null, false, top, operator.equals("<"));
			}
			default -> throw fail("Unrecognized numeric range operator: " + operator);
		}
	}

	private ValueMatcher range(JsonToken token, BigDecimal bottom, boolean openBottom) throws IOException {
		if (token != JsonToken.VALUE_STRING) {
			throw fail("Bad value in numeric range: " + parser.getText());
		}
		String operator = parser.getText();
		if (!operator.equals("<") && !operator.equals("<=")) {
			throw fail("Bad numeric range operator: " + operator);
		}
		BigDecimal top = numericValue(parser.nextToken(), operator);
		expect(JsonToken.END_ARRAY, "Too many terms in numeric range expression");
		if (bottom.compareTo(top) >= 0) {
			throw fail("Bottom must be less than top");
		}
		return new ValueMatcher.NumericRange(bottom, openBottom, top, operator.equals("<"));
	}

	private BigDecimal numericValue(JsonToken token, String operator) throws IOException {
		if (token == null || !token.isNumeric()) {
			throw fail("Value of " + operator + " must be numeric");
		}
		return number();
	}

	/** EventBridge's {@code anything-but}: a string, a number, a list of either, or one of four operators. */
	private ValueMatcher anythingBut() throws IOException {
		JsonToken token = parser.nextToken();
		String kind = null;
		if (token == JsonToken.START_OBJECT) {
			if (parser.nextToken() != JsonToken.FIELD_NAME) {
				throw fail("Anything-But expression name not found");
			}
			kind = parser.currentName();
			if (!Set.of("equals-ignore-case", "prefix", "suffix", "wildcard").contains(kind)) {
				throw fail("Unsupported anything-but pattern: " + kind);
			}
			token = parser.nextToken();
		}
		if (token != JsonToken.START_ARRAY && token != JsonToken.VALUE_STRING && !isNumber(token)) {
			throw fail("Value of anything-but must be an array or single string/number value.");
		}
		ValueMatcher matcher;
		if (kind == null) {
			matcher = token == JsonToken.START_ARRAY ? anythingButList() : anythingButValue(token);
		}
		else {
			List<String> values = new ArrayList<>();
			if (token == JsonToken.START_ARRAY) {
				while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
					values.add(anythingButOperand(kind, token));
				}
			}
			else {
				values.add(anythingButOperand(kind, token));
			}
			matcher = switch (kind) {
				case "wildcard" -> new ValueMatcher.AnythingButWildcard(values.stream().map(this::wildcard).toList());
				case "prefix" -> new ValueMatcher.AnythingButText(ValueMatcher.AnythingButText.Kind.PREFIX, values);
				case "suffix" -> new ValueMatcher.AnythingButText(ValueMatcher.AnythingButText.Kind.SUFFIX, values);
				default -> new ValueMatcher.AnythingButText(ValueMatcher.AnythingButText.Kind.EQUALS_IGNORE_CASE,
						values);
			};
			expect(JsonToken.END_OBJECT, TOO_MANY_ELEMENTS);
		}
		return end(matcher, TOO_MANY_ELEMENTS);
	}

	private String anythingButOperand(String kind, JsonToken token) throws IOException {
		if (token != JsonToken.VALUE_STRING) {
			throw fail(switch (kind) {
				case "equals-ignore-case" ->
					"Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.";
				case "wildcard" -> "wildcard match pattern must be a string";
				default -> "prefix/suffix match pattern must be a string";
			});
		}
		String text = parser.getText();
		if (text.isEmpty() && (kind.equals("prefix") || kind.equals("suffix"))) {
			throw fail("Null prefix/suffix not allowed");
		}
		return text;
	}

	/** SNS's {@code anything-but}: a string, a number, a list of either, or a {@code prefix} string. */
	private ValueMatcher anythingButOfSns() throws IOException {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.START_OBJECT) {
			if (parser.nextToken() != JsonToken.FIELD_NAME) {
				throw fail("Anything-But expression name not found");
			}
			String kind = parser.currentName();
			if (!"prefix".equals(kind)) {
				throw fail("Unsupported anything-but pattern: " + kind);
			}
			String prefix = string("prefix match pattern must be a string");
			if (prefix.isEmpty()) {
				throw fail("Null prefix not allowed");
			}
			expectEndOfObject(ONE_KEY);
			return end(new ValueMatcher.AnythingButText(ValueMatcher.AnythingButText.Kind.PREFIX, List.of(prefix)),
					ONE_KEY);
		}
		if (token != JsonToken.START_ARRAY && token != JsonToken.VALUE_STRING && !isNumber(token)) {
			throw fail("Value of anything-but must be an array or single string/number value.");
		}
		ValueMatcher matcher = token == JsonToken.START_ARRAY ? anythingButList() : anythingButValue(token);
		return end(matcher, TOO_MANY_ELEMENTS);
	}

	private ValueMatcher anythingButList() throws IOException {
		List<String> strings = new ArrayList<>();
		List<BigDecimal> numbers = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == JsonToken.VALUE_STRING) {
				strings.add(parser.getText());
			}
			else if (isNumber(token)) {
				numbers.add(number());
			}
			else {
				throw fail("Inside anything but list, start|null|boolean is not supported.");
			}
		}
		if (strings.isEmpty() == numbers.isEmpty()) {
			throw fail("Inside anything but list, either all values are number or string, mixed type is not supported");
		}
		return new ValueMatcher.AnythingBut(strings, numbers);
	}

	private ValueMatcher anythingButValue(JsonToken token) throws IOException {
		return token == JsonToken.VALUE_STRING ? new ValueMatcher.AnythingBut(List.of(parser.getText()), List.of())
				: new ValueMatcher.AnythingBut(List.of(), List.of(number()));
	}

	private Wildcard wildcard(String value) {
		return Wildcard.parse(value);
	}

	private String string(String problem) throws IOException {
		if (parser.nextToken() != JsonToken.VALUE_STRING) {
			throw fail(problem);
		}
		return parser.getText();
	}

	private BigDecimal number() throws IOException {
		return parser.getDecimalValue();
	}

	private static boolean isNumber(JsonToken token) {
		return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
	}

	private ValueMatcher end(ValueMatcher matcher, String problem) throws IOException {
		expectEndOfObject(problem);
		return matcher;
	}

	private void expectEndOfObject(String problem) throws IOException {
		expect(JsonToken.END_OBJECT, problem);
	}

	private void expect(JsonToken expected, String problem) throws IOException {
		if (parser.nextToken() != expected) {
			throw fail(problem);
		}
	}

	private static MalformedRuleException fail(String reason) {
		return new MalformedRuleException(reason);
	}
}
