package io.github.lambdasandbox.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EventQueue: the future of a sandbox, without threads")
class EventQueueTests {

	private final EventQueue queue = new EventQueue();

	private final List<String> ran = new ArrayList<>();

	private EventQueue.Task task(String name) {
		return EventQueue.Task.of(name, () -> ran.add(name));
	}

	/** Runs everything due at {@code at}, in order. */
	private void runDue(long at) {
		for (EventQueue.Task t = queue.pollDue(at); t != null; t = queue.pollDue(at)) {
			t.run();
		}
	}

	@Test
	void tasksRunInInstantOrderThenInTheOrderTheyWereScheduled() {
		queue.schedule(20, task("c"), false);
		queue.schedule(10, task("a"), false);
		queue.schedule(20, task("d"), false);
		queue.schedule(10, task("b"), false);

		runDue(10);
		assertThat(ran).containsExactly("a", "b");
		runDue(20);
		assertThat(ran).containsExactly("a", "b", "c", "d");
	}

	@Test
	void nothingIsDueBeforeItsInstant() {
		queue.schedule(10, task("later"), false);

		assertThat(queue.pollDue(9)).isNull();
		assertThat(queue.nextAt()).isEqualTo(10);
	}

	@Test
	void workScheduledEarlierForThisInstantGoesBeforeWorkScheduledAtIt() {
		queue.schedule(10, task("scheduled at 0 for 10"), false);
		EventQueue.Task first = queue.pollDue(10);
		// while "the first" runs at 10, it schedules more work at 10
		queue.schedule(10, task("scheduled at 10"), false);
		queue.schedule(10, task("also scheduled at 10"), false);
		first.run();
		runDue(10);

		assertThat(ran).containsExactly("scheduled at 0 for 10", "scheduled at 10", "also scheduled at 10");
	}

	@Test
	void workDueAtAnEarlierInstantRunsBeforeLaterWorkWhenTheClockJumps() {
		queue.schedule(0, task("due at 0"), false);
		queue.schedule(5, task("due at 5"), false);

		runDue(7);

		assertThat(ran).containsExactly("due at 0", "due at 5");
	}

	@Test
	void aCancelledTaskIsDroppedAndNoLongerCounts() {
		EventQueue.Task retry = queue.schedule(60, task("retry"), false);
		queue.schedule(120, task("other"), false);

		retry.cancel();

		assertThat(retry.isScheduled()).isFalse();
		assertThat(queue.size()).isEqualTo(1);
		assertThat(queue.nextAt()).isEqualTo(120);
		runDue(200);
		assertThat(ran).containsExactly("other");
	}

	@Test
	void cancellingTwiceOrAfterRunningDoesNothing() {
		EventQueue.Task once = queue.schedule(1, task("once"), false);
		runDue(1);

		once.cancel();
		once.cancel();

		assertThat(ran).containsExactly("once");
		assertThat(queue.size()).isZero();
	}

	@Test
	void backgroundWorkRunsWhenDueButDoesNotMakeTheSandboxBusy() {
		queue.schedule(1_000, task("poll"), true);

		assertThat(queue.hasForeground()).isFalse();
		assertThat(queue.size()).isEqualTo(1);
		queue.schedule(500, task("retry"), false);
		assertThat(queue.hasForeground()).isTrue();
		runDue(1_000);
		assertThat(ran).containsExactly("retry", "poll");
		assertThat(queue.hasForeground()).isFalse();
	}

	@Test
	void aTaskCanBeScheduledAgainOnceItRan() {
		EventQueue.Task event = task("attempt");
		queue.schedule(0, event, false);
		runDue(0);
		queue.schedule(60, event, false);
		runDue(60);

		assertThat(ran).containsExactly("attempt", "attempt");
	}

	@Test
	void aTaskScheduledTwiceOrInThePastIsRefused() {
		EventQueue.Task event = queue.schedule(10, task("attempt"), false);
		runDue(5);

		assertThatThrownBy(() -> queue.schedule(20, event, false)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("already scheduled");
		assertThatThrownBy(() -> queue.schedule(4, task("late"), false)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("in the past");
	}

	@Test
	void scheduleFirstGoesAheadOfEverythingDueNow() {
		queue.schedule(0, task("a"), false);
		queue.schedule(0, task("b"), false);
		EventQueue.Task running = queue.pollDue(0);
		running.run();

		queue.scheduleFirst(0, task("timeout of a"));
		runDue(0);

		assertThat(ran).containsExactly("a", "timeout of a", "b");
	}

	@Test
	void peekNamesTheNextTask() {
		queue.schedule(60, task("retry 1"), false);
		queue.schedule(30, task("poll"), true);

		assertThat(queue.peek().label()).isEqualTo("poll");
		assertThat(queue.nextAt()).isEqualTo(30);
		queue.clear();
		assertThat(queue.peek()).isNull();
		assertThat(queue.nextAt()).isEqualTo(Long.MAX_VALUE);
	}
}
