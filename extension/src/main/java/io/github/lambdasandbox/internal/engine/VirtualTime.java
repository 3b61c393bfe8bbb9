package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Time for handler code: on a thread that runs an attempt of a sandbox, the sandbox's clock; anywhere else, the
 * system's. {@link #sleep(long)} on a handler's thread waits in virtual time: the attempt takes that long, other
 * work runs meanwhile, and a wait past the function's timeout ends the attempt at its timeout.
 *
 * <p>A thread that handler code started ({@link AttemptContext}: a task of {@code CompletableFuture.runAsync}, an
 * executor, a {@code new Thread(runnable)}) reads the sandbox's clock too while it runs the task, but sleeps in real
 * time: it runs beside its handler, and only the handler's own thread can wait on the sandbox clock.
 *
 * <p>Handler code calls this instead of {@code Thread.sleep} / {@code System.currentTimeMillis()}; by default the
 * sandbox rewrites those calls in the user's classes so that they come here ({@code internal.bytecode.HandlerTime}),
 * unless the sandbox was declared with {@code @LambdaSandbox(handlerTime = SYSTEM)} ({@link #handlerClockIsVirtual()}).
 */
public final class VirtualTime {

	private VirtualTime() {
	}

	/**
	 * Whether the current thread runs handler code of an open sandbox: an attempt (the handler's call, its cold
	 * start) that the sandbox has not given up. Rewritten exit calls end the attempt on such a thread instead of the
	 * JVM.
	 */
	public static boolean onHandlerThread() {
		AttemptRun run = Executive.CURRENT.get();
		return run != null && run.thread == Thread.currentThread() && !run.abandoned && !run.executive.isClosed();
	}

	/**
	 * Whether the current thread is one that handler code started and runs a task for an attempt
	 * ({@link AttemptContext}), whether or not the attempt has ended since, or the sandbox closed. Rewritten exit
	 * calls end the task on such a thread, never the JVM.
	 */
	public static boolean onStartedThread() {
		AttemptRun run = Executive.CURRENT.get();
		return run != null && run.thread != Thread.currentThread();
	}

	/**
	 * Whether the rewritten time and sleep calls of the current thread's handler code read the sandbox clock: on a
	 * handler's thread ({@link #onHandlerThread()}), or a thread it started ({@link #onStartedThread()}: there sleeps
	 * stay real), of a sandbox whose handler time is virtual (the default; not with
	 * {@code @LambdaSandbox(handlerTime = SYSTEM)}). The methods of this class always answer in virtual time on a
	 * handler's thread: a handler that calls them asks for it.
	 */
	public static boolean handlerClockIsVirtual() {
		AttemptRun run = Executive.CURRENT.get();
		return run != null && !run.abandoned && run.function.virtualHandlerTime();
	}

	/** {@code Thread.sleep(millis)}, in virtual time on a handler's thread. */
	public static void sleep(long millis) throws InterruptedException {
		if (millis < 0) {
			throw new IllegalArgumentException("timeout value is negative");
		}
		sleep(Duration.ofMillis(millis));
	}

	/** {@code Thread.sleep(duration)}, in virtual time on a handler's thread; in real time on any other. */
	public static void sleep(Duration duration) throws InterruptedException {
		AttemptRun run = Executive.CURRENT.get();
		if (run == null || run.abandoned || run.thread != Thread.currentThread()) {
			Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
			return;
		}
		run.sleep(duration);
	}

	/** {@code System.currentTimeMillis()}: the sandbox's virtual instant on a handler's thread. */
	public static long currentTimeMillis() {
		AttemptRun run = Executive.CURRENT.get();
		return run == null ? System.currentTimeMillis() : run.executive.now().toEpochMilli();
	}

	/** {@code Instant.now()}: the sandbox's virtual instant on a handler's thread. */
	public static Instant now() {
		AttemptRun run = Executive.CURRENT.get();
		return run == null ? Instant.now() : run.executive.now();
	}
}
