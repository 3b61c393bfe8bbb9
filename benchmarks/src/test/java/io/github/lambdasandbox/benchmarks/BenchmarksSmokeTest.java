package io.github.lambdasandbox.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The benchmarks run end to end with a few iterations each (about two seconds); the figures are not checked. */
class BenchmarksSmokeTest {

	@Test
	void everyBenchmarkRunsAndPrintsItsTable() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Benchmarks.run(Benchmarks.Settings.QUICK, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String out = bytes.toString(StandardCharsets.UTF_8);
		for (String expected : new String[] { "0. Throughput", "floor, success", "sandbox, failure", "Heap: ", "1. S3 failure lab", "baseline (a): handler called directly 3 times",
				"2. Per-test overhead", "overhead per test", "3. Heap per open sandbox", "per open sandbox, fresh" }) {
			assertTrue(out.contains(expected), () -> "missing \"" + expected + "\" in:\n" + out);
		}
	}

	@Test
	void theCostsOfHandlerCodeInVirtualTimeArePrinted() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		HandlerCodeCosts.run(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String out = bytes.toString(StandardCharsets.UTF_8);
		for (String expected : new String[] { "first sandbox that rewrites", "later sandboxes of the same declarations",
				"reading Instant.now() once", "more per rewritten call" }) {
			assertTrue(out.contains(expected), () -> "missing \"" + expected + "\" in:\n" + out);
		}
	}
}
