package io.github.lambdasandbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** AWS's own sample documents, in {@code shared/fixtures} beside the repository. */
public final class Fixtures {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Fixtures() {
	}

	public static Path directory() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("fixtures");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath()
				+ ": the tests compare with AWS's sample documents there (the repository's ../shared/fixtures).");
	}

	public static String text(String name) {
		try {
			return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
