package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldReceive.shouldReceive;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothing;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButClockIsPaused;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButSandboxStillRuns;

import java.time.Duration;
import java.util.List;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.WaitOutcome;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on an EventBridge bus of the sandbox: the events put on it (by Lambda destinations, handler code, the
 * test). The {@code receives…} assertions wait in virtual time, as {@link QueueAssert}'s do; each matches one event that
 * no assertion matched before, oldest first.
 *
 * <pre>{@code
 * assertThat(eventBus("default")).receivesEvent()
 *     .withDetailType("Lambda Function Invocation Result - Failure")
 *     .withSource("lambda")
 *     .detailAsRecord().withCondition(RETRIES_EXHAUSTED);
 * }</pre>
 *
 * What a rule's target then received is asserted on it: {@code assertThat(queue("failures-seen"))}.
 *
 * @since 0.3
 */
public class EventBusAssert extends AbstractAssert<EventBusAssert, EventBus> {

	private static final String KIND = "event bus";

	private final Duration within;

	private final Duration realTimeGuard;

	private final AssertionErrorCollector softly;

	public EventBusAssert(EventBus actual) {
		this(actual, null, Waiting.REAL_TIME_GUARD, null);
	}

	EventBusAssert(EventBus actual, Duration within, Duration realTimeGuard, AssertionErrorCollector softly) {
		super(actual, EventBusAssert.class);
		this.within = within;
		this.realTimeGuard = realTimeGuard;
		this.softly = softly;
	}

	/** Waits at most {@code virtualTime} of virtual time from now (see {@link QueueAssert#within(Duration)}). */
	public EventBusAssert within(Duration virtualTime) {
		Waiting.checkPositive("within", virtualTime, "virtual time");
		EventBusAssert copy = new EventBusAssert(actual, virtualTime, realTimeGuard, softly);
		copy.info.description(info.description());
		return copy;
	}

	/** How long a wait may take in real time (30 seconds by default). */
	public EventBusAssert withRealTimeGuard(Duration realTime) {
		Waiting.checkPositive("withRealTimeGuard", realTime, "real time");
		EventBusAssert copy = new EventBusAssert(actual, within, realTime, softly);
		copy.info.description(info.description());
		return copy;
	}

	/**
	 * Waits for an event put on the bus that no assertion matched yet.
	 *
	 * @throws AssertionError if none is put
	 */
	public EventAssert receivesEvent() {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		Waiting.Outcome<JournalEntry.EventPut> outcome = Waiting.until(sandbox,
				() -> unmatched(sandbox).stream().findFirst().orElse(null), within, realTimeGuard);
		if (outcome.found() != null) {
			Deliveries.match(sandbox, resource(), outcome.found().eventId());
			return new EventAssert(outcome.found().event(), sandbox, actual.name(), softly);
		}
		String why = Waiting.whyNone(outcome.how(), sandbox, within, realTimeGuard);
		Waiting.report(assertionError(shouldReceive(KIND, actual.name(), "an event", Waiting.within(within), why,
				Evidence.aroundBus(sandbox, actual.name()))), Evidence.lastErrorOfSendersTo(sandbox, resource()).orElse(null),
				softly);
		return new EventAssert(null, sandbox, actual.name(), softly);
	}

	/** Lets the sandbox settle, then checks that no event was put on the bus that no assertion matched. */
	public EventBusAssert receivesNoEvent() {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		WaitOutcome outcome = Waiting.settle(sandbox, within, realTimeGuard);
		String name = actual.name();
		if (outcome == WaitOutcome.PAUSED) {
			Waiting.report(assertionError(shouldReceiveNothingButClockIsPaused(KIND, name, "event", sandbox.pendingWork(),
					Evidence.aroundBus(sandbox, name))), null, softly);
		}
		else if (outcome == WaitOutcome.REAL_TIME_EXCEEDED) {
			Waiting.report(assertionError(shouldReceiveNothingButSandboxStillRuns(KIND, name, "event", sandbox.pendingWork(),
					Evidence.aroundBus(sandbox, name))), null, softly);
		}
		else {
			List<JournalEntry.EventPut> unexpected = unmatched(sandbox);
			if (!unexpected.isEmpty()) {
				Waiting.report(assertionError(shouldReceiveNothing(KIND, name, "event", unexpected.size(),
						Waiting.listed(unexpected.stream().map(JournalEntry.EventPut::event).toList()),
						Evidence.aroundBus(sandbox, name))), null, softly);
			}
		}
		return myself;
	}

	private String resource() {
		return "events:" + actual.name();
	}

	private List<JournalEntry.EventPut> unmatched(Sandbox sandbox) {
		return Deliveries.unmatched(sandbox, resource(), Deliveries.putOn(sandbox, actual.name()),
				JournalEntry.EventPut::eventId, put -> true);
	}
}
