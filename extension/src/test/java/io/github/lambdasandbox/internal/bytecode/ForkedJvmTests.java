package io.github.lambdasandbox.internal.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot run in the test's own JVM: real exits, a JVM that refuses agents, a JVM without agent. Each case
 * runs {@link ForkedJvm} in a JVM of its own; the JVMs start together, and each case waits for its own.
 */
@DisplayName("In a JVM of its own: real exits off handler threads, the agent given by -javaagent:, refused, or not used")
class ForkedJvmTests {

	@TempDir
	static Path dir;

	private record Ended(int status, String out, String err) {
	}

	@TestFactory
	Stream<DynamicTest> inJvmsOfTheirOwn() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (String call : List.of("System.exit", "Runtime.exit", "Runtime.halt")) {
			Forked forked = fork(List.of("-javaagent:" + HandlerCode.agentJar()), "exit", call, "7");
			tests.add(dynamicTest(call + " ends the attempt on a handler's thread, and the JVM elsewhere", () -> {
				Ended ended = forked.ended();

				assertThat(ended.status()).as(ended.err()).isEqualTo(7);
				assertThat(ended.out()).contains("rewritten: true",
						"handler thread: " + call + "(8) in handler code: the runtime exits with status 8")
						.doesNotContain("still running");
				// the agent came with the JVM: nothing attached, nothing to warn about
				assertThat(ended.err()).doesNotContain("lambda-sandbox is attaching", "could not");
			}));
		}
		Forked refused = fork(List.of("-XX:-EnableDynamicAgentLoading"), "refused");
		tests.add(dynamicTest("a JVM that refuses agents fails the sandbox with what to do, and tries once", () -> {
			Ended ended = refused.ended();

			assertThat(ended.status()).as(ended.err()).isZero();
			assertThat(ended.out()).contains("attempt 1: lambda-sandbox could not attach its Java agent",
					"attempt 2: lambda-sandbox could not attach its Java agent", "-javaagent:" + HandlerCode.agentJar(),
					"-Dlambdasandbox.bytecode=loader", "-Dlambdasandbox.bytecode=off").doesNotContain(": attached");
			// the second time it does not try again (an attach takes about a second)
			assertThat(ended.out().lines().filter(line -> line.startsWith("attempt 2 took ms: "))
					.map(line -> Long.parseLong(line.substring("attempt 2 took ms: ".length())))).singleElement()
					.satisfies(millis -> assertThat(millis).isLessThan(100));
		}));
		Forked loader = fork(List.of("-D" + HandlerCode.MODE_PROPERTY + "=loader"), "loader");
		tests.add(dynamicTest("in mode loader no agent is attached, and environments still rewrite what they load", () -> {
			Ended ended = loader.ended();

			assertThat(ended.status()).as(ended.err()).isZero();
			assertThat(ended.out()).contains("rewritten by an agent: false", "agent installed: false",
					"instrumentation: none", "loaded by the application: system",
					"loaded by an environment: " + ManualClock.START);
		}));
		return tests.stream();
	}

	/** A JVM running {@link ForkedJvm}, started. */
	private record Forked(List<String> command, Process process, File out, File err) {

		Ended ended() throws IOException, InterruptedException {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new AssertionError("The forked JVM did not end: " + command);
			}
			return new Ended(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
		}
	}

	private static Forked fork(List<String> options, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// a short-lived JVM: start fast
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(options);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ForkedJvm.class.getName());
		command.addAll(List.of(arguments));
		String name = String.join("-", arguments).replace('.', '_');
		File out = dir.resolve(name + ".out").toFile();
		File err = dir.resolve(name + ".err").toFile();
		Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
		return new Forked(command, process, out, err);
	}
}
