package io.github.lambdasandbox.internal.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The future of a sandbox: what is scheduled, in (virtual instant, sequence) order. A pure data structure: no
 * threads, no clock of its own; the {@link Executive} asks it what is due and moves the clock.
 *
 * <p>Work due at the current instant sits in a first-in first-out line, later work in a heap: most work a sandbox
 * schedules is due at once (an attempt, a delivery), and the line costs no comparisons. Both keep the order of
 * scheduling among work due at the same instant.
 *
 * <p>Work is <em>foreground</em> (an attempt, a retry, a delivery: the sandbox is busy while any is scheduled) or
 * <em>background</em> (a poller's next look at a source: it runs when its instant comes, but does not by itself
 * keep the sandbox from settling). {@link Task#cancel() Cancelled} work is dropped when reached.
 */
final class EventQueue {

	/** A piece of scheduled work. Subclass it, or wrap a {@link Runnable} with {@link #of(String, Runnable)}. */
	abstract static class Task {

		long at;

		long sequence;

		boolean background;

		private EventQueue queue;

		private boolean cancelled;

		/**
		 * What the work carries from where it was scheduled to where it runs ({@link Executive.Context}); null for none.
		 */
		Object context;

		/** What the work is, for messages about what is still to come: "retry 1 of request …". */
		abstract String label();

		abstract void run();

		/** Whether this task is scheduled and not yet run or cancelled. */
		final boolean isScheduled() {
			return queue != null && !cancelled;
		}

		/** Drops the task if it is still scheduled; does nothing otherwise. */
		final void cancel() {
			if (isScheduled()) {
				cancelled = true;
				queue.cancelled(this);
			}
		}

		/** The virtual instant it is due, in nanoseconds since the sandbox started. */
		final long at() {
			return at;
		}

		/**
		 * Whether the work runs in the context of where it was scheduled: plain work ({@link #of}) does; work that keeps
		 * its own (an event, an invocation) does not.
		 */
		boolean carriesContext() {
			return false;
		}

		static Task of(String label, Runnable action) {
			return new Task() {
				@Override
				String label() {
					return label;
				}

				@Override
				boolean carriesContext() {
					return true;
				}

				@Override
				void run() {
					action.run();
				}
			};
		}
	}

	private final ArrayDeque<Task> due = new ArrayDeque<>();

	private final PriorityQueue<Task> later = new PriorityQueue<>(
			(a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.sequence, b.sequence));

	/** The instant the queue was last asked about: work scheduled at it joins the line of due work. */
	private long now;

	private long sequence;

	private int foreground;

	private int background;

	/**
	 * Schedules {@code task} at {@code at} (nanoseconds since the start; not before the last instant asked
	 * about).
	 *
	 * @throws IllegalStateException if the task is already scheduled
	 * @throws IllegalArgumentException if {@code at} is in the past
	 */
	Task schedule(long at, Task task, boolean isBackground) {
		if (task.isScheduled()) {
			throw new IllegalStateException("\"" + task.label() + "\" is already scheduled.");
		}
		if (at < now) {
			throw new IllegalArgumentException("\"" + task.label() + "\" cannot be scheduled in the past: at " + at + " < "
					+ now + " ns");
		}
		task.at = at;
		task.sequence = sequence++;
		task.background = isBackground;
		task.cancelled = false;
		task.queue = this;
		if (at == now) {
			due.addLast(task);
		}
		else {
			later.add(task);
		}
		if (isBackground) {
			background++;
		}
		else {
			foreground++;
		}
		return task;
	}

	/**
	 * Schedules {@code task} at the current instant, ahead of everything else due: what must happen before any
	 * other work, such as the end of an attempt that the sandbox gave up.
	 */
	Task scheduleFirst(long at, Task task) {
		if (task.isScheduled()) {
			throw new IllegalStateException("\"" + task.label() + "\" is already scheduled.");
		}
		task.at = Math.max(at, now);
		Task first = due.peekFirst();
		task.sequence = first == null ? sequence++ : first.sequence - 1;
		task.background = false;
		task.cancelled = false;
		task.queue = this;
		due.addFirst(task);
		foreground++;
		return task;
	}

	/**
	 * Takes the next task due at or before {@code at}, in (instant, sequence) order, and makes {@code at} the
	 * current instant; null if none is due. The caller runs it.
	 */
	Task pollDue(long at) {
		if (at < now) {
			throw new IllegalArgumentException("The queue's clock cannot go back: " + at + " < " + now + " ns");
		}
		now = at;
		while (true) {
			Task head = later.peek();
			Task task;
			// work waiting in the heap for this instant was scheduled before the clock reached it: it goes first
			if (head != null && head.at <= at && (due.isEmpty() || before(head, due.peekFirst()))) {
				task = later.poll();
			}
			else {
				task = due.pollFirst();
			}
			if (task == null) {
				return null;
			}
			boolean wasCancelled = task.cancelled;
			task.queue = null;
			if (!wasCancelled) {
				count(task, -1);
				return task;
			}
		}
	}

	/** The instant of the next task (foreground or background), or {@link Long#MAX_VALUE} if none. */
	long nextAt() {
		Task first = due.peekFirst();
		while (first != null && first.cancelled) {
			due.pollFirst().queue = null;
			first = due.peekFirst();
		}
		if (first != null) {
			return now;
		}
		Task head = later.peek();
		while (head != null && head.cancelled) {
			later.poll().queue = null;
			head = later.peek();
		}
		return head == null ? Long.MAX_VALUE : head.at;
	}

	/** The next task, for messages; null if none. */
	Task peek() {
		long at = nextAt();
		if (at == Long.MAX_VALUE) {
			return null;
		}
		Task head = later.peek();
		Task first = due.peekFirst();
		if (head != null && head.at <= at && (first == null || before(head, first))) {
			return head;
		}
		return first;
	}

	/** Whether foreground work is scheduled: the sandbox will be busy without anyone acting. */
	boolean hasForeground() {
		return foreground > 0;
	}

	/** Scheduled tasks that are not cancelled. */
	int size() {
		return foreground + background;
	}

	/** Drops everything. */
	void clear() {
		for (Task task : due) {
			task.queue = null;
		}
		for (Task task : later) {
			task.queue = null;
		}
		due.clear();
		later.clear();
		foreground = 0;
		background = 0;
	}

	private static boolean before(Task a, Task b) {
		return a.at != b.at ? a.at < b.at : a.sequence < b.sequence;
	}

	private void cancelled(Task task) {
		count(task, -1);
	}

	private void count(Task task, int delta) {
		if (task.background) {
			background += delta;
		}
		else {
			foreground += delta;
		}
	}
}
