package io.github.lambdasandbox.assertions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import io.github.lambdasandbox.internal.engine.Scheduler.Outcome;
import io.github.lambdasandbox.internal.services.SqsQueueImpl;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an SQS queue of the sandbox. The {@code receives…} assertions wait: virtual time runs
 * (retries, back-offs, deliveries happen) until the queue holds a message, until nothing more can happen,
 * or until the real-time timeout (5 seconds by default, see {@link #within(Duration)}).
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

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private final Duration timeout;

	public QueueAssert(SqsQueue actual) {
		this(actual, DEFAULT_TIMEOUT);
	}

	private QueueAssert(SqsQueue actual, Duration timeout) {
		super(actual, QueueAssert.class);
		this.timeout = timeout;
	}

	/** Waits at most {@code timeout} of real time (5 seconds by default). Virtual time is not limited. */
	public QueueAssert within(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("within(" + timeout + "): the timeout must be positive.");
		}
		QueueAssert copy = new QueueAssert(actual, timeout);
		copy.info.description(info.description());
		return copy;
	}

	/**
	 * Waits for a message, takes it from the queue (as ReceiveMessage and DeleteMessage would), and checks
	 * that it is an invocation record.
	 *
	 * @return assertions on the record
	 * @throws AssertionError if no message arrives, or the one that does is not an invocation record
	 */
	public RecordAssert receivesRecord() {
		SqsMessage message = receive("an invocation record");
		if (Records.parse(message.body()) == null) {
			throw failure("%s", "\nExpecting queue \"" + actual.name()
					+ "\" to receive an invocation record,\nbut it received a message that is not one:\n  " + message.body()
					+ "\n\n" + Evidence.around(sandbox(), actual.name()));
		}
		return new RecordAssert(message, sandbox(), actual.name());
	}

	/**
	 * Waits for a message and takes it from the queue, whatever it holds (a dead-letter message, an S3
	 * notification, a record).
	 *
	 * @return assertions on the message
	 * @throws AssertionError if no message arrives
	 */
	public MessageAssert receivesMessage() {
		return new MessageAssert(receive("a message"), sandbox(), actual.name());
	}

	/**
	 * Lets the sandbox settle (every retry and delivery that will ever happen, happens), then checks that the
	 * queue holds no invocation record. With a paused clock and work still scheduled it fails: what that work
	 * would deliver is not known yet.
	 *
	 * @throws AssertionError listing the records the queue holds
	 */
	public QueueAssert receivesNoRecord() {
		return receivesNone("invocation record", true);
	}

	/**
	 * Lets the sandbox settle, then checks that the queue holds no message at all.
	 *
	 * @throws AssertionError listing the messages the queue holds
	 */
	public QueueAssert receivesNoMessage() {
		return receivesNone("message", false);
	}

	/**
	 * Checks how many messages the queue holds now, without waiting.
	 *
	 * @throws AssertionError if it holds another number
	 */
	public QueueAssert hasMessageCount(int expected) {
		isNotNull();
		List<SqsMessage> messages = actual.messages();
		if (messages.size() != expected) {
			throw failure("%s", "\nExpecting queue \"" + actual.name() + "\" to hold " + expected + " message(s),\nbut it holds "
					+ Evidence.describe(messages) + ".\n\n" + Evidence.around(sandbox(), actual.name()));
		}
		return myself;
	}

	private QueueAssert receivesNone(String what, boolean recordsOnly) {
		isNotNull();
		SandboxEngine sandbox = sandbox();
		sandbox.settle();
		if (sandbox.clock().isPaused() && sandbox.hasPendingWork()) {
			throw failure("%s", "\nExpecting queue \"" + actual.name() + "\" to receive no " + what + ",\nbut the clock is "
					+ "paused with work still to come (" + sandbox.pendingSummary() + "): what it would deliver is unknown. "
					+ "Call clock().advance(…) or clock().resume() first.\n\n" + Evidence.around(sandbox, actual.name()));
		}
		List<SqsMessage> unexpected = actual.messages().stream()
				.filter(m -> !recordsOnly || Records.parse(m.body()) != null)
				.toList();
		if (!unexpected.isEmpty()) {
			StringBuilder listed = new StringBuilder();
			unexpected.forEach(m -> listed.append("  ").append(m.body()).append('\n'));
			throw failure("%s", "\nExpecting queue \"" + actual.name() + "\" to receive no " + what + ",\nbut it received "
					+ unexpected.size() + ":\n" + listed + "\n" + Evidence.around(sandbox, actual.name()));
		}
		return myself;
	}

	private SqsMessage receive(String what) {
		isNotNull();
		SandboxEngine sandbox = sandbox();
		Outcome outcome = Waiting.until(sandbox, () -> !actual.messages().isEmpty(), timeout,
				"queue \"" + actual.name() + "\" receives " + what);
		Optional<SqsMessage> message = outcome == Outcome.SATISFIED ? actual.receive() : Optional.empty();
		if (message.isEmpty()) {
			String why = outcome == Outcome.TIMED_OUT
					? "it received none within " + seconds(timeout) + " of real time (" + sandbox.pendingSummary() + ")"
					: sandbox.clock().isPaused() && sandbox.hasPendingWork()
							? "it received none by virtual time " + sandbox.elapsed() + ": the clock is paused (" + sandbox.pendingSummary()
									+ "); call clock().advance(…) or clock().resume() to let it run"
							: "it received none: the sandbox is idle and nothing more is scheduled";
			throw failure("%s", "\nExpecting queue \"" + actual.name() + "\" to receive " + what + " within " + seconds(timeout)
					+ ",\nbut " + why + ".\n\n" + Evidence.around(sandbox, actual.name()));
		}
		return message.get();
	}

	private SandboxEngine sandbox() {
		if (actual instanceof SqsQueueImpl queue && queue.sandbox() instanceof SandboxEngine engine) {
			return engine;
		}
		throw new IllegalArgumentException("QueueAssert works on the queues of a sandbox (sandbox.queue(\"…\") or "
				+ "queue(\"…\")), not on " + actual.getClass().getName() + ".");
	}

	private static String seconds(Duration duration) {
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}
}
