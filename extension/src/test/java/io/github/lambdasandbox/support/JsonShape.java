package io.github.lambdasandbox.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares two JSON documents by structure: the same field names in the same order, the same value types,
 * recursively (arrays by their first element). Values may differ: ids, times and ARNs are samples.
 */
public final class JsonShape {

	private JsonShape() {
	}

	/** The differences, one line each; empty if the shapes match. */
	public static List<String> differences(JsonNode expected, JsonNode actual) {
		List<String> out = new ArrayList<>();
		compare("$", expected, actual, out);
		return out;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
		if (actual == null || actual.isMissingNode()) {
			out.add(path + ": missing");
			return;
		}
		if (expected.getNodeType() != actual.getNodeType()) {
			out.add(path + ": expected " + expected.getNodeType() + " but was " + actual.getNodeType() + " (" + actual + ")");
			return;
		}
		if (expected.isObject()) {
			List<String> expectedNames = names(expected);
			List<String> actualNames = names(actual);
			if (!expectedNames.equals(actualNames)) {
				out.add(path + ": fields " + actualNames + " but AWS writes " + expectedNames);
			}
			for (String name : expectedNames) {
				if (actual.has(name)) {
					compare(path + "." + name, expected.get(name), actual.get(name), out);
				}
			}
		}
		else if (expected.isArray() && expected.size() > 0 && actual.size() > 0) {
			compare(path + "[0]", expected.get(0), actual.get(0), out);
		}
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}
}
