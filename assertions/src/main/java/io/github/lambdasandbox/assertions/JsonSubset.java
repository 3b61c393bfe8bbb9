package io.github.lambdasandbox.assertions;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether one JSON value contains another: every field of an expected object is in the actual one with a
 * containing value; arrays have the same length and contain element by element; other values are equal.
 */
final class JsonSubset {

	private JsonSubset() {
	}

	/** The JSON pointer of the first place where {@code actual} does not contain {@code expected}, or null. */
	static String firstMismatch(JsonNode expected, JsonNode actual) {
		return mismatch("", expected, actual);
	}

	private static String mismatch(String path, JsonNode expected, JsonNode actual) {
		if (actual == null || actual.isMissingNode()) {
			return path.isEmpty() ? "/" : path;
		}
		if (expected.isObject()) {
			if (!actual.isObject()) {
				return path.isEmpty() ? "/" : path;
			}
			for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				String at = mismatch(path + "/" + field.getKey(), field.getValue(), actual.get(field.getKey()));
				if (at != null) {
					return at;
				}
			}
			return null;
		}
		if (expected.isArray()) {
			if (!actual.isArray() || actual.size() != expected.size()) {
				return path.isEmpty() ? "/" : path;
			}
			for (int i = 0; i < expected.size(); i++) {
				String at = mismatch(path + "/" + i, expected.get(i), actual.get(i));
				if (at != null) {
					return at;
				}
			}
			return null;
		}
		return expected.equals(actual) ? null : (path.isEmpty() ? "/" : path);
	}
}
