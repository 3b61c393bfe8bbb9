package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldReceive.shouldReceive;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothing;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButClockIsPaused;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButSandboxStillRuns;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SnsMessage;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.WaitOutcome;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on an SNS topic of the sandbox: what was published to it (by a destination, a dead-letter queue, an S3
 * notification, a rule, handler code). The {@code receives…} assertions wait in virtual time, as
 * {@link QueueAssert}'s do; each matches one published message that no assertion matched before, oldest first.
 *
 * <pre>{@code
 * assertThat(topic("alerts")).receivesRecord()
 *     .withCondition(RETRIES_EXHAUSTED)
 *     .withErrorMessage("boom!");
 * assertThat(topic("alerts")).receivesNoMessage();
 * }</pre>
 *
 * What the topic's subscriptions then received is asserted on their queues: {@code assertThat(queue("alerts-inbox"))}.
 *
 * @since 0.3
 */
public class TopicAssert extends AbstractAssert<TopicAssert, SnsTopic> {

	private static final String KIND = "topic";

	private final Duration within;

	private final Duration realTimeGuard;

	private final AssertionErrorCollector softly;

	public TopicAssert(SnsTopic actual) {
		this(actual, null, Waiting.REAL_TIME_GUARD, null);
	}

	TopicAssert(SnsTopic actual, Duration within, Duration realTimeGuard, AssertionErrorCollector softly) {
		super(actual, TopicAssert.class);
		this.within = within;
		this.realTimeGuard = realTimeGuard;
		this.softly = softly;
	}

	/** Waits at most {@code virtualTime} of virtual time from now (see {@link QueueAssert#within(Duration)}). */
	public TopicAssert within(Duration virtualTime) {
		Waiting.checkPositive("within", virtualTime, "virtual time");
		TopicAssert copy = new TopicAssert(actual, virtualTime, realTimeGuard, softly);
		copy.info.description(info.description());
		return copy;
	}

	/** How long a wait may take in real time (30 seconds by default). */
	public TopicAssert withRealTimeGuard(Duration realTime) {
		Waiting.checkPositive("withRealTimeGuard", realTime, "real time");
		TopicAssert copy = new TopicAssert(actual, within, realTime, softly);
		copy.info.description(info.description());
		return copy;
	}

	/**
	 * Waits for a published invocation record (a Lambda destination's) that no assertion matched yet.
	 *
	 * @throws AssertionError if none is published
	 */
	public RecordAssert receivesRecord() {
		return new RecordAssert(receive("an invocation record", TopicAssert::isRecord), actual.sandbox(), where(), softly);
	}

	/**
	 * Waits for a published message that no assertion matched yet, whatever it holds: {@code withBody} checks the
	 * {@code Message}, {@code withSubject} the {@code Subject}, {@code withAttribute} the message attributes.
	 *
	 * @throws AssertionError if none is published
	 */
	public MessageAssert receivesMessage() {
		return new MessageAssert(receive("a message", m -> true), actual.sandbox(), where(), softly);
	}

	/** Lets the sandbox settle, then checks that no invocation record was published that no assertion matched. */
	public TopicAssert receivesNoRecord() {
		return receivesNone("invocation record", TopicAssert::isRecord);
	}

	/** Lets the sandbox settle, then checks that nothing was published that no assertion matched. */
	public TopicAssert receivesNoMessage() {
		return receivesNone("message", m -> true);
	}

	private static boolean isRecord(SnsMessage message) {
		return Records.parse(message.message()) != null;
	}

	private String where() {
		return KIND + " \"" + actual.name() + "\"";
	}

	private List<SnsMessage> unmatched(Sandbox sandbox, Predicate<SnsMessage> kind) {
		return Deliveries.unmatched(sandbox, "sns:" + actual.name(), Deliveries.publishedTo(sandbox, actual.name()),
				SnsMessage::messageId, kind);
	}

	private Published receive(String what, Predicate<SnsMessage> kind) {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		Waiting.Outcome<SnsMessage> outcome = Waiting.until(sandbox,
				() -> unmatched(sandbox, kind).stream().findFirst().orElse(null), within, realTimeGuard);
		if (outcome.found() != null) {
			Deliveries.match(sandbox, "sns:" + actual.name(), outcome.found().messageId());
			return Published.of(outcome.found());
		}
		String why = Waiting.whyNone(outcome.how(), sandbox, within, realTimeGuard);
		Waiting.report(assertionError(shouldReceive(KIND, actual.name(), what, Waiting.within(within), why,
				Evidence.aroundTopic(sandbox, actual.name()))),
				Evidence.lastErrorOfSendersTo(sandbox, "sns:" + actual.name()).orElse(null), softly);
		return null;
	}

	private TopicAssert receivesNone(String what, Predicate<SnsMessage> kind) {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		WaitOutcome outcome = Waiting.settle(sandbox, within, realTimeGuard);
		String name = actual.name();
		if (outcome == WaitOutcome.PAUSED) {
			Waiting.report(assertionError(shouldReceiveNothingButClockIsPaused(KIND, name, what, sandbox.pendingWork(),
					Evidence.aroundTopic(sandbox, name))), null, softly);
		}
		else if (outcome == WaitOutcome.REAL_TIME_EXCEEDED) {
			Waiting.report(assertionError(shouldReceiveNothingButSandboxStillRuns(KIND, name, what, sandbox.pendingWork(),
					Evidence.aroundTopic(sandbox, name))), null, softly);
		}
		else {
			List<SnsMessage> unexpected = unmatched(sandbox, kind);
			if (!unexpected.isEmpty()) {
				Waiting.report(assertionError(shouldReceiveNothing(KIND, name, what, unexpected.size(),
						Waiting.listed(unexpected.stream().map(SnsMessage::message).toList()),
						Evidence.aroundTopic(sandbox, name))), null, softly);
			}
		}
		return myself;
	}
}
