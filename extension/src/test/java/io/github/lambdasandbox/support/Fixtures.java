package io.github.lambdasandbox.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * AWS's own sample documents, copied byte for byte from the project's reference ({@code shared/fixtures}) into
 * the test resources ({@code aws-samples/}), so that the tests run on a clone with nothing beside it.
 */
public final class Fixtures {

	/** The folder of the copies on the test class path. */
	public static final String FOLDER = "aws-samples/";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Fixtures() {
	}

	public static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No AWS sample \"" + name + "\" in the test resources (" + FOLDER
						+ "). Copy it there from shared/fixtures, byte for byte.");
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String text(String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	public static JsonNode json(String name) {
		return parse(text(name));
	}

	public static JsonNode parse(String json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
