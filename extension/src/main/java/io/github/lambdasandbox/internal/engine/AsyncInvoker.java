package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.JournalEntry;

/**
 * Lambda's internal queue of asynchronous invocations and its retry policy: an attempt at once; after a function
 * error (or timeout) a retry 1 minute after the attempt ended, then 2 minutes after the next one ended (up to
 * {@code MaximumRetryAttempts}); after a throttle another try 1, 2, 4 … up to 300 seconds later that does not use
 * up a retry, until the event is too old; never a retry that would come at or after
 * {@code MaximumEventAgeInSeconds}. Engine only.
 */
final class AsyncInvoker {

	private static final Duration[] RETRY_DELAYS = { Duration.ofMinutes(1), Duration.ofMinutes(2) };

	private static final long MAX_THROTTLE_DELAY_SECONDS = 300;

	private final SandboxEngine engine;

	/** Events accepted and not yet done with (succeeded, or failed and routed): the accounting's "still to come". */
	private final Set<AsyncEvent> inFlight = new HashSet<>();

	AsyncInvoker(SandboxEngine engine) {
		this.engine = engine;
	}

	/**
	 * Queues an event and returns its request id (what {@code Invoke} answers with 202).
	 *
	 * @param origin who sent it, for the timeline: "invokeAsync", "s3:images", …
	 */
	String accept(FunctionRuntime function, String payload, String origin) {
		return accept(function, null, payload, origin);
	}

	/** @param qualifier the version or alias the caller named (checked), or null: unqualified */
	String accept(FunctionRuntime function, String qualifier, String payload, String origin) {
		String requestId = engine.ids.uuid();
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.Accepted(journal.next(), engine.executive.instant(), requestId, function.name(),
				JournalEntry.InvocationType.EVENT, origin, qualifier));
		AsyncEvent event = new AsyncEvent(this, requestId, function, qualifier, payload, engine.executive.nanos());
		event.lineage = engine.recursion.current();
		inFlight.add(event);
		engine.executive.scheduleNow(event);
		if (engine.faults.duplicatesPossible() && engine.faults.duplicate("lambda:" + function.name())) {
			// at least once: Lambda may run the same event twice, with the same request id
			engine.executive.scheduleNow(EventQueue.Task.of("duplicate delivery of request " + requestId, () -> {
				engine.faults.journal(requestId, function.name(), "lambda:" + function.name(), "duplicate delivery");
				if (function.throttle(requestId) == null) {
					Environment environment = function.acquire();
					AttemptRun again = new AttemptRun(engine.executive, function, environment, requestId, 1, payload, result -> {
					});
					again.lineage = event.lineage.after(function.name());
					function.start(again);
				}
			}));
		}
		return requestId;
	}

	void attempt(AsyncEvent event) {
		Executive executive = engine.executive;
		long now = executive.nanos();
		FunctionRuntime function = event.function;
		if (now >= event.expiresAt()) {
			expired(event, null);
			return;
		}
		// recursive loop detection: a stopped event goes to failure handling without an attempt
		Lineage chain = engine.recursion.enter(function, event.lineage, event.requestId, "Event", null);
		if (chain == null) {
			fail(event, Condition.RECURSIVE_INVOCATION);
			return;
		}
		String throttled = function.throttle(event.requestId);
		if (throttled != null) {
			if (function.config().reservedConcurrency() == 0) {
				// AWS sends such events straight to failure handling, without retries
				fail(event, Condition.ZERO_RESERVED_CONCURRENCY);
				return;
			}
			long delay = Duration.ofSeconds(Math.min(1L << Math.min(event.throttles, 30), MAX_THROTTLE_DELAY_SECONDS))
					.toNanos();
			event.throttles++;
			// back to the queue; Lambda keeps trying until the event is too old, the last time when it is
			long next = Math.min(now + delay, event.expiresAt());
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.RetryScheduled(journal.next(), executive.instant(), event.requestId,
					function.name(), 0, Duration.ofNanos(next - now), true));
			executive.scheduleAt(next, event, false);
			return;
		}
		event.throttles = 0;
		event.attempts++;
		// an alias chooses its version at each attempt (it may have moved since the last one)
		Environment environment = function.acquire(event.qualifier);
		event.executedVersion = environment.version;
		AttemptRun run = new AttemptRun(executive, function, environment, event.requestId, event.attempts, event.payload,
				event.qualifier, result -> ended(event, result));
		run.lineage = chain;
		function.start(run);
	}

	/** After an attempt, at the virtual instant it ended. */
	private void ended(AsyncEvent event, AttemptResult result) {
		event.last = result;
		if (result.success()) {
			inFlight.remove(event);
			engine.router.succeeded(event);
			return;
		}
		// the function's settings of this instant: PutFunctionEventInvokeConfig may have lowered them since
		int maximumRetries = event.config().maximumRetryAttempts();
		if (event.retries >= maximumRetries) {
			fail(event, Condition.RETRIES_EXHAUSTED);
			return;
		}
		Duration delay = RETRY_DELAYS[event.retries];
		// AWS does not wait for a retry that would land at or past the maximum age
		if (engine.executive.nanos() + delay.toNanos() >= event.expiresAt()) {
			expired(event, delay);
			return;
		}
		event.retries++;
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.RetryScheduled(journal.next(), engine.executive.instant(), event.requestId,
				event.function.name(), event.retries, delay, false));
		engine.executive.schedule(delay, event);
	}

	private void expired(AsyncEvent event, Duration wouldRetryIn) {
		JournalStore journal = engine.journal;
		Duration maximumAge = Duration.ofSeconds(event.config().maximumEventAgeInSeconds());
		journal.append(new JournalEntry.EventAgeExceeded(journal.next(), engine.executive.instant(), event.requestId,
				event.function.name(), Duration.ofNanos(engine.executive.nanos() - event.acceptedAt), maximumAge,
				wouldRetryIn));
		fail(event, Condition.EVENT_AGE_EXCEEDED);
	}

	private void fail(AsyncEvent event, Condition condition) {
		inFlight.remove(event);
		engine.router.failed(event, condition);
	}

	/** The request ids of the events still to come. */
	Set<String> inFlight() {
		Set<String> ids = new HashSet<>();
		inFlight.forEach(event -> ids.add(event.requestId));
		return ids;
	}
}
