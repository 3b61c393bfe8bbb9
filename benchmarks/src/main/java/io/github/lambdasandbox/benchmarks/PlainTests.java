package io.github.lambdasandbox.benchmarks;

import org.junit.jupiter.api.RepeatedTest;

/** The baseline of {@link SandboxedTests}: the same {@value SandboxedTests#TESTS} empty tests, no sandbox. */
public class PlainTests {

	@RepeatedTest(SandboxedTests.TESTS)
	void nothing() {
		// nothing but noting the time, as SandboxedTests does
		SandboxedTests.bodyAt = System.nanoTime();
	}
}
