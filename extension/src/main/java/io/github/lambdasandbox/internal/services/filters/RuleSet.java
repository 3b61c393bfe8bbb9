package io.github.lambdasandbox.internal.services.filters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled pattern: one or more rules ({@code $or} gives several), each a set of fields that must all match (AND
 * across fields). A field matches if one of its leaves matches one of its values, and all the leaves a rule uses must
 * agree on the array elements they come from. Fields are tried in the order of their paths, as Event Ruler does; an
 * {@code exists: false} field matches when no leaf at its path agrees with the elements chosen so far.
 */
final class RuleSet {

	private final List<List<Field>> rules;

	private RuleSet(List<List<Field>> rules) {
		this.rules = rules;
	}

	static RuleSet of(List<Map<String, Field>> compiled) {
		List<List<Field>> rules = new ArrayList<>();
		for (Map<String, Field> rule : compiled) {
			List<Field> fields = new ArrayList<>(rule.values());
			fields.sort(Comparator.comparing(Field::path));
			rules.add(List.copyOf(fields));
		}
		return new RuleSet(List.copyOf(rules));
	}

	List<List<Field>> rules() {
		return rules;
	}

	/** Whether the JSON object matches any of the rules. */
	boolean matches(JsonNode object) {
		Leaves leaves = Leaves.of(object);
		for (List<Field> rule : rules) {
			if (matches(rule, 0, Leaves.Membership.NONE, leaves)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(List<Field> rule, int index, Leaves.Membership membership, Leaves leaves) {
		if (index == rule.size()) {
			return true;
		}
		Field field = rule.get(index);
		boolean present = false;
		for (Leaves.Leaf leaf : leaves.at(field.path())) {
			Leaves.Membership joined = membership.join(leaf.membership());
			if (joined == null) {
				continue;
			}
			present = true;
			if (field.accepts(leaf) && matches(rule, index + 1, joined, leaves)) {
				return true;
			}
		}
		return !present && field.acceptsAbsence() && matches(rule, index + 1, membership, leaves);
	}
}
