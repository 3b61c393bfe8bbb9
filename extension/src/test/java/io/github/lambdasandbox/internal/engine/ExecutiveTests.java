package io.github.lambdasandbox.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.WaitOutcome;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Executive: background work, settle and waits")
class ExecutiveTests {

	@LambdaFunction(name = "boom", handler = Handlers.Boom.class)
	static class Declarations {
	}

	private final SandboxEngine sandbox = SandboxEngine.create(Declarations.class);

	private final Executive executive = sandbox.executive;

	private final List<Instant> polls = new ArrayList<>();

	@AfterEach
	void close() {
		sandbox.close();
	}

	/** A poller that looks at its source every second, for ever: background work. */
	private void registerPoller() {
		executive.command(() -> {
			executive.scheduleAt(executive.nanos() + 1_000_000_000L, new EventQueue.Task() {
				@Override
				String label() {
					return "poll";
				}

				@Override
				void run() {
					polls.add(executive.instant());
					executive.scheduleAt(executive.nanos() + 1_000_000_000L, this, true);
				}
			}, true);
			return null;
		});
	}

	@Test
	void settleReturnsWithAPollerRegistered() {
		registerPoller();

		sandbox.settle();

		assertThat(polls).isEmpty();
		assertThat(sandbox.clock().now()).isEqualTo(sandbox.clock().start());
	}

	@Test
	void backgroundWorkRunsWhileOtherWorkMovesTheClock() {
		registerPoller();
		sandbox.invokeAsync("boom", "{}");

		sandbox.settle();

		// the retries at +60 s and +180 s keep the sandbox busy; the poller ran every second until then
		assertThat(sandbox.clock().now()).isEqualTo(sandbox.clock().start().plusSeconds(180));
		assertThat(polls).hasSize(180);
	}

	@Test
	void advanceRunsBackgroundWorkUpToItsTarget() {
		registerPoller();

		sandbox.clock().advance(Duration.ofSeconds(5));

		assertThat(polls).hasSize(5);
	}

	@Test
	void aWaitStopsAtTheFirstQuietInstantWhereItsConditionHolds() {
		sandbox.invokeAsync("boom", "{}");

		WaitOutcome outcome = sandbox.runUntil(() -> sandbox.journal().entries(io.github.lambdasandbox.JournalEntry.AttemptEnded.class)
				.size() == 2, Duration.ofHours(1));

		assertThat(outcome).isEqualTo(WaitOutcome.SATISFIED);
		assertThat(sandbox.clock().now()).isEqualTo(sandbox.clock().start().plusSeconds(60));
	}

	@Test
	void aWaitEndsWhenItsVirtualTimeIsUp() {
		sandbox.invokeAsync("boom", "{}");

		WaitOutcome outcome = sandbox.runUntil(() -> false, Duration.ofSeconds(30));

		assertThat(outcome).isEqualTo(WaitOutcome.WITHIN_ELAPSED);
		assertThat(sandbox.pendingWork()).startsWith("1 action scheduled, the next at +60s (retry 1 of request ");
	}

	@Test
	void aWaitOnAPausedClockSaysSo() {
		sandbox.clock().pause();
		sandbox.invokeAsync("boom", "{}");

		assertThat(sandbox.runUntil(() -> false, Duration.ofHours(1))).isEqualTo(WaitOutcome.PAUSED);
		assertThat(sandbox.runUntil(() -> true, Duration.ofHours(1))).isEqualTo(WaitOutcome.SATISFIED);
	}

	@Test
	void readsFromTheTestLetWhatIsDueNowHappenFirstWithoutMovingTheClock() {
		sandbox.invokeAsync("boom", "{}");

		assertThat(sandbox.function("boom").metric("Invocations")).isEqualTo(1);
		assertThat(sandbox.clock().now()).isEqualTo(sandbox.clock().start());
	}
}
