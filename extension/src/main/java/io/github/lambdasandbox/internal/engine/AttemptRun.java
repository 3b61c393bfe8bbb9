package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * One attempt of a handler, from its start to its end: on which thread it runs, how much of its timeout it
 * has used (virtual time waited plus real time run), and what happens when it ends.
 */
final class AttemptRun {

	final Executive executive;

	final FunctionRuntime function;

	final Environment environment;

	final String requestId;

	final int attempt;

	/** The event as JSON. */
	final String payload;

	/** The version or alias the caller named ({@code prod}, {@code 1}), or null: {@code Context.getInvokedFunctionArn()}. */
	final String qualifier;

	/** The virtual instant it started, in ns since the sandbox started. */
	final long startedAt;

	final long timeoutNanos;

	/** The thread that runs its handler code, and that thread's worker. */
	final Thread thread;

	final Executive.Worker worker;

	/** Whether the sandbox gave the attempt up (timed out): its thread must not touch the sandbox again. */
	volatile boolean abandoned;

	private boolean ended;

	private final Consumer<AttemptResult> then;

	/** Real time spent in handler code so far. */
	private long runningNanos;

	private long resumedAt;

	private volatile long realDeadline = Long.MAX_VALUE;

	/** The chain of requests the attempt runs in: what its handler writes belongs to it (recursive loop detection). */
	Lineage lineage = Lineage.NONE;

	/** Real time the cold start took; 0 for a warm start. */
	long initNanos;

	boolean coldStart;

	/** What tasks that handler code starts carry along; made when first asked for. */
	private volatile AttemptContext context;

	/** What wakes the attempt from a wait, and its timeout while it waits. */
	private EventQueue.Task wake;

	private EventQueue.Task timeout;

	AttemptRun(Executive executive, FunctionRuntime function, Environment environment, String requestId, int attempt,
			String payload, Consumer<AttemptResult> then) {
		this(executive, function, environment, requestId, attempt, payload, null, then);
	}

	/** @param qualifier the version or alias the caller named, or null for an unqualified invocation */
	AttemptRun(Executive executive, FunctionRuntime function, Environment environment, String requestId, int attempt,
			String payload, String qualifier, Consumer<AttemptResult> then) {
		this.executive = executive;
		this.function = function;
		this.environment = environment;
		this.requestId = requestId;
		this.attempt = attempt;
		this.payload = payload;
		this.qualifier = qualifier;
		this.startedAt = executive.nanos();
		// the timeout of the version that runs (a published version keeps the one it was published with)
		this.timeoutNanos = Duration.ofSeconds(environment.config.timeoutSeconds()).toNanos();
		this.thread = Thread.currentThread();
		this.worker = Executive.currentWorker();
		this.then = then;
	}

	/** Handler code runs (again) from {@code nanoTime} on. */
	void resumed(long nanoTime) {
		resumedAt = nanoTime;
		long left = Math.max(0, timeoutNanos - virtualElapsed() - runningNanos);
		realDeadline = nanoTime + left;
	}

	/** Handler code stopped running (it returned, or waits) at {@code nanoTime}. */
	void paused(long nanoTime) {
		runningNanos += nanoTime - resumedAt;
		realDeadline = Long.MAX_VALUE;
	}

	long realDeadline() {
		return realDeadline;
	}

	long runningNanos() {
		return runningNanos;
	}

	long virtualElapsed() {
		return executive.nanos() - startedAt;
	}

	/** What {@code Context.getRemainingTimeInMillis()} answers: the timeout less virtual time waited and real time run. */
	int remainingMillis() {
		long running = runningNanos + (realDeadline == Long.MAX_VALUE ? 0 : System.nanoTime() - resumedAt);
		long left = timeoutNanos - virtualElapsed() - running;
		return (int) Math.max(0, left / 1_000_000);
	}

	/** What the tasks its handler code starts carry along (the same for every task of the attempt). */
	AttemptContext context() {
		AttemptContext made = context;
		if (made == null) {
			// a race makes two, harmlessly
			made = new AttemptContext(this);
			context = made;
		}
		return made;
	}

	boolean ended() {
		return ended;
	}

	String describe() {
		return "function " + function.name() + ", request " + requestId + ", attempt " + attempt;
	}

	/**
	 * Waits {@code duration} of virtual time: other work runs meanwhile. Called from handler code. A wait past the
	 * function's timeout ends the attempt at the timeout, in virtual time.
	 */
	void sleep(Duration duration) {
		executive.suspend(this, () -> {
			long wakeAt = saturatedPlus(executive.nanos(), duration.toNanos());
			// deterministic: the virtual timeout counts virtual time only (real time run has its own guard)
			long deadline = startedAt + timeoutNanos;
			if (wakeAt >= deadline) {
				timeout = EventQueue.Task.of("timeout of " + describe(), this::timedOut);
				executive.scheduleAt(deadline, timeout, false);
			}
			else {
				wake = EventQueue.Task.of("wake-up of " + describe(), () -> executive.wake(this));
				executive.scheduleAt(wakeAt, wake, false);
			}
		});
	}

	/**
	 * Waits until {@code resume} is called (a synchronous invocation the handler made has its result). Called
	 * from handler code.
	 */
	void await(Consumer<Runnable> arrange) {
		executive.suspend(this, () -> {
			// deterministic: the virtual timeout counts virtual time only (real time run has its own guard)
			long deadline = startedAt + timeoutNanos;
			timeout = EventQueue.Task.of("timeout of " + describe(), this::timedOut);
			executive.scheduleAt(deadline, timeout, false);
			arrange.accept(() -> {
				if (timeout != null) {
					timeout.cancel();
					timeout = null;
				}
				executive.scheduleNow(EventQueue.Task.of("resumption of " + describe(), () -> executive.wake(this)));
			});
		});
	}

	private static long saturatedPlus(long a, long b) {
		long sum = a + b;
		return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
	}

	/** The function's timeout ran out while the handler waited, or ran (the watchdog's report). Engine only. */
	void timedOut() {
		if (ended) {
			return;
		}
		executive.forget(this);
		complete(function.timeoutResult(this));
	}

	/** Ends the attempt with {@code result}, once: a result that comes after a timeout is ignored. Engine only. */
	void complete(AttemptResult result) {
		if (ended) {
			return;
		}
		ended = true;
		if (wake != null) {
			wake.cancel();
		}
		if (timeout != null) {
			timeout.cancel();
		}
		function.ended(this, result);
		then.accept(result);
	}

	/**
	 * A line the handler logged. Called from handler code: the handler's thread, or a thread it started
	 * ({@link AttemptContext}), which may still write after the attempt ended. As in AWS, where the execution
	 * environment is frozen between invocations and its threads with it, such a line reaches the log when the
	 * environment runs its next attempt ({@link #thawed()}), and never if it does not (the environment was
	 * discarded, or is not used again). Lines of an attempt the sandbox gave up, or of a closed sandbox, are dropped:
	 * AWS stops the runtime of an environment whose attempt timed out.
	 */
	void log(String line) {
		if (abandoned) {
			return;
		}
		executive.commandIfOpen(() -> {
			if (!ended) {
				function.log(this, line);
			}
			else if (!abandoned && !environment.exited) {
				environment.holdOutput(line);
			}
		});
	}

	/**
	 * The attempt's environment thaws: what threads of an earlier attempt wrote while it was frozen goes to the log
	 * now, in this attempt's request. Engine only, before handler code runs.
	 */
	void thawed() {
		for (String line : environment.takeFrozenOutput()) {
			function.log(this, line);
		}
	}
}
