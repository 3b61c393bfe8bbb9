package io.github.lambdasandbox.internal.engine;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.CurrentSandbox;

/**
 * The attempt a thread works for, carried into the tasks that its handler code hands to other threads: captured
 * where handler code submits a task ({@link #current()}, on the handler's thread), bound on the thread that runs it
 * for as long as the task runs ({@link #call}), and unbound after it, so that a pooled thread keeps nothing of an
 * attempt once its task is done. While bound, the thread's standard output goes to the attempt's log, AWS SDK
 * clients reach the attempt's sandbox ({@link CurrentSandbox}) and name its request in the journal, rewritten time
 * calls read the sandbox clock; sleeps stay real, and waiting in virtual time (a synchronous invoke, a long poll) is
 * refused ({@link VirtualTime}). Not API: public for {@code internal.bytecode.HandlerThreads}, which rewritten
 * handler code calls.
 *
 * <p>A task may run after its attempt ended: what it prints then reaches the log in the environment's next
 * invocation, as in AWS, where the environment and its threads are frozen in between ({@link AttemptRun#log}).
 */
public final class AttemptContext {

	private final AttemptRun run;

	private final Consumer<String> log;

	AttemptContext(AttemptRun run) {
		this.run = run;
		this.log = run::log;
	}

	/**
	 * The attempt the current thread works for — the attempt whose handler code it runs, or whose task — while the
	 * sandbox is open and has not given the attempt up; null on any other thread (the test's, a pool's between
	 * tasks).
	 */
	public static AttemptContext current() {
		AttemptRun run = Executive.CURRENT.get();
		if (run == null || run.abandoned || run.executive.isClosed()) {
			return null;
		}
		return run.context();
	}

	/**
	 * Runs {@code task} on the current thread as working for this attempt, and gives the thread back its own
	 * context after (on a thread that already works for this attempt, it just runs the task).
	 */
	public <T> T call(Callable<T> task) throws Exception {
		Outer outer = enter();
		try {
			return task.call();
		}
		finally {
			leave(outer);
		}
	}

	/** {@link #call} for a task that returns nothing. */
	public void run(Runnable task) {
		Outer outer = enter();
		try {
			task.run();
		}
		finally {
			leave(outer);
		}
	}

	/** What the thread worked for before a task: null if it already worked for this attempt. */
	private record Outer(AttemptRun run, Sandbox sandbox, Consumer<String> log) {
	}

	private Outer enter() {
		AttemptRun outerRun = Executive.CURRENT.get();
		if (outerRun == run) {
			return null;
		}
		Sandbox outerSandbox = CurrentSandbox.swap(run.executive.owner());
		Executive.CURRENT.set(run);
		return new Outer(outerRun, outerSandbox, HandlerOutput.swap(log));
	}

	private static void leave(Outer outer) {
		if (outer == null) {
			return;
		}
		HandlerOutput.swap(outer.log());
		if (outer.run() == null) {
			Executive.CURRENT.remove();
		}
		else {
			Executive.CURRENT.set(outer.run());
		}
		if (outer.sandbox() == null) {
			CurrentSandbox.unbind();
		}
		else {
			CurrentSandbox.bind(outer.sandbox());
		}
	}

	@Override
	public String toString() {
		return "AttemptContext[" + run.describe() + "]";
	}
}
