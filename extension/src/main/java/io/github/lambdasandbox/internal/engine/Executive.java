package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.VirtualClock;
import io.github.lambdasandbox.internal.CurrentSandbox;
import io.github.lambdasandbox.WaitOutcome;

/**
 * The single writer of a sandbox and its virtual clock: who may change the sandbox's state, when, and on which
 * thread. The package overview explains the thread model.
 *
 * <p>Work runs only while a caller waits for it ({@link #drive}); it runs on the sandbox's worker threads, one at
 * a time, in the (virtual instant, sequence) order of the {@link EventQueue}. A worker runs handler code inline;
 * a handler that waits (on the sandbox clock, for a synchronous invocation) keeps its thread and passes the
 * turn to another worker, and gets it back when what it waits for happens.
 */
final class Executive implements VirtualClock {

	/** The engine refuses to run on: a closed sandbox, or a handler thread that the sandbox abandoned. */
	static final class Abandoned extends Error {

		private static final long serialVersionUID = 1L;

		Abandoned(String message) {
			super(message, null, false, false);
		}
	}

	/** What a caller waits for. */
	static final class Goal {

		enum Kind {
			/** Everything due now: the clock does not move. */
			DRAIN,
			/** Until nothing more will happen (paused: until nothing more is due now). */
			SETTLE,
			/** Until a condition holds at a quiet instant, within a virtual time limit. */
			UNTIL,
			/** Until the clock reaches a target and everything due then has happened. */
			ADVANCE,
			/** Until a result is there, moving the clock as needed even when paused. */
			RESULT
		}

		final Kind kind;

		final BooleanSupplier condition;

		/** ADVANCE: the target; UNTIL: the last instant the clock may reach; in ns since the start. */
		final long limit;

		boolean done;

		boolean cancelled;

		WaitOutcome outcome;

		RuntimeException failure;

		Goal(Kind kind, BooleanSupplier condition, long limit) {
			this.kind = kind;
			this.condition = condition;
			this.limit = limit;
		}
	}

	/** A thread of the sandbox that runs work, and handler code. */
	static final class Worker {

		final Thread thread;

		final Condition wake;

		Worker(Thread thread, Condition wake) {
			this.thread = thread;
			this.wake = wake;
		}
	}

	private static final ThreadLocal<Worker> WORKER = new ThreadLocal<>();

	/**
	 * The attempt whose handler code runs on this thread (its {@link AttemptRun#thread}), or, on a thread that handler
	 * code started, the attempt it works for while it runs a task ({@link AttemptContext}).
	 */
	static final ThreadLocal<AttemptRun> CURRENT = new ThreadLocal<>();

	final ReentrantLock lock = new ReentrantLock();

	private final Condition callers = lock.newCondition();

	private final EventQueue queue = new EventQueue();

	private final Instant start;

	private final String threadPrefix;

	private volatile long now;

	private Instant nowInstant;

	private volatile boolean paused;

	/** The thread whose turn it is to run work; null while the sandbox is parked. */
	private Thread turn;

	/** What the driving caller waits for; null when no caller drives. */
	private Goal goal;

	private final ArrayDeque<Worker> idle = new ArrayDeque<>();

	private final Set<Worker> workers = new LinkedHashSet<>();

	/** Threads whose attempt the sandbox gave up (timed out) while they ran or waited. */
	private final Map<Thread, String> abandoned = new LinkedHashMap<>();

	private int workerCount;

	/** The attempt whose handler code runs now, for the watchdog. */
	private volatile AttemptRun inUserCode;

	private volatile boolean closed;

	/** The sandbox handler code sees as its current one. */
	private final Sandbox owner;

	Executive(Sandbox owner, Instant start, String threadPrefix) {
		this.owner = owner;
		this.start = start;
		this.nowInstant = start;
		this.threadPrefix = threadPrefix;
	}

	/** The sandbox handler code sees as its current one. */
	Sandbox owner() {
		return owner;
	}

	// --- the clock --------------------------------------------------------------------------------------------

	@Override
	public Instant now() {
		return start.plusNanos(now);
	}

	/** The current instant, shared by everything that happens at it. Engine only. */
	Instant instant() {
		return nowInstant;
	}

	/** Nanoseconds since the start. */
	long nanos() {
		return now;
	}

	@Override
	public Instant start() {
		return start;
	}

	Instant instantOf(long nanos) {
		return start.plusNanos(nanos);
	}

	@Override
	public void pause() {
		command(() -> {
			paused = true;
			return null;
		});
	}

	@Override
	public void resume() {
		command(() -> {
			paused = false;
			return null;
		});
	}

	@Override
	public boolean isPaused() {
		return paused;
	}

	/** How long {@link #advance} waits in real time for handlers that run for real. */
	static final Duration ADVANCE_GUARD = Duration.ofSeconds(30);

	@Override
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Virtual time cannot go back: advance(" + duration + ")");
		}
		refuseOnHandlerThread("clock().advance(…)");
		lock.lock();
		try {
			long target = plus(now, duration);
			WaitOutcome outcome = drive(new Goal(Goal.Kind.ADVANCE, null, target), ADVANCE_GUARD.toNanos());
			if (outcome == WaitOutcome.REAL_TIME_EXCEEDED) {
				String running = pending();
				abandonRunning();
				throw new IllegalStateException("clock().advance(" + duration + ") gave up after " + ADVANCE_GUARD.toSeconds()
						+ "s of real time: " + running + ". A handler that runs for real that long was given up (interrupted, as "
						+ "if it had timed out); a chain of work without end never reaches the target.");
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Gives up the handler that runs now (a caller will not wait for it any longer). Lock held. */
	private void abandonRunning() {
		AttemptRun running = inUserCode;
		if (running != null) {
			lock.unlock();
			try {
				abandonIfOverdue(running, Long.MAX_VALUE);
			}
			finally {
				lock.lock();
			}
		}
	}

	private static long plus(long nanos, Duration duration) {
		try {
			return Math.addExact(nanos, duration.toNanos());
		}
		catch (ArithmeticException e) {
			return Long.MAX_VALUE;
		}
	}

	// --- scheduling (engine only) -----------------------------------------------------------------------------

	void schedule(Duration delay, EventQueue.Task task) {
		capture(task);
		queue.schedule(plus(now, delay), task, false);
	}

	void scheduleAt(long at, EventQueue.Task task, boolean background) {
		capture(task);
		queue.schedule(Math.max(at, now), task, background);
	}

	void scheduleNow(EventQueue.Task task) {
		capture(task);
		queue.schedule(now, task, false);
	}

	/**
	 * What plain scheduled work carries from where it was scheduled to where it runs: the engine's chain of requests
	 * (recursive loop detection), so that work done later on behalf of a write (an SNS topic's deliveries) belongs to the
	 * writer's chain.
	 */
	interface Context {

		/** The context now. Lock held. */
		Object capture();

		/** Runs {@code work} in {@code captured}. Lock held. */
		void within(Object captured, Runnable work);
	}

	private Context context;

	/** Sets what scheduled work carries. Before the first work is scheduled. */
	void context(Context context) {
		this.context = context;
	}

	private void capture(EventQueue.Task task) {
		if (context != null && task.carriesContext()) {
			task.context = context.capture();
		}
	}

	/** What is still to come, for messages: "3 actions scheduled, the next at +60s (retry 1 of request …)". */
	String pending() {
		StringBuilder out = new StringBuilder();
		EventQueue.Task next = queue.peek();
		if (next == null) {
			out.append("nothing scheduled");
		}
		else {
			out.append(queue.size()).append(queue.size() == 1 ? " action scheduled" : " actions scheduled")
					.append(", the next at ").append(Timelines.offset(start, instantOf(next.at()))).append(" (")
					.append(next.label()).append(')');
		}
		AttemptRun running = inUserCode;
		if (running != null) {
			out.append("; a handler is running: ").append(running.describe());
		}
		return out.toString();
	}

	/** Whether work is scheduled (not counting background work) or runs. Lock held. */
	boolean hasForegroundWork() {
		return queue.hasForeground() || turn != null;
	}

	// --- callers ----------------------------------------------------------------------------------------------

	/**
	 * Applies a change from outside the engine (the test, a thread of the user's): under the lock, at the current
	 * virtual instant. From a handler, it applies at once too: the handler holds the turn.
	 */
	<T> T command(Supplier<T> change) {
		lock.lock();
		try {
			checkOpen();
			return change.get();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Applies a change as {@link #command} does, unless the sandbox is closed: then nothing happens. For what may come
	 * late from threads of the user's (a line a started thread prints).
	 */
	void commandIfOpen(Runnable change) {
		lock.lock();
		try {
			if (!closed) {
				change.run();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Reads state. From the test, everything due at the current instant happens first (the clock does not
	 * move), so what it reads is the same on every run; from a handler, or while the sandbox runs for someone
	 * else, it reads what is there.
	 */
	<T> T read(Supplier<T> reader) {
		lock.lock();
		try {
			if (turn == null && goal == null && !closed && !isHandlerThread() && queue.nextAt() <= now) {
				drive(new Goal(Goal.Kind.DRAIN, null, now), Long.MAX_VALUE);
			}
			return reader.get();
		}
		finally {
			lock.unlock();
		}
	}

	/** Reads state as it is, without letting due work happen first: for reports after a test. */
	<T> T inspect(Supplier<T> reader) {
		lock.lock();
		try {
			return reader.get();
		}
		finally {
			lock.unlock();
		}
	}

	/** Runs until nothing more will happen, or (paused) nothing more is due now. */
	WaitOutcome settle(Duration realTimeLimit) {
		refuseOnHandlerThread("settle()");
		lock.lock();
		try {
			return drive(new Goal(Goal.Kind.SETTLE, null, Long.MAX_VALUE), realTimeLimit.toNanos());
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs until {@code condition} holds at a quiet instant (everything due then has happened), for at most
	 * {@code within} of virtual time. The condition is read on the engine, at each quiet instant: it must only
	 * read.
	 */
	WaitOutcome runUntil(BooleanSupplier condition, Duration within, Duration realTimeLimit) {
		refuseOnHandlerThread("a waiting assertion or runUntil(…)");
		lock.lock();
		try {
			return drive(new Goal(Goal.Kind.UNTIL, condition, plus(now, within)), realTimeLimit.toNanos());
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs until {@code done} holds, moving the clock as needed even when it is paused: a caller waits for a
	 * result (a synchronous invocation from the test).
	 */
	WaitOutcome runForResult(BooleanSupplier done, Duration realTimeLimit) {
		lock.lock();
		try {
			return drive(new Goal(Goal.Kind.RESULT, done, Long.MAX_VALUE), realTimeLimit.toNanos());
		}
		finally {
			lock.unlock();
		}
	}

	/** Lock held by the caller. */
	private WaitOutcome drive(Goal g, long realTimeLimitNanos) {
		long deadline = realTimeLimitNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + realTimeLimitNanos;
		// one caller drives at a time; others wait until the sandbox is parked again
		while (!closed && (goal != null || turn != null)) {
			if (awaitCallers(deadline, g)) {
				return WaitOutcome.REAL_TIME_EXCEEDED;
			}
		}
		checkOpen();
		goal = g;
		try {
			while (true) {
				if (queue.nextAt() <= now) {
					Worker worker = worker();
					turn = worker.thread;
					worker.wake.signal();
					while (!g.done && !closed) {
						if (awaitCallers(deadline, g)) {
							return WaitOutcome.REAL_TIME_EXCEEDED;
						}
					}
					checkOpen();
					if (g.failure != null) {
						throw g.failure;
					}
					return g.outcome;
				}
				if (quiet(g)) {
					return g.outcome;
				}
			}
		}
		finally {
			if (goal == g) {
				goal = null;
			}
			callers.signalAll();
		}
	}

	/** Waits for the engine; true if the real-time limit ran out (the goal is then given up). */
	private boolean awaitCallers(long deadline, Goal g) {
		long left = deadline == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : deadline - System.nanoTime();
		if (left <= 0) {
			g.cancelled = true;
			return true;
		}
		try {
			callers.awaitNanos(left);
			return false;
		}
		catch (InterruptedException e) {
			g.cancelled = true;
			Thread.currentThread().interrupt();
			throw new SandboxInterruptedException("Interrupted while the sandbox ran (" + pending()
					+ "). The sandbox stops where it is.");
		}
	}

	/** Thrown to a caller that was interrupted while it waited for the sandbox (for example by JUnit's @Timeout). */
	static final class SandboxInterruptedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SandboxInterruptedException(String message) {
			super(message);
		}
	}

	/**
	 * At an instant where nothing is due: whether the goal is reached (then its outcome is set); otherwise the
	 * clock moves to the next instant it may move to. Lock held, by the driving caller or the worker whose turn
	 * it is.
	 */
	private boolean quiet(Goal g) {
		if (g.cancelled) {
			g.outcome = WaitOutcome.REAL_TIME_EXCEEDED;
			return true;
		}
		if (g.condition != null && g.condition.getAsBoolean()) {
			g.outcome = WaitOutcome.SATISFIED;
			return true;
		}
		long next = queue.nextAt();
		switch (g.kind) {
			case DRAIN -> {
				g.outcome = WaitOutcome.SATISFIED;
				return true;
			}
			case ADVANCE -> {
				if (now >= g.limit) {
					g.outcome = WaitOutcome.SATISFIED;
					return true;
				}
				moveTo(Math.min(next, g.limit));
				return false;
			}
			case RESULT -> {
				if (next == Long.MAX_VALUE) {
					g.outcome = WaitOutcome.SETTLED;
					return true;
				}
				moveTo(next);
				return false;
			}
			default -> {
				if (!queue.hasForeground()) {
					g.outcome = WaitOutcome.SETTLED;
					return true;
				}
				if (paused) {
					g.outcome = WaitOutcome.PAUSED;
					return true;
				}
				if (next > g.limit) {
					g.outcome = WaitOutcome.WITHIN_ELAPSED;
					return true;
				}
				moveTo(next);
				return false;
			}
		}
	}

	private void moveTo(long at) {
		if (at != now) {
			now = at;
			nowInstant = start.plusNanos(at);
		}
	}

	// --- workers ----------------------------------------------------------------------------------------------

	/** An idle worker, or a new one. Lock held. */
	private Worker worker() {
		Worker worker = idle.pollFirst();
		if (worker != null) {
			return worker;
		}
		Condition wake = lock.newCondition();
		Worker[] holder = new Worker[1];
		Thread thread = new Thread(() -> workerMain(holder[0]), threadPrefix + "-worker-" + (++workerCount));
		thread.setDaemon(true);
		holder[0] = new Worker(thread, wake);
		workers.add(holder[0]);
		thread.start();
		return holder[0];
	}

	private void workerMain(Worker me) {
		WORKER.set(me);
		lock.lock();
		try {
			while (true) {
				while (turn != me.thread) {
					if (closed) {
						return;
					}
					me.wake.awaitUninterruptibly();
				}
				if (closed) {
					return;
				}
				loop(me);
				if (closed) {
					return;
				}
				idle.addFirst(me);
			}
		}
		catch (Abandoned gone) {
			// the sandbox gave up this thread's attempt (or closed) and the handler has ended: the thread ends too
		}
		finally {
			workers.remove(me);
			abandoned.remove(me.thread);
			lock.unlock();
		}
	}

	/** Runs due work while it is this worker's turn. Lock held. */
	private void loop(Worker me) {
		while (turn == me.thread && !closed) {
			EventQueue.Task task = queue.pollDue(now);
			if (task != null) {
				run(task);
				continue;
			}
			Goal g = goal;
			if (g == null || quiet(g)) {
				finish(g);
				return;
			}
		}
	}

	private void run(EventQueue.Task task) {
		try {
			if (task.context != null) {
				context.within(task.context, task::run);
			}
			else {
				task.run();
			}
		}
		catch (Abandoned gone) {
			throw gone;
		}
		catch (RuntimeException | LinkageError | AssertionError e) {
			Goal g = goal;
			IllegalStateException failure = new IllegalStateException("lambda-sandbox failed while running \""
					+ task.label() + "\"; this is a bug of lambda-sandbox, please report it. The sandbox goes on without it.", e);
			if (g != null && g.failure == null) {
				g.failure = failure;
			}
		}
	}

	/** Hands the turn back to the driving caller. Lock held, by the worker whose turn it is. */
	private void finish(Goal g) {
		if (g != null) {
			g.done = true;
		}
		turn = null;
		callers.signalAll();
	}

	// --- handlers ---------------------------------------------------------------------------------------------

	/**
	 * Whether the calling thread runs handler code of this sandbox: an attempt's, or a task that an attempt's handler
	 * code started ({@link AttemptContext}).
	 */
	boolean isHandlerThread() {
		AttemptRun run = CURRENT.get();
		return run != null && run.executive == this;
	}

	private void refuseOnHandlerThread(String what) {
		if (isHandlerThread() || Thread.currentThread() == turn) {
			throw new IllegalStateException(what + " cannot be called from a handler: the handler would wait for itself.");
		}
	}

	/**
	 * Refuses, before anything happens, what would wait in virtual time on a thread that handler code started: only
	 * an attempt's own thread can wait on the sandbox clock (the sandbox runs one step at a time, and a started
	 * thread runs beside its handler).
	 *
	 * @param what what the thread asked for, such as {@code "A synchronous invoke of \"payment\""}
	 */
	static void refuseToWaitOnStartedThread(String what) {
		AttemptRun run = CURRENT.get();
		if (run != null && run.thread != Thread.currentThread()) {
			throw startedThreadCannotWait(what, run);
		}
	}

	private static IllegalStateException startedThreadCannotWait(String what, AttemptRun run) {
		return new IllegalStateException(what + " cannot wait on thread \"" + Thread.currentThread().getName()
				+ "\", which handler code started (" + run.describe() + "): only the handler's own thread waits in "
				+ "virtual time, while the sandbox runs other work. Make the call on the handler's thread, or one that "
				+ "does not wait (an asynchronous invoke, a receive without WaitTimeSeconds).");
	}

	/**
	 * Runs handler code of an attempt on the current worker, without the lock, under the function's timeout in
	 * real time (the watchdog's). Lock held on entry and on return.
	 *
	 * @throws Abandoned if the sandbox gave the attempt up while the code ran: the caller must not touch state
	 */
	<T> T userCode(AttemptRun run, UserCode<T> code) throws Exception {
		// worker threads keep their thread-local entries and only change their values: cheaper than removing them
		AttemptRun outer = CURRENT.get();
		Sandbox outerSandbox = CurrentSandbox.swap(owner);
		CURRENT.set(run);
		run.thawed();
		run.resumed(System.nanoTime());
		inUserCode = run;
		watch();
		lock.unlock();
		try {
			HandlerOutput.capture(run::log);
			try {
				return code.call();
			}
			finally {
				HandlerOutput.release();
			}
		}
		finally {
			lock.lock();
			if (inUserCode == run) {
				inUserCode = null;
			}
			run.paused(System.nanoTime());
			CURRENT.set(outer);
			CurrentSandbox.swap(outerSandbox);
			if (run.abandoned) {
				throw new Abandoned("the attempt was given up");
			}
		}
	}

	/** Code of the user's: a handler call, a constructor. */
	@FunctionalInterface
	interface UserCode<T> {

		T call() throws Exception;
	}

	/**
	 * Called from handler code (without the lock): lets the attempt wait until {@link #wake} is called for it,
	 * while other work runs. The handler's thread keeps waiting; another worker takes the turn.
	 *
	 * @param arrange schedules what will wake the attempt (a clock task, a result); runs under the lock
	 */
	void suspend(AttemptRun run, Runnable arrange) {
		Thread me = Thread.currentThread();
		if (run.thread != me) {
			throw startedThreadCannotWait("A synchronous invoke or a long poll", run);
		}
		lock.lock();
		try {
			if (run.abandoned || closed) {
				throw new Abandoned("the attempt was given up");
			}
			if (turn != me) {
				throw new IllegalStateException("Only the thread that runs a handler can wait on the sandbox clock; "
						+ me.getName() + " does not run " + run.describe() + ".");
			}
			if (inUserCode == run) {
				inUserCode = null;
			}
			run.paused(System.nanoTime());
			arrange.run();
			Worker next = worker();
			turn = next.thread;
			next.wake.signal();
			Worker mine = WORKER.get();
			while (turn != me) {
				// a waiting attempt that timed out stays parked until the sandbox closes, as AWS freezes it
				if (closed) {
					throw new Abandoned("the sandbox closed");
				}
				mine.wake.awaitUninterruptibly();
			}
			run.resumed(System.nanoTime());
			inUserCode = run;
			watch();
		}
		finally {
			lock.unlock();
		}
	}

	/** The worker of the calling thread, or null if it is not one. */
	static Worker currentWorker() {
		return WORKER.get();
	}

	/** Gives the turn to a waiting attempt's thread. Engine only: the current worker then goes idle. */
	void wake(AttemptRun run) {
		if (run.abandoned) {
			return;
		}
		turn = run.thread;
		run.worker.wake.signal();
	}

	/**
	 * Gives up an attempt whose handler code ran past its real-time budget (the watchdog's call): its thread is
	 * interrupted and forgotten, the attempt ends as timed out, and another worker carries on.
	 */
	void abandonIfOverdue(AttemptRun run, long nanoTime) {
		lock.lock();
		try {
			if (inUserCode != run || run.abandoned || run.ended() || nanoTime < run.realDeadline()) {
				return;
			}
			inUserCode = null;
			run.abandoned = true;
			abandoned.put(run.thread, run.function.name());
			run.thread.interrupt();
			EventQueue.Task timeout = EventQueue.Task.of("timeout of " + run.describe(), run::timedOut);
			queue.scheduleFirst(now, timeout);
			Worker next = worker();
			turn = next.thread;
			next.wake.signal();
		}
		finally {
			lock.unlock();
		}
	}

	/** Marks the thread of a waiting attempt that timed out in virtual time: it stays parked until the sandbox closes. */
	void forget(AttemptRun run) {
		run.abandoned = true;
		abandoned.put(run.thread, run.function.name());
	}

	AttemptRun inUserCode() {
		return inUserCode;
	}

	private boolean watched;

	/** The watchdog looks after this sandbox from its first handler on. */
	private void watch() {
		if (!watched) {
			watched = true;
			Watchdog.watch(this);
		}
	}

	boolean isClosed() {
		return closed;
	}

	private void checkOpen() {
		if (closed) {
			throw new IllegalStateException("The sandbox is closed.");
		}
	}

	// --- closing ----------------------------------------------------------------------------------------------

	/**
	 * Stops the sandbox: nothing scheduled runs any more; a handler still running is interrupted; threads of
	 * handlers that wait are released (their wait throws, so that they end). Returns the threads that did not
	 * end within {@code grace}, each as "thread (function f) at frame": handlers that ignore the interrupt, or that
	 * catch everything and go on.
	 */
	List<String> close(Duration grace) {
		List<Thread> toJoin = new ArrayList<>();
		lock.lock();
		try {
			if (closed) {
				return List.of();
			}
			closed = true;
			queue.clear();
			AttemptRun running = inUserCode;
			if (running != null) {
				running.abandoned = true;
				abandoned.put(running.thread, running.function.name());
				running.thread.interrupt();
			}
			for (Worker worker : workers) {
				worker.wake.signal();
				toJoin.add(worker.thread);
			}
			callers.signalAll();
		}
		finally {
			lock.unlock();
		}
		Watchdog.forget(this);
		long deadline = System.nanoTime() + grace.toNanos();
		List<String> runaways = new ArrayList<>();
		for (Thread thread : toJoin) {
			if (thread == Thread.currentThread()) {
				continue;
			}
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			if (thread.isAlive()) {
				StackTraceElement[] stack = thread.getStackTrace();
				String function;
				lock.lock();
				try {
					function = abandoned.getOrDefault(thread, "?");
				}
				finally {
					lock.unlock();
				}
				runaways.add(thread.getName() + " (function " + function + ") at " + (stack.length > 0 ? stack[0] : "its end"));
			}
		}
		return runaways;
	}
}
