package io.github.lambdasandbox.internal.engine;

/**
 * One event in Lambda's queue of asynchronous invocations, with what happened to it so far. It is its own
 * scheduled task: each time it comes up, the next attempt (or throttle, or expiry) happens.
 */
final class AsyncEvent extends EventQueue.Task {

	final AsyncInvoker invoker;

	final String requestId;

	final FunctionRuntime function;

	/** The event exactly as sent: the body of a dead-letter message, the {@code requestPayload} of a record. */
	final String payload;

	/** When Lambda accepted it, in ns since the sandbox started. */
	final long acceptedAt;

	/** Retries used up by function errors (0..MaximumRetryAttempts). */
	int retries;

	/** Times the handler ran: {@code approximateInvokeCount}. */
	int attempts;

	/** Throttles in a row: the exponent of the next throttle back-off. */
	int throttles;

	/** The chain of requests the event belongs to (recursive loop detection). */
	Lineage lineage = Lineage.NONE;

	/** The last attempt's result; null while none ran. */
	AttemptResult last;

	AsyncEvent(AsyncInvoker invoker, String requestId, FunctionRuntime function, String payload, long acceptedAt) {
		this.invoker = invoker;
		this.requestId = requestId;
		this.function = function;
		this.payload = payload;
		this.acceptedAt = acceptedAt;
	}

	long expiresAt() {
		return acceptedAt + function.config().maximumEventAgeInSeconds() * 1_000_000_000L;
	}

	@Override
	String label() {
		return (attempts == 0 && throttles == 0 ? "attempt 1" : retries > 0 && throttles == 0 ? "retry " + retries
				: "attempt after a throttle") + " of request " + requestId;
	}

	@Override
	void run() {
		invoker.attempt(this);
	}
}
