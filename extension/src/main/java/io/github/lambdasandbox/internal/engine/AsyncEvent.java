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

	/** The version or alias the caller named ({@code prod}, {@code 1}), or null: its EventInvokeConfig applies. */
	final String qualifier;

	/** The version the last attempt ran ({@code $LATEST}, {@code 1}): the record's {@code executedVersion}. */
	String executedVersion = FunctionRuntime.LATEST;

	AsyncEvent(AsyncInvoker invoker, String requestId, FunctionRuntime function, String payload, long acceptedAt) {
		this(invoker, requestId, function, null, payload, acceptedAt);
	}

	AsyncEvent(AsyncInvoker invoker, String requestId, FunctionRuntime function, String qualifier, String payload,
			long acceptedAt) {
		this.invoker = invoker;
		this.requestId = requestId;
		this.function = function;
		this.qualifier = qualifier;
		this.payload = payload;
		this.acceptedAt = acceptedAt;
	}

	/**
	 * The configuration the event follows now: the EventInvokeConfig of the qualifier it was sent to (of
	 * {@code $LATEST} when unqualified), the function's dead-letter queue.
	 */
	io.github.lambdasandbox.internal.config.FunctionConfig config() {
		return function.config(qualifier);
	}

	/**
	 * The qualified ARN records carry in {@code requestContext.functionArn}: {@code …:function:f:$LATEST} for an
	 * unqualified invocation, {@code …:function:f:1} or {@code …:function:f:prod} as the caller named it.
	 */
	String functionArn() {
		return io.github.lambdasandbox.internal.json.Arns.functionVersion(function.name(),
				qualifier == null ? FunctionRuntime.LATEST : qualifier);
	}

	long expiresAt() {
		return acceptedAt + config().maximumEventAgeInSeconds() * 1_000_000_000L;
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
