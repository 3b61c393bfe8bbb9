package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.internal.services.Metrics;

/**
 * The internal queue of asynchronous invocations and AWS's retry policy: an attempt at once; after a
 * function error a retry 1 minute later, then 2 minutes later (up to {@code MaximumRetryAttempts});
 * after a throttle a retry 1, 2, 4 … up to 300 seconds later that does not use up a retry; never a wait
 * that would carry the event past {@code MaximumEventAgeInSeconds}.
 */
final class AsyncInvoker {

	private static final Duration[] RETRY_DELAYS = { Duration.ofMinutes(1), Duration.ofMinutes(2) };

	private static final long MAX_THROTTLE_DELAY_SECONDS = 300;

	private final Scheduler scheduler;

	private final Ids ids;

	private final Metrics metrics;

	private final Timeline timeline;

	private Router router;

	AsyncInvoker(Scheduler scheduler, Ids ids, Metrics metrics, Timeline timeline) {
		this.scheduler = scheduler;
		this.ids = ids;
		this.metrics = metrics;
		this.timeline = timeline;
	}

	void router(Router router) {
		this.router = router;
	}

	/**
	 * Queues an event and returns its request id (what {@code Invoke} answers with 202).
	 *
	 * @param origin who sent it, for the timeline: "invokeAsync", "s3:images", …
	 * @param cause what the request id derives from when the engine itself sends the event
	 */
	String accept(FunctionRuntime function, String payload, JsonNode payloadJson, String origin, String cause) {
		String requestId = ids.uuid(cause);
		Instant now = scheduler.now();
		AsyncEvent event = new AsyncEvent(requestId, function, payload, payloadJson, now);
		metrics.increment(function.name(), Metrics.ASYNC_EVENTS_RECEIVED);
		timeline.begin(requestId, function.name(), now, "accepted (202) from " + origin + ", async queue");
		scheduler.schedule(Duration.ZERO, "attempt 1 of request " + requestId, () -> attempt(event));
		return requestId;
	}

	private void attempt(AsyncEvent event) {
		Instant now = scheduler.now();
		FunctionRuntime function = event.function;
		if (function.throttled()) {
			if (function.config().reservedConcurrency() == 0) {
				timeline.add(event.requestId, now, "throttled: reserved concurrency is 0, no attempt");
				router.failed(event, Condition.ZERO_RESERVED_CONCURRENCY);
				return;
			}
			Duration delay = Duration.ofSeconds(Math.min(1L << Math.min(event.throttles, 30), MAX_THROTTLE_DELAY_SECONDS));
			event.throttles++;
			if (!now.plus(delay).isBefore(event.expiresAt())) {
				timeline.add(event.requestId, now, "throttled (429); a retry in " + seconds(delay) + " would pass "
						+ "the maximum event age of " + function.config().maximumEventAgeInSeconds() + "s");
				router.failed(event, Condition.EVENT_AGE_EXCEEDED);
				return;
			}
			timeline.add(event.requestId, now, "throttled (429), back to the queue: retry in " + seconds(delay)
					+ " (does not use up a retry)");
			scheduler.schedule(delay, "retry of throttled request " + event.requestId, () -> attempt(event));
			return;
		}
		metrics.add(function.name(), Metrics.ASYNC_EVENT_AGE, Duration.between(event.enqueuedAt, now).toMillis());
		FunctionRuntime.Attempt attempt = function.invoke(event.requestId, event.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		event.attempts++;
		event.throttles = 0;
		event.last = attempt;
		if (attempt.success()) {
			timeline.add(event.requestId, now, "attempt " + event.attempts + " → success, 200");
			router.succeeded(event);
			return;
		}
		timeline.add(event.requestId, now, "attempt " + event.attempts + " → function error: " + attempt.errorType()
				+ (attempt.errorMessage() == null ? "" : ": " + firstLine(attempt.errorMessage())));
		int maximumRetries = function.config().maximumRetryAttempts();
		if (event.retries == maximumRetries) {
			timeline.add(event.requestId, now, "retries exhausted (maximumRetryAttempts = " + maximumRetries + ")");
			router.failed(event, Condition.RETRIES_EXHAUSTED);
			return;
		}
		Duration delay = RETRY_DELAYS[event.retries];
		// AWS does not wait for a retry that would land at or past the maximum age
		if (!now.plus(delay).isBefore(event.expiresAt())) {
			timeline.add(event.requestId, now, "a retry in " + seconds(delay) + " would pass the maximum event age of "
					+ function.config().maximumEventAgeInSeconds() + "s");
			router.failed(event, Condition.EVENT_AGE_EXCEEDED);
			return;
		}
		event.retries++;
		timeline.add(event.requestId, now, "retry " + event.retries + " in " + seconds(delay));
		scheduler.schedule(delay, "retry " + event.retries + " of request " + event.requestId, () -> attempt(event));
	}

	private static String seconds(Duration delay) {
		return delay.toSeconds() + "s";
	}

	static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline) + " …";
	}
}
