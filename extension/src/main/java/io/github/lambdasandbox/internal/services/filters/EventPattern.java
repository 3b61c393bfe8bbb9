package io.github.lambdasandbox.internal.services.filters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * An EventBridge event pattern, validated as PutRule and TestEventPattern validate it and matched as a rule matches.
 *
 * <p>AWS facts [AWS-SNAP 2025-10 TestEventPattern; DOC eb-create-pattern-operators; Event Ruler]:
 * <ul>
 * <li>Every field's value is an array of alternatives (OR) or an object to descend into; fields are ANDed. An array in
 * the event matches if any element matches. Keys and operators are case-sensitive.
 * <li>Values: strings, numbers (compared by value: {@code [300]} matches {@code 300.0}), {@code true}, {@code false},
 * {@code null} (only JSON null, not {@code "null"}, not {@code []}), and the operators {@code prefix}, {@code suffix}
 * (both optionally {@code {"equals-ignore-case": …}}), {@code equals-ignore-case}, {@code anything-but} (a value, a
 * list, or {@code prefix}/{@code suffix}/{@code equals-ignore-case}/{@code wildcard}), {@code numeric},
 * {@code exists}, {@code cidr}, {@code wildcard}, and {@code $or}.
 * <li>{@code anything-but} never matches a missing field but matches {@code null} and values of another type.
 * {@code exists: true} needs a value (an empty array or an object is not one); {@code exists: false} matches a missing
 * field or parent.
 * <li>Keys are joined with dots on both sides: {@code {"a":{"b.c":[1]}}} and {@code {"a.b":{"c":[1]}}} are the same
 * path, in the pattern and in the event. JSON inside a string is never parsed.
 * <li>Fields taken from objects in an array must come from the same element.
 * <li>A key given twice keeps its last value.
 * </ul>
 *
 * <p>Numbers in {@code numeric} are compared exactly, with no range check: the documentation's −5.0e9…5.0e9 limit is
 * Event Ruler's old one, and no AWS error for it has been observed.
 */
public final class EventPattern {

	/**
	 * Above this, a pattern's wildcards are {@code Rule is too complex}. Event Ruler leaves the limit to its user; the
	 * README suggests 10 per rule, and it fits what AWS does: complexity 7 ({@code /Users/*}{@code /dir/dir/dir/dir/dir/doc.txt})
	 * is accepted, 11 ({@code *:*:*:*:*:event-bus/*}) is not [AWS-SNAP 2025-10; INF].
	 */
	static final int MAX_WILDCARD_COMPLEXITY = 10;

	private static final String TOO_COMPLEX = "Rule is too complex - try using fewer wildcard characters or fewer"
			+ " repeating character sequences after a wildcard character";

	private static final ObjectMapper JSON = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();

	private final String source;

	private final RuleSet rules;

	private EventPattern(String source, RuleSet rules) {
		this.source = source;
		this.rules = rules;
	}

	/**
	 * The pattern, or AWS's {@link InvalidEventPatternException}, e.g.
	 * {@code Event pattern is not valid. Reason: "int" must be an object or an array}.
	 */
	public static EventPattern parse(String patternJson) {
		Objects.requireNonNull(patternJson, "patternJson");
		RuleSet rules;
		try {
			rules = PatternCompiler.compile(patternJson, Dialect.EVENTBRIDGE, true);
		}
		catch (MalformedRuleException e) {
			throw new InvalidEventPatternException(e.getMessage());
		}
		if (wildcardComplexity(rules) > MAX_WILDCARD_COMPLEXITY) {
			throw new InvalidEventPatternException(TOO_COMPLEX);
		}
		return new EventPattern(patternJson, rules);
	}

	/**
	 * Whether the event matches.
	 *
	 * @throws IllegalArgumentException with TestEventPattern's {@code Parameter Event is not valid.} if the event is
	 * not a JSON object
	 */
	public boolean matches(String eventJson) {
		JsonNode event;
		try {
			event = JSON.readTree(eventJson);
		}
		catch (JsonProcessingException e) {
			throw notAnEvent();
		}
		return matches(event);
	}

	/** Whether the event (a JSON object) matches. */
	public boolean matches(JsonNode event) {
		if (event == null || !event.isObject()) {
			throw notAnEvent();
		}
		return rules.matches(event);
	}

	private static IllegalArgumentException notAnEvent() {
		return new IllegalArgumentException("Parameter Event is not valid.");
	}

	/**
	 * The highest complexity among the groups of wildcard values that would share one Event Ruler state machine: the
	 * same path reached through the same preceding fields. A value used both as {@code wildcard} and as
	 * {@code anything-but} {@code wildcard} counts twice, as two patterns.
	 */
	private static int wildcardComplexity(RuleSet rules) {
		Map<List<Object>, Map<String, Wildcard>> groups = new HashMap<>();
		for (List<Field> rule : rules.rules()) {
			List<Object> preceding = new ArrayList<>();
			for (Field field : rule) {
				Map<String, Wildcard> wildcards = new LinkedHashMap<>();
				for (ValueMatcher value : field.values()) {
					if (value instanceof ValueMatcher.WildcardMatch match) {
						wildcards.put("wildcard " + match.wildcard().text(), match.wildcard());
					}
					else if (value instanceof ValueMatcher.AnythingButWildcard anythingBut) {
						anythingBut.wildcards().forEach(w -> wildcards.put("anything-but " + w.text(), w));
					}
				}
				if (!wildcards.isEmpty()) {
					List<Object> key = new ArrayList<>(preceding);
					key.add(field.path());
					groups.computeIfAbsent(key, any -> new LinkedHashMap<>()).putAll(wildcards);
				}
				preceding.add(field);
			}
		}
		int worst = 0;
		for (Map<String, Wildcard> group : groups.values()) {
			worst = Math.max(worst, Wildcard.complexity(List.copyOf(group.values()), MAX_WILDCARD_COMPLEXITY));
		}
		return worst;
	}

	@Override
	public String toString() {
		return source;
	}
}
