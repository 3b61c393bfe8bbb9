package io.github.lambdasandbox.internal.services.filters;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * An SNS subscription filter policy, validated as Subscribe and SetSubscriptionAttributes validate it.
 *
 * <p>AWS facts [DOC sns-subscription-filter-policies, subscription-filter-policy-constraints, and-or-logic,
 * attribute-key-matching; AWS-SNAP 2024-05/12 test_sns_filter_policy]:
 * <ul>
 * <li>The grammar is EventBridge's, older: exact strings and numbers, {@code true}/{@code false}/{@code null},
 * {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but} (a value, a list, or a
 * {@code prefix}), {@code numeric}, {@code exists}, {@code cidr}, {@code $or}. No {@code wildcard};
 * {@code anything-but} with {@code suffix} or {@code exists} is {@code Unsupported anything-but pattern: suffix}.
 * <li>At most 5 keys at the top ({@code Filter policy can not have more than 5 keys}) and at most 150 combinations
 * ({@code Filter policy is too complex}), counted as SNS counts them: each array multiplies by its length times its
 * nesting depth, {@code $or} branches add up.
 * <li>Scope {@code MessageAttributes} (default) compares attributes of type {@code String}, {@code Number} and
 * {@code String.Array} (any element may match); {@code Binary} attributes are ignored; a nested policy is rejected. A
 * message without attributes matches no policy ({@code exists: false} needs at least one attribute).
 * <li>Scope {@code MessageBody} compares the body, which must be a JSON object, exactly as EventBridge compares an
 * event: dotted keys, arrays, and JSON in strings left unparsed.
 * <li>Numbers compare by value. The documented −1e9…1e9 range is not enforced: SNS was seen to accept numbers beyond
 * it [LS-IMPL comment], and no error text for it is known.
 * </ul>
 */
public final class SnsFilterPolicy {

	/** Where a policy looks: attributes (the default) or the body. Enum constants are spelt as AWS spells them. */
	public enum Scope {
		MessageAttributes, MessageBody;

		/**
		 * The scope named by a {@code FilterPolicyScope} attribute value.
		 *
		 * @throws InvalidFilterPolicyException
		 * {@code Invalid parameter: FilterPolicyScope: Invalid value [x]. Please use either MessageBody or MessageAttributes}
		 */
		public static Scope of(String value) {
			for (Scope scope : values()) {
				if (scope.name().equals(value)) {
					return scope;
				}
			}
			throw InvalidFilterPolicyException
					.scope("Invalid value [" + value + "]. Please use either MessageBody or MessageAttributes");
		}
	}

	/**
	 * A message attribute as SNS filters see it: its data type ({@code String}, {@code Number}, {@code String.Array},
	 * {@code Binary}, or one of those with a custom suffix such as {@code Number.float}) and its string value (for
	 * {@code String.Array}, a JSON array).
	 */
	public record Attribute(String type, String value) {

		public Attribute {
			Objects.requireNonNull(type, "type");
		}

		public static Attribute string(String value) {
			return new Attribute("String", value);
		}

		public static Attribute number(String value) {
			return new Attribute("Number", value);
		}

		public static Attribute stringArray(String jsonArray) {
			return new Attribute("String.Array", jsonArray);
		}

		public static Attribute binary() {
			return new Attribute("Binary", null);
		}
	}

	static final int MAX_KEYS = 5;

	static final int MAX_COMBINATIONS = 150;

	private static final ObjectMapper JSON = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();

	private final String source;

	private final Scope scope;

	private final RuleSet rules;

	private SnsFilterPolicy(String source, Scope scope, RuleSet rules) {
		this.source = source;
		this.scope = scope;
		this.rules = rules;
	}

	/** A policy with the default scope, {@code MessageAttributes}. */
	public static SnsFilterPolicy parse(String policyJson) {
		return parse(policyJson, Scope.MessageAttributes);
	}

	/**
	 * The policy, or {@link InvalidFilterPolicyException} with SNS's reason. Checked in this order: the grammar, then
	 * nesting (for {@code MessageAttributes}), then the number of keys, then the number of combinations. An empty
	 * policy ({@code ""}) is not a policy: SNS reads it as "remove the policy", so callers must not parse it.
	 *
	 * @param scope {@code null} means {@code MessageAttributes}
	 */
	public static SnsFilterPolicy parse(String policyJson, Scope scope) {
		Objects.requireNonNull(policyJson, "policyJson");
		Scope effective = scope == null ? Scope.MessageAttributes : scope;
		boolean orRelationships = true;
		RuleSet rules;
		try {
			rules = PatternCompiler.compile(policyJson, Dialect.SNS, true);
		}
		catch (MalformedRuleException e) {
			// [DOC and-or-logic] "$or" that is not an array of two or more objects without operator names is a key
			orRelationships = false;
			try {
				rules = PatternCompiler.compile(policyJson, Dialect.SNS, false);
			}
			catch (MalformedRuleException again) {
				throw InvalidFilterPolicyException.policy(again.getMessage());
			}
		}
		JsonNode tree;
		try {
			tree = JSON.readTree(policyJson);
		}
		catch (JsonProcessingException e) {
			throw InvalidFilterPolicyException.policy(e.getOriginalMessage());
		}
		if (effective == Scope.MessageAttributes && nested(tree, orRelationships)) {
			throw InvalidFilterPolicyException
					.unnamed("Filter policy scope MessageAttributes does not support nested filter policy");
		}
		if (tree.size() > MAX_KEYS) {
			throw InvalidFilterPolicyException.policy("Filter policy can not have more than 5 keys");
		}
		if (combinations(tree, 1, 1, orRelationships) > MAX_COMBINATIONS) {
			throw InvalidFilterPolicyException.policy("Filter policy is too complex");
		}
		return new SnsFilterPolicy(policyJson, effective, rules);
	}

	public Scope scope() {
		return scope;
	}

	/**
	 * Whether a message passes, looking where the policy's scope says.
	 *
	 * @param body the message body, for {@code MessageBody}
	 * @param attributes the message attributes, for {@code MessageAttributes}
	 */
	public boolean matches(String body, Map<String, Attribute> attributes) {
		return scope == Scope.MessageBody ? matchesBody(body) : matchesAttributes(attributes);
	}

	/** Whether message attributes pass ({@code MessageAttributes} scope). */
	public boolean matchesAttributes(Map<String, Attribute> attributes) {
		if (attributes == null || attributes.isEmpty()) {
			return false;
		}
		ObjectNode event = JSON.createObjectNode();
		attributes.forEach((name, attribute) -> {
			JsonNode value = leafOf(attribute);
			if (value != null) {
				event.set(name, value);
			}
		});
		return rules.matches(event);
	}

	/** Whether a body passes ({@code MessageBody} scope): only a JSON object can. */
	public boolean matchesBody(String body) {
		if (body == null) {
			return false;
		}
		JsonNode tree;
		try {
			tree = JSON.readTree(body);
		}
		catch (JsonProcessingException e) {
			return false;
		}
		return tree != null && tree.isObject() && rules.matches(tree);
	}

	/** The attribute as a JSON value, or {@code null} if filters ignore it. */
	private static JsonNode leafOf(Attribute attribute) {
		String type = attribute.type();
		String value = attribute.value();
		if (value == null) {
			return null;
		}
		if (type.equals("String.Array")) {
			try {
				JsonNode array = JSON.readTree(value);
				return array != null && array.isArray() ? array : null;
			}
			catch (JsonProcessingException e) {
				return null;
			}
		}
		String base = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
		switch (base) {
			case "String":
				return TextNode.valueOf(value);
			case "Number":
				try {
					return DecimalNode.valueOf(new BigDecimal(value.trim()));
				}
				catch (NumberFormatException e) {
					return TextNode.valueOf(value);
				}
			default:
				return null;
		}
	}

	private static boolean nested(JsonNode object, boolean orRelationships) {
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			JsonNode value = field.getValue();
			if (orRelationships && PatternCompiler.OR.equals(field.getKey()) && value.isArray()) {
				for (JsonNode branch : value) {
					if (nested(branch, true)) {
						return true;
					}
				}
			}
			else if (value.isObject()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SNS's count of combinations: every array multiplies the count by its length and by its depth (1 at the top);
	 * the branches of {@code $or} each start from the count so far and are added up. This reproduces every count SNS
	 * was seen to accept or reject: 151 values; 100 × 51; {@code source} × ({@code metricName} | {@code metricType} ×
	 * ({@code metricId} | {@code spaceId})) = 152; nested keys 3·4 × 2·3 × 1·3 = 216; and a nested {@code $or} at
	 * depth 2 giving 160 [AWS-SNAP 2024-05].
	 */
	private static long combinations(JsonNode object, int depth, long count, boolean orRelationships) {
		long combinations = count;
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			JsonNode value = field.getValue();
			if (value.isObject()) {
				combinations = combinations(value, depth + 1, combinations, orRelationships);
			}
			else if (orRelationships && PatternCompiler.OR.equals(field.getKey()) && value.isArray()) {
				long sum = 0;
				for (JsonNode branch : value) {
					sum = capped(sum + combinations(branch, depth, combinations, true));
				}
				combinations = sum;
			}
			else if (value.isArray()) {
				combinations = capped(combinations * value.size() * depth);
			}
		}
		return combinations;
	}

	private static long capped(long value) {
		return Math.min(value, 1_000_000);
	}

	@Override
	public String toString() {
		return source;
	}
}
