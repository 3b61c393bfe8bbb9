package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldReceive.shouldReceive;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothing;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButClockIsPaused;
import static io.github.lambdasandbox.assertions.error.ShouldReceiveNothing.shouldReceiveNothingButSandboxStillRuns;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.WaitOutcome;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on an S3 bucket of the sandbox: the objects stored in it (by a Lambda on-failure destination, a stream
 * mapping's on-failure destination, handler code, the test). The {@code receives…} assertions wait in virtual time,
 * as {@link QueueAssert}'s do; each matches one stored object that no assertion matched before, oldest first. An
 * object is checked as a message whose body is its content.
 *
 * <pre>{@code
 * assertThat(bucket("failures")).receivesRecord()        // aws/lambda/async/…, aws/lambda/<mapping>/…
 *     .withCondition(RETRY_ATTEMPTS_EXHAUSTED)
 *     .withBatchSize(1);
 * assertThat(bucket("thumbnails")).receivesObject("thumbs/.*\\.png").withBody("…");
 * }</pre>
 *
 * @since 0.3
 */
public class BucketAssert extends AbstractAssert<BucketAssert, S3Bucket> {

	private static final String KIND = "bucket";

	private final Duration within;

	private final Duration realTimeGuard;

	private final AssertionErrorCollector softly;

	public BucketAssert(S3Bucket actual) {
		this(actual, null, Waiting.REAL_TIME_GUARD, null);
	}

	BucketAssert(S3Bucket actual, Duration within, Duration realTimeGuard, AssertionErrorCollector softly) {
		super(actual, BucketAssert.class);
		this.within = within;
		this.realTimeGuard = realTimeGuard;
		this.softly = softly;
	}

	/** Waits at most {@code virtualTime} of virtual time from now (see {@link QueueAssert#within(Duration)}). */
	public BucketAssert within(Duration virtualTime) {
		Waiting.checkPositive("within", virtualTime, "virtual time");
		BucketAssert copy = new BucketAssert(actual, virtualTime, realTimeGuard, softly);
		copy.info.description(info.description());
		return copy;
	}

	/** How long a wait may take in real time (30 seconds by default). */
	public BucketAssert withRealTimeGuard(Duration realTime) {
		Waiting.checkPositive("withRealTimeGuard", realTime, "real time");
		BucketAssert copy = new BucketAssert(actual, within, realTime, softly);
		copy.info.description(info.description());
		return copy;
	}

	/**
	 * Waits for a stored invocation record (an asynchronous invocation's, or a stream mapping's on-failure record)
	 * that no assertion matched yet.
	 *
	 * @throws AssertionError if none is stored
	 */
	public RecordAssert receivesRecord() {
		return new RecordAssert(receive("an invocation record", put -> Records.parse(content(put)) != null),
				actual.sandbox(), where(), softly);
	}

	/** Waits for a stored object that no assertion matched yet, whatever it holds; {@code withBody} checks its content. */
	public MessageAssert receivesObject() {
		return new MessageAssert(receive("an object", put -> true), actual.sandbox(), where(), softly);
	}

	/** Waits for a stored object whose key matches {@code keyRegex} that no assertion matched yet. */
	public MessageAssert receivesObject(String keyRegex) {
		Pattern key = Pattern.compile(keyRegex);
		return new MessageAssert(receive("an object with a key matching " + keyRegex, put -> key.matcher(put.key()).matches()),
				actual.sandbox(), where(), softly);
	}

	/** Lets the sandbox settle, then checks that no object was stored that no assertion matched. */
	public BucketAssert receivesNoObject() {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		WaitOutcome outcome = Waiting.settle(sandbox, within, realTimeGuard);
		String name = actual.name();
		if (outcome == WaitOutcome.PAUSED) {
			Waiting.report(assertionError(shouldReceiveNothingButClockIsPaused(KIND, name, "object", sandbox.pendingWork(),
					Evidence.aroundBucket(sandbox, name))), null, softly);
		}
		else if (outcome == WaitOutcome.REAL_TIME_EXCEEDED) {
			Waiting.report(assertionError(shouldReceiveNothingButSandboxStillRuns(KIND, name, "object", sandbox.pendingWork(),
					Evidence.aroundBucket(sandbox, name))), null, softly);
		}
		else {
			List<JournalEntry.ObjectPut> unexpected = unmatched(sandbox, put -> true);
			if (!unexpected.isEmpty()) {
				Waiting.report(assertionError(shouldReceiveNothing(KIND, name, "object", unexpected.size(),
						Waiting.listed(unexpected.stream().map(JournalEntry.ObjectPut::key).toList()),
						Evidence.aroundBucket(sandbox, name))), null, softly);
			}
		}
		return myself;
	}

	private String where() {
		return KIND + " \"" + actual.name() + "\"";
	}

	private String content(JournalEntry.ObjectPut put) {
		return actual.getObject(put.key()).orElse("");
	}

	/** An object as the message assertions read it: the key as its id, the content as its body. */
	private Published asMessage(JournalEntry.ObjectPut put) {
		return new Published(put.key(), content(put), null, Map.of(), put.at());
	}

	private List<JournalEntry.ObjectPut> unmatched(Sandbox sandbox, Predicate<JournalEntry.ObjectPut> kind) {
		List<JournalEntry.ObjectPut> puts = sandbox.journal().ofResource("s3:" + actual.name()).stream()
				.filter(JournalEntry.ObjectPut.class::isInstance).map(JournalEntry.ObjectPut.class::cast).toList();
		return Deliveries.unmatched(sandbox, "s3:" + actual.name(), puts, put -> put.key() + "@" + put.sequence(), kind);
	}

	private Published receive(String what, Predicate<JournalEntry.ObjectPut> kind) {
		isNotNull();
		Sandbox sandbox = actual.sandbox();
		Waiting.Outcome<JournalEntry.ObjectPut> outcome = Waiting.until(sandbox,
				() -> unmatched(sandbox, kind).stream().findFirst().orElse(null), within, realTimeGuard);
		if (outcome.found() != null) {
			JournalEntry.ObjectPut put = outcome.found();
			Deliveries.match(sandbox, "s3:" + actual.name(), put.key() + "@" + put.sequence());
			return asMessage(put);
		}
		String why = Waiting.whyNone(outcome.how(), sandbox, within, realTimeGuard);
		Waiting.report(assertionError(shouldReceive(KIND, actual.name(), what, Waiting.within(within), why,
				Evidence.aroundBucket(sandbox, actual.name()))),
				Evidence.lastErrorOfSendersTo(sandbox, "s3:" + actual.name()).orElse(null), softly);
		return null;
	}
}
