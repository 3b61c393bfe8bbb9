package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.github.lambdasandbox.VirtualClock;

/**
 * The discrete-event scheduler and virtual clock of one sandbox.
 *
 * <p>One engine thread runs the actions that are due, one at a time, in (instant, sequence) order: the
 * same test gives the same order on every run. Actions due now run at once, in the background. The clock
 * itself moves only while a caller waits in the sandbox ({@link #await}, {@link #advance}) and only
 * when nothing due is left or running, so no test can race it.
 */
public final class Scheduler implements VirtualClock {

	/** How a wait ended. */
	public enum Outcome {
		/** The condition held while the sandbox was idle. */
		SATISFIED,
		/** The sandbox is idle and nothing more will happen by itself, and the condition does not hold. */
		EXHAUSTED,
		/** Real time ran out first. */
		TIMED_OUT
	}

	private record Task(Instant at, long seq, String label, Runnable action) {
	}

	private static final ThreadLocal<Scheduler> ENGINE = new ThreadLocal<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = lock.newCondition();

	private final PriorityQueue<Task> tasks = new PriorityQueue<>(
			(a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));

	private final List<BooleanSupplier> autoWaiters = new ArrayList<>();

	private final Thread engine;

	private final Instant start;

	private Instant now;

	private long seq;

	private long version;

	private boolean running;

	private boolean paused;

	private Instant advanceTarget;

	private boolean closed;

	private boolean started;

	private RuntimeException failure;

	public Scheduler(Instant start, String threadName) {
		this.start = start;
		this.now = start;
		this.engine = new Thread(this::loop, threadName);
		this.engine.setDaemon(true);
	}

	/** Whether the calling thread is the engine of this scheduler or runs a handler for it. */
	public boolean isEngineThread() {
		return ENGINE.get() == this;
	}

	/** Marks a thread that runs work on behalf of the engine (a handler thread). */
	void adopt() {
		ENGINE.set(this);
	}

	@Override
	public Instant now() {
		lock.lock();
		try {
			return now;
		}
		finally {
			lock.unlock();
		}
	}

	/** Schedules {@code action} at {@code now + delay}. */
	public void schedule(Duration delay, String label, Runnable action) {
		lock.lock();
		try {
			if (closed) {
				throw new IllegalStateException("The sandbox is closed.");
			}
			tasks.add(new Task(now.plus(delay), seq++, label, action));
			ensureStarted();
			version++;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void pause() {
		lock.lock();
		try {
			paused = true;
			version++;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void resume() {
		lock.lock();
		try {
			paused = false;
			version++;
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public boolean isPaused() {
		lock.lock();
		try {
			return paused;
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Virtual time cannot go back: advance(" + duration + ")");
		}
		refuseOnEngineThread("clock().advance(…)");
		lock.lock();
		try {
			ensureStarted();
			advanceTarget = now.plus(duration);
			version++;
			changed.signalAll();
			while (!closed && failure == null && (now.isBefore(advanceTarget) || !idle())) {
				changed.awaitUninterruptibly();
			}
			advanceTarget = null;
			rethrowFailure();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Waits until {@code condition} holds while the sandbox is idle, letting the clock advance by itself
	 * (unless paused) for as long as the condition does not hold. The condition is read only at idle
	 * instants, so what the caller sees when this returns is the same on every run.
	 */
	public Outcome await(BooleanSupplier condition, Duration timeout) {
		refuseOnEngineThread("a waiting assertion or settle()");
		long deadline = System.nanoTime() + timeout.toNanos();
		lock.lock();
		try {
			autoWaiters.add(condition);
			version++;
			changed.signalAll();
			while (true) {
				rethrowFailure();
				if (closed) {
					return Outcome.EXHAUSTED;
				}
				if (idle()) {
					long seen = version;
					lock.unlock();
					boolean holds;
					try {
						holds = condition.getAsBoolean();
					}
					finally {
						lock.lock();
					}
					if (seen == version) {
						if (holds) {
							return Outcome.SATISFIED;
						}
						if (nothingMoreWillHappen()) {
							return Outcome.EXHAUSTED;
						}
					}
					else {
						continue;
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return Outcome.TIMED_OUT;
				}
				// poll now and then: the condition may also change through threads outside the sandbox
				changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Outcome.TIMED_OUT;
		}
		finally {
			autoWaiters.remove(condition);
			version++;
			changed.signalAll();
			lock.unlock();
		}
	}

	/** What is still scheduled, for messages: "3 actions, the next at +60s (retry of …)". */
	public String pendingSummary() {
		lock.lock();
		try {
			if (tasks.isEmpty()) {
				return "nothing scheduled";
			}
			Task next = tasks.peek();
			return tasks.size() + " action(s) scheduled, the next at " + Timeline.offset(start, next.at) + " (" + next.label
					+ ")";
		}
		finally {
			lock.unlock();
		}
	}

	public boolean hasPendingWork() {
		lock.lock();
		try {
			return running || !tasks.isEmpty();
		}
		finally {
			lock.unlock();
		}
	}

	/** Stops the engine thread; actions still scheduled are dropped. */
	public void close() {
		lock.lock();
		try {
			closed = true;
			tasks.clear();
			changed.signalAll();
		}
		finally {
			lock.unlock();
		}
		if (engine.isAlive() && Thread.currentThread() != engine) {
			try {
				engine.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	// --- engine ---------------------------------------------------------------------------------------------

	private void loop() {
		ENGINE.set(this);
		lock.lock();
		try {
			while (!closed) {
				Task head = tasks.peek();
				if (head != null && !head.at.isAfter(now)) {
					tasks.poll();
					running = true;
					lock.unlock();
					try {
						head.action.run();
					}
					catch (RuntimeException | Error e) {
						failure = new IllegalStateException("lambda-sandbox failed while running \"" + head.label
								+ "\"; this is a bug of lambda-sandbox, please report it", e);
					}
					finally {
						lock.lock();
						running = false;
						version++;
						changed.signalAll();
					}
					continue;
				}
				Instant next = nextInstant(head);
				if (next != null) {
					long seen = version;
					boolean hold = false;
					if (advanceTarget == null) {
						List<BooleanSupplier> waiting = List.copyOf(autoWaiters);
						lock.unlock();
						try {
							hold = waiting.stream().anyMatch(BooleanSupplier::getAsBoolean);
						}
						finally {
							lock.lock();
						}
					}
					if (seen != version) {
						continue;
					}
					if (!hold) {
						now = next;
						version++;
						changed.signalAll();
						continue;
					}
				}
				changed.awaitUninterruptibly();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Where the clock may jump to now, or null if it must stay. Called idle, with the lock held. */
	private Instant nextInstant(Task head) {
		if (advanceTarget != null && now.isBefore(advanceTarget)) {
			return head != null && !head.at.isAfter(advanceTarget) ? head.at : advanceTarget;
		}
		if (head != null && !paused && !autoWaiters.isEmpty()) {
			return head.at;
		}
		return null;
	}

	/** The engine thread starts with the first use: a sandbox that a test never touches costs no thread. */
	private void ensureStarted() {
		if (!started && !closed) {
			started = true;
			engine.start();
		}
	}

	private boolean idle() {
		Task head = tasks.peek();
		return !running && (head == null || head.at.isAfter(now));
	}

	private boolean nothingMoreWillHappen() {
		return tasks.isEmpty() || paused;
	}

	private void rethrowFailure() {
		if (failure != null) {
			throw failure;
		}
	}

	private void refuseOnEngineThread(String what) {
		if (isEngineThread()) {
			throw new IllegalStateException(what + " cannot be called from a handler: the handler would wait for itself.");
		}
	}
}
