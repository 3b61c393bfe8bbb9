package io.github.lambdasandbox.internal.bytecode;

import java.time.Instant;
import java.util.Set;

import io.github.lambdasandbox.internal.bytecode.fixtures.ExitCalls;
import io.github.lambdasandbox.internal.bytecode.fixtures.TimeCalls;
import net.bytebuddy.agent.ByteBuddyAgent;

/** What {@link ForkedJvmTests} runs in a JVM of its own: what would end, or must not see, the test's JVM. */
final class ForkedJvm {

	private ForkedJvm() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "exit" -> exit(args[1], Integer.parseInt(args[2]));
			case "loader" -> loader();
			case "refused" -> refused();
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	/** Exits ({@code kind}: System.exit, Runtime.exit, Runtime.halt) on a handler's thread, then for real. */
	private static void exit(String kind, int status) throws Exception {
		System.out.println("rewritten: " + HandlerCode.instrument(ExitCalls.class, Set.of()));
		try {
			new ManualClock().runAsHandler(() -> ExitCalls.exit(kind, status + 1));
			System.out.println("handler thread: no exit");
		}
		catch (ProcessExit exit) {
			System.out.println("handler thread: " + exit.getMessage());
		}
		System.out.flush();
		ExitCalls.exit(kind, status);
		System.out.println("still running");
	}

	/** With -XX:-EnableDynamicAgentLoading: the agent cannot be attached; asked twice, it says so twice at once. */
	private static void refused() {
		for (int i = 1; i <= 2; i++) {
			long start = System.nanoTime();
			try {
				HandlerCode.instrument(TimeCalls.class, Set.of());
				System.out.println("attempt " + i + ": attached");
			}
			catch (IllegalStateException e) {
				System.out.println("attempt " + i + ": " + e.getMessage());
				System.out.println("attempt " + i + " took ms: " + (System.nanoTime() - start) / 1_000_000);
			}
		}
	}

	/** With -Dlambdasandbox.bytecode=loader: no agent, but environments rewrite what they load. */
	private static void loader() throws Exception {
		System.out.println("rewritten by an agent: " + HandlerCode.instrument(TimeCalls.class, Set.of()));
		System.out.println("agent installed: " + HandlerCode.agentInstalled());
		try {
			ByteBuddyAgent.getInstrumentation();
			System.out.println("instrumentation: available");
		}
		catch (IllegalStateException e) {
			System.out.println("instrumentation: none");
		}
		ManualClock clock = new ManualClock();
		Instant unchanged = clock.callAsHandler(TimeCalls::instantNow);
		System.out.println("loaded by the application: " + (unchanged.equals(ManualClock.START) ? "virtual" : "system"));
		EnvironmentClassLoader environment = EnvironmentClassLoader.forHandler(TimeCalls.class, Set.of());
		Class<?> anew = environment.loadHandler(TimeCalls.class.getName());
		System.out.println("loaded by an environment: " + clock.callAsHandler(() -> anew.getMethod("instantNow").invoke(null)));
	}
}
