package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldBeDrained.shouldBeDrained;
import static io.github.lambdasandbox.assertions.error.ShouldHaveMessageCount.shouldHaveMessageCount;
import static io.github.lambdasandbox.assertions.error.ShouldReceive.shouldReceive;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothing;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButClockIsPaused;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButSandboxStillRuns;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.WaitOutcome;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions on an SQS queue of the sandbox. The {@code receives…} assertions wait: virtual time runs (retries,
 * back-offs, deliveries happen) until the queue receives what is expected, until nothing more can happen, or
 * until the virtual time given to {@link #within(Duration)} has passed. Each {@code receives…} matches one
 * delivery that no assertion matched before, oldest first; the queue keeps its messages.
 *
 * <pre>{@code
 * assertThat(queue("S3-failure")).receivesRecord()
 *     .withCondition(RETRIES_EXHAUSTED)
 *     .withApproximateInvokeCount(3);
 * assertThat(queue("S3-success")).receivesNoRecord();
 * }</pre>
 *
 * @since 0.1
 */
public class QueueAssert extends AbstractAssert<QueueAssert, SqsQueue> {

	/** How long a wait may take in real time: handlers that run for real, work without end. */
	static final Duration REAL_TIME_GUARD = Waiting.REAL_TIME_GUARD;

	private final Duration within;

	private final Duration realTimeGuard;

	private final AssertionErrorCollector softly;

	public QueueAssert(SqsQueue actual) {
		this(actual, null, REAL_TIME_GUARD, null);
	}

	QueueAssert(SqsQueue actual, Duration within, AssertionErrorCollector softly) {
		this(actual, within, REAL_TIME_GUARD, softly);
	}

	private QueueAssert(SqsQueue actual, Duration within, Duration realTimeGuard, AssertionErrorCollector softly) {
		super(actual, QueueAssert.class);
		this.within = within;
		this.realTimeGuard = realTimeGuard;
		this.softly = softly;
	}

	/**
	 * Waits at most {@code virtualTime} of virtual time from now: a record that arrives later fails
	 * {@code receivesRecord()}; {@code receivesNoRecord()} looks only that far. Without it, the wait lasts until
	 * nothing more can happen.
	 */
	public QueueAssert within(Duration virtualTime) {
		Waiting.checkPositive("within", virtualTime, "virtual time");
		QueueAssert copy = new QueueAssert(actual, virtualTime, realTimeGuard, softly);
		copy.info.description(info.description());
		return copy;
	}

	/**
	 * How long a wait may take in real time (30 seconds by default): what virtual time cannot end, such as a handler
	 * that computes for real, or work without end.
	 */
	public QueueAssert withRealTimeGuard(Duration realTime) {
		Waiting.checkPositive("withRealTimeGuard", realTime, "real time");
		QueueAssert copy = new QueueAssert(actual, within, realTime, softly);
		copy.info.description(info.description());
		return copy;
	}

	/**
	 * Waits for an invocation record that no assertion matched yet (other messages, such as S3's test event, are
	 * passed over) and matches it.
	 *
	 * @return assertions on the record
	 * @throws AssertionError if no record arrives
	 */
	public RecordAssert receivesRecord() {
		SqsMessage message = receive("an invocation record", Records::isRecord);
		return new RecordAssert(message, actual.sandbox(), "queue \"" + actual.name() + "\"", softly);
	}

	/**
	 * Waits for a message that no assertion matched yet, whatever it holds (a dead-letter message, an S3
	 * notification, a record), and matches it.
	 *
	 * @return assertions on the message
	 * @throws AssertionError if no message arrives
	 */
	public MessageAssert receivesMessage() {
		SqsMessage message = receive("a message", m -> true);
		return new MessageAssert(message, actual.sandbox(), "queue \"" + actual.name() + "\"", softly);
	}

	/**
	 * Lets the sandbox settle (every retry and delivery that will ever happen, happens; or only as far as
	 * {@link #within(Duration)}), then checks that the queue received no invocation record that no assertion
	 * matched. With a paused clock and work still scheduled it fails: what that work would deliver is not known.
	 *
	 * @throws AssertionError listing the records the queue received
	 */
	public QueueAssert receivesNoRecord() {
		return receivesNone("invocation record", Records::isRecord);
	}

	/**
	 * Lets the sandbox settle, then checks that the queue received no message that no assertion matched.
	 *
	 * @throws AssertionError listing the messages the queue received
	 */
	public QueueAssert receivesNoMessage() {
		return receivesNone("message", m -> true);
	}

	/**
	 * Checks how many messages the queue holds now (everything due now having happened), without letting the
	 * clock move.
	 *
	 * @throws AssertionError if it holds another number
	 */
	public QueueAssert hasMessageCount(int expected) {
		isNotNull();
		List<SqsMessage> messages = actual.messages();
		if (messages.size() != expected) {
			report(assertionError(shouldHaveMessageCount(actual.name(), expected, Evidence.describe(messages),
					Evidence.around(actual.sandbox(), actual.name()))), null);
		}
		return myself;
	}

	/**
	 * Lets the sandbox settle (or run for {@link #within(Duration)}), then checks that the queue holds nothing:
	 * no message visible, in flight (received, not deleted) or delayed. For a queue that an event source mapping
	 * reads: every message was processed and deleted, or moved to the dead-letter queue.
	 *
	 * @throws AssertionError listing what is left and what happened to each message
	 * @since 0.2
	 */
	public QueueAssert isDrained() {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		WaitOutcome outcome = Waiting.until(sandbox, () -> actual.messages().isEmpty() ? Boolean.TRUE : null, within,
				realTimeGuard).how();
		if (outcome == WaitOutcome.SATISFIED) {
			return myself;
		}
		String why = switch (outcome) {
			case PAUSED -> "the clock paused at " + Evidence.elapsed(sandbox) + " (" + sandbox.pendingWork() + ")";
			case WITHIN_ELAPSED -> Evidence.duration(within) + " of virtual time had passed";
			case REAL_TIME_EXCEEDED -> Evidence.duration(realTimeGuard) + " of real time had passed (" + sandbox.pendingWork()
					+ ")";
			default -> "the sandbox settled at " + Evidence.elapsed(sandbox);
		};
		int visible = actual.approximateNumberOfMessages();
		int inFlight = actual.approximateNumberOfMessagesNotVisible();
		int delayed = actual.approximateNumberOfMessagesDelayed();
		String holds = visible + " visible, " + inFlight + " in flight, " + delayed + " delayed";
		report(assertionError(shouldBeDrained(actual.name(), why, holds,
				Evidence.messageHistories(sandbox, actual.name(), actual.messages()), Evidence.around(sandbox, actual.name()))),
				Evidence.lastErrorOf(sandbox, actual.name()).orElse(null));
		return myself;
	}

	private QueueAssert receivesNone(String what, Predicate<SqsMessage> kind) {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		WaitOutcome outcome = Waiting.settle(sandbox, within, realTimeGuard);
		if (outcome == WaitOutcome.PAUSED) {
			report(assertionError(shouldReceiveNothingButClockIsPaused(actual.name(), what, sandbox.pendingWork(),
					Evidence.around(sandbox, actual.name()))), null);
			return myself;
		}
		if (outcome == WaitOutcome.REAL_TIME_EXCEEDED) {
			report(assertionError(shouldReceiveNothingButSandboxStillRuns(actual.name(), what, sandbox.pendingWork(),
					Evidence.around(sandbox, actual.name()))), null);
			return myself;
		}
		List<SqsMessage> unexpected = Deliveries.unmatched(sandbox, actual.name(), kind);
		if (!unexpected.isEmpty()) {
			report(assertionError(shouldReceiveNothing(actual.name(), what, unexpected.size(),
					Waiting.listed(unexpected.stream().map(SqsMessage::body).toList()), Evidence.around(sandbox, actual.name()))),
					null);
		}
		return myself;
	}

	private SqsMessage receive(String what, Predicate<SqsMessage> kind) {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		String queue = actual.name();
		Waiting.Outcome<SqsMessage> outcome = Waiting.until(sandbox, () -> Deliveries.firstUnmatched(sandbox, queue, kind),
				within, realTimeGuard);
		if (outcome.found() != null) {
			Deliveries.match(sandbox, queue, outcome.found());
			return outcome.found();
		}
		String why = Waiting.whyNone(outcome.how(), sandbox, within, realTimeGuard)
				+ (outcome.how() == WaitOutcome.SETTLED ? others(sandbox, queue, kind) : "");
		ErrorMessageFactory factory = shouldReceive(queue, what, Waiting.within(within), why, Evidence.around(sandbox, queue));
		report(assertionError(factory), Evidence.lastErrorOf(sandbox, queue).orElse(null));
		return null;
	}

	/** " (it holds 1 message that is not one)", when the queue received other things. */
	private static String others(Sandbox sandbox, String queue, Predicate<SqsMessage> kind) {
		long others = Deliveries.unmatched(sandbox, queue, m -> !kind.test(m)).size();
		return others == 0 ? "" : " (it received " + others + (others == 1 ? " message that is not one)" : " messages that are not one)");
	}

	/** Throws the failure, or collects it in a soft-assertions block; {@code cause} is the handler's last error. */
	private void report(AssertionError error, Throwable cause) {
		Waiting.report(error, cause, softly);
	}

	static String abbreviate(String body) {
		return Waiting.abbreviate(body);
	}
}
