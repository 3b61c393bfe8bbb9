package io.github.lambdasandbox.benchmarks;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;

/**
 * What handler code in virtual time costs, measured in one JVM: the first instrumentation (the Java agent attached,
 * the handler's code source rewritten) against a later sandbox of the same declarations, an invocation whose
 * handler reads the clock with its calls rewritten against the same handler unrewritten, and one whose handler hands
 * tasks to a pool (each carrying its attempt when rewritten). Must run first in its JVM
 * (before any sandbox has attached the agent): {@code mvn -B -q -pl benchmarks exec:exec -Dbenchmark.args=--handler-code}.
 *
 * <p>The two copies of the handler run side by side: each in an isolated execution environment, one loaded while
 * {@code -Dlambdasandbox.bytecode=off} (its class loader does not rewrite), the other with rewriting on; batches of
 * invocations alternate between them.
 */
public final class HandlerCodeCosts {

	/** Reads the clock once: {@code Instant.now()}. */
	public static class ReadsTheClock implements RequestHandler<Map<String, Object>, Long> {

		@Override
		public Long handleRequest(Map<String, Object> event, Context context) {
			return Instant.now().toEpochMilli();
		}
	}

	/** Reads the clock 1000 times ({@code System.currentTimeMillis()}): the rewritten call's own cost. */
	public static class ReadsTheClockOften implements RequestHandler<Map<String, Object>, Long> {

		@Override
		public Long handleRequest(Map<String, Object> event, Context context) {
			long sum = 0;
			for (int i = 0; i < 1000; i++) {
				sum += System.currentTimeMillis() & 1;
			}
			return sum;
		}
	}

	/**
	 * Hands 100 tasks, one after the other, to a thread of a pool and waits for each: rewritten, each task carries the
	 * attempt to the pool's thread and back.
	 */
	public static class HandsOffTasks implements RequestHandler<Map<String, Object>, Long> {

		private static final ExecutorService POOL = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "hands-off");
			thread.setDaemon(true);
			return thread;
		});

		@Override
		public Long handleRequest(Map<String, Object> event, Context context) {
			long sum = 0;
			try {
				for (int i = 0; i < 100; i++) {
					sum += POOL.submit(() -> 1L).get();
				}
			}
			catch (InterruptedException | ExecutionException e) {
				throw new IllegalStateException(e);
			}
			return sum;
		}
	}

	@LambdaFunction(name = "once", handler = ReadsTheClock.class)
	@LambdaFunction(name = "often", handler = ReadsTheClockOften.class)
	@LambdaFunction(name = "tasks", handler = HandsOffTasks.class)
	static class Shared {
	}

	@LambdaSandbox(isolatedEnvironments = true)
	@LambdaFunction(name = "once", handler = ReadsTheClock.class)
	@LambdaFunction(name = "often", handler = ReadsTheClockOften.class)
	@LambdaFunction(name = "tasks", handler = HandsOffTasks.class)
	static class Isolated {
	}

	private static final String MODE = "lambdasandbox.bytecode";

	private HandlerCodeCosts() {
	}

	public static void run(boolean quick, PrintStream out) {
		String mode = System.getProperty(MODE);
		// the sandbox's own classes loaded first, nothing rewritten: what follows measures the rewriting alone
		System.setProperty(MODE, "off");
		try (Sandbox warm = Sandbox.create(Shared.class)) {
			warm.invoke("once", "{}");
		}
		restore(mode);
		long first = System.nanoTime();
		Sandbox.create(Shared.class).close();
		first = System.nanoTime() - first;
		long later = Long.MAX_VALUE;
		for (int i = 0; i < (quick ? 5 : 200); i++) {
			long start = System.nanoTime();
			Sandbox.create(Shared.class).close();
			later = Math.min(later, System.nanoTime() - start);
		}

		System.setProperty(MODE, "off");
		Sandbox off = Sandbox.create(Isolated.class);
		off.invoke("once", "{}");
		off.invoke("often", "{}");
		off.invoke("tasks", "{}");
		restore(mode);
		Sandbox on = Sandbox.create(Isolated.class);
		on.invoke("once", "{}");
		on.invoke("often", "{}");
		on.invoke("tasks", "{}");
		int batch = quick ? 20 : 2_000;
		int rounds = quick ? 2 : 10;
		for (int i = 0; i < rounds; i++) {
			batch(off, "once", batch);
			batch(on, "once", batch);
			batch(off, "often", batch / 10);
			batch(on, "often", batch / 10);
			batch(off, "tasks", batch / 10);
			batch(on, "tasks", batch / 10);
		}
		long onceOff = Long.MAX_VALUE;
		long onceOn = Long.MAX_VALUE;
		long oftenOff = Long.MAX_VALUE;
		long oftenOn = Long.MAX_VALUE;
		long tasksOff = Long.MAX_VALUE;
		long tasksOn = Long.MAX_VALUE;
		for (int i = 0; i < rounds; i++) {
			onceOff = Math.min(onceOff, batch(off, "once", batch));
			onceOn = Math.min(onceOn, batch(on, "once", batch));
			oftenOff = Math.min(oftenOff, batch(off, "often", batch / 10));
			oftenOn = Math.min(oftenOn, batch(on, "often", batch / 10));
			tasksOff = Math.min(tasksOff, batch(off, "tasks", batch / 10));
			tasksOn = Math.min(tasksOn, batch(on, "tasks", batch / 10));
		}
		off.close();
		on.close();

		out.println();
		out.println("Handler code in virtual time (time, sleep and exit calls rewritten), measured in one JVM:");
		out.printf(Locale.ROOT, "   first sandbox that rewrites (Java agent attached, code source retransformed): %.0f ms%n",
				first / 1e6);
		out.printf(Locale.ROOT, "   later sandboxes of the same declarations (create + close, best): %.3f ms (%.0f× less)%n",
				later / 1e6, (double) first / later);
		out.printf(Locale.ROOT, "   invocation of a handler reading Instant.now() once: %.2f µs rewritten, %.2f µs not (%.2f×)%n",
				onceOn / 1e3 / batch, onceOff / 1e3 / batch, (double) onceOn / onceOff);
		int often = batch / 10;
		out.printf(Locale.ROOT, "   invocation of a handler reading System.currentTimeMillis() 1000 times: %.2f µs rewritten, "
				+ "%.2f µs not (%.2f×): %.1f ns more per rewritten call%n", oftenOn / 1e3 / often, oftenOff / 1e3 / often,
				(double) oftenOn / oftenOff, (oftenOn - oftenOff) / (double) often / 1000);
		out.printf(Locale.ROOT, "   invocation of a handler handing 100 tasks to a pool's thread, one by one: %.2f µs rewritten "
				+ "(each task runs for the attempt), %.2f µs not (%.2f×): %.2f µs more per task%n", tasksOn / 1e3 / often,
				tasksOff / 1e3 / often, (double) tasksOn / tasksOff, (tasksOn - tasksOff) / (double) often / 100 / 1e3);
	}

	private static long batch(Sandbox sandbox, String function, int invocations) {
		long start = System.nanoTime();
		for (int i = 0; i < invocations; i++) {
			sandbox.invoke(function, "{}");
		}
		return System.nanoTime() - start;
	}

	private static void restore(String mode) {
		if (mode == null) {
			System.clearProperty(MODE);
		}
		else {
			System.setProperty(MODE, mode);
		}
	}
}
