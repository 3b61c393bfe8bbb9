package io.github.lambdasandbox.internal.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one copy of texts that come back again and again (an error's type, message and log text, attempt after
 * attempt), so that a journal of thousands of failures holds each once. Bounded: past its size, texts are kept
 * as they come. Engine only.
 */
final class StringPool {

	private static final int SIZE = 4096;

	private final Map<String, String> pool = new HashMap<>();

	String dedupe(String text) {
		if (text == null) {
			return null;
		}
		String kept = pool.get(text);
		if (kept != null) {
			return kept;
		}
		if (pool.size() < SIZE) {
			pool.put(text, text);
		}
		return text;
	}
}
