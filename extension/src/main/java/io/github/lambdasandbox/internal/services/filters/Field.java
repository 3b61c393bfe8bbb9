package io.github.lambdasandbox.internal.services.filters;

import java.util.List;

/** One field of a rule: the leaf path it names and its values, any of which may match (OR within the array). */
record Field(String path, List<ValueMatcher> values) {

	Field {
		values = List.copyOf(values);
	}

	/** Whether {@code {"exists": false}} is among the values: then the field also matches when nothing is there. */
	boolean acceptsAbsence() {
		return values.stream().anyMatch(ValueMatcher.Absent.class::isInstance);
	}

	boolean accepts(Leaves.Leaf leaf) {
		for (ValueMatcher value : values) {
			if (value.test(leaf.value())) {
				return true;
			}
		}
		return false;
	}
}
