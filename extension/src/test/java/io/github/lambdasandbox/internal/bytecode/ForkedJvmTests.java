package io.github.lambdasandbox.internal.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What cannot run in the test's own JVM: real exits, and a JVM without agent. Each runs {@link ForkedJvm}. */
@DisplayName("In a JVM of its own: real exits off handler threads, the agent given by -javaagent:, refused, or not used")
class ForkedJvmTests {

	@TempDir
	Path dir;

	private record Ended(int status, String out, String err) {
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "System.exit", "Runtime.exit", "Runtime.halt" })
	void anExitEndsTheAttemptOnAHandlerThreadAndTheJvmElsewhere(String call) throws Exception {
		Ended ended = fork(List.of("-javaagent:" + HandlerCode.agentJar()), "exit", call, "7");

		assertThat(ended.status()).as(ended.err()).isEqualTo(7);
		assertThat(ended.out()).contains("rewritten: true",
				"handler thread: " + call + "(8) in handler code: the runtime exits with status 8")
				.doesNotContain("still running");
		// the agent came with the JVM: nothing attached, nothing to warn about
		assertThat(ended.err()).doesNotContain("lambda-sandbox is attaching", "could not");
	}

	@Test
	void inModeLoaderNoAgentIsAttachedAndEnvironmentsStillRewriteWhatTheyLoad() throws Exception {
		Ended ended = fork(List.of("-D" + HandlerCode.MODE_PROPERTY + "=loader"), "loader");

		assertThat(ended.status()).as(ended.err()).isZero();
		assertThat(ended.out()).contains("rewritten by an agent: false", "agent installed: false", "instrumentation: none",
				"loaded by the application: system", "loaded by an environment: " + ManualClock.START);
	}

	@Test
	void aJvmThatRefusesAgentsFailsTheSandboxWithWhatToDoAndOnlyOnce() throws Exception {
		Ended ended = fork(List.of("-XX:-EnableDynamicAgentLoading"), "refused");

		assertThat(ended.status()).as(ended.err()).isZero();
		assertThat(ended.out()).contains("attempt 1: lambda-sandbox could not attach its Java agent",
				"attempt 2: lambda-sandbox could not attach its Java agent", "-javaagent:" + HandlerCode.agentJar(),
				"-Dlambdasandbox.bytecode=loader", "-Dlambdasandbox.bytecode=off").doesNotContain(": attached");
		// the second time it does not try again (an attach takes about a second)
		assertThat(ended.out().lines().filter(line -> line.startsWith("attempt 2 took ms: "))
				.map(line -> Long.parseLong(line.substring("attempt 2 took ms: ".length())))).singleElement()
				.satisfies(millis -> assertThat(millis).isLessThan(100));
	}

	private Ended fork(List<String> options, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ForkedJvm.class.getName());
		command.addAll(List.of(arguments));
		File out = dir.resolve("out.txt").toFile();
		File err = dir.resolve("err.txt").toFile();
		Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("The forked JVM did not end: " + command);
		}
		return new Ended(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
	}
}
