package io.github.lambdasandbox.internal.services.filters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON object flattened as Event Ruler sees it: every string, number, boolean and null, named by the dot-joined keys
 * on its way down ({@code {"a":{"b.c":1}}} and {@code {"a.b":{"c":1}}} both give {@code a.b.c}). Arrays are looked
 * through: each element is a leaf of the array's own path. Empty arrays and empty objects leave nothing, so they do not
 * exist. A leaf inside an object (or array) that is an element of an array remembers which element it came from, so
 * that a rule cannot take two of its fields from different elements of the same array.
 */
final class Leaves {

	/** One leaf value and the array elements it sits in. */
	record Leaf(JsonNode value, Membership membership) {
	}

	private final Map<String, List<Leaf>> byPath = new HashMap<>();

	private int arrays;

	private Leaves() {
	}

	static Leaves of(JsonNode object) {
		Leaves leaves = new Leaves();
		leaves.object(object, null, Membership.NONE);
		return leaves;
	}

	List<Leaf> at(String path) {
		return byPath.getOrDefault(path, List.of());
	}

	private void object(JsonNode object, String path, Membership membership) {
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			value(field.getValue(), path == null ? field.getKey() : path + "." + field.getKey(), membership);
		}
	}

	private void value(JsonNode value, String path, Membership membership) {
		if (value.isObject()) {
			object(value, path, membership);
		}
		else if (value.isArray()) {
			int array = arrays++;
			for (int index = 0; index < value.size(); index++) {
				JsonNode element = value.get(index);
				if (element.isContainerNode()) {
					value(element, path, membership.with(array, index));
				}
				else {
					value(element, path, membership);
				}
			}
		}
		else {
			byPath.computeIfAbsent(path, any -> new ArrayList<>()).add(new Leaf(value, membership));
		}
	}

	/** The array elements a leaf belongs to: pairs of array number and element index, sorted by array number. */
	static final class Membership {

		static final Membership NONE = new Membership(new int[0]);

		private final int[] pairs;

		private Membership(int[] pairs) {
			this.pairs = pairs;
		}

		Membership with(int array, int index) {
			int[] more = Arrays.copyOf(pairs, pairs.length + 2);
			more[pairs.length] = array;
			more[pairs.length + 1] = index;
			return new Membership(more);
		}

		/** Both memberships at once, or {@code null} if they place the same array at different elements. */
		Membership join(Membership other) {
			if (other.pairs.length == 0) {
				return this;
			}
			if (pairs.length == 0) {
				return other;
			}
			Map<Integer, Integer> joined = new HashMap<>();
			for (int i = 0; i < pairs.length; i += 2) {
				joined.put(pairs[i], pairs[i + 1]);
			}
			for (int i = 0; i < other.pairs.length; i += 2) {
				Integer index = joined.putIfAbsent(other.pairs[i], other.pairs[i + 1]);
				if (index != null && index != other.pairs[i + 1]) {
					return null;
				}
			}
			int[] merged = new int[joined.size() * 2];
			int at = 0;
			for (Map.Entry<Integer, Integer> entry : joined.entrySet()) {
				merged[at++] = entry.getKey();
				merged[at++] = entry.getValue();
			}
			return new Membership(merged);
		}
	}
}
