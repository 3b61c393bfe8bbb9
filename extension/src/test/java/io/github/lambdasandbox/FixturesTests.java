package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AWS samples in the test resources")
class FixturesTests {

	@Test
	void everySampleTheTestsReadIsOnTheTestClassPath() {
		for (String name : List.of("async-record-success.json", "async-record-java-failure.json",
				"async-record-event-age-exceeded.json", "async-record-zero-reserved-concurrency.json",
				"eventbridge-destination-success.json", "dlq-message-sqs.json", "s3-object-created-put.json",
				"java-error-payload.json", "timeout-error-payload.json", "cloudwatch-log-lines.txt")) {
			assertThat(Fixtures.bytes(name)).as(name).isNotEmpty();
		}
	}

	/** Where the project's reference sits beside the repository (contributors' machines), the copies are exact. */
	@Test
	void theCopiesAreByteIdenticalToTheReferenceWhenItIsBesideTheRepository() throws IOException {
		Path reference = reference();
		assumeTrue(reference != null, "no shared/fixtures beside the repository: nothing to compare with");
		try (Stream<Path> files = Files.list(reference)) {
			for (Path file : files.sorted().toList()) {
				assertThat(Fixtures.bytes(file.getFileName().toString())).as("%s", file.getFileName())
						.isEqualTo(Files.readAllBytes(file));
			}
		}
	}

	private static Path reference() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("fixtures");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return null;
	}
}
