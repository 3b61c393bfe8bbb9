package io.github.lambdasandbox.internal.engine;

import io.github.lambdasandbox.LambdaServiceException;

/**
 * A synchronous invocation ({@code RequestResponse}), scheduled at the instant it was asked for and run in
 * turn: the test (or a handler) waits for its result.
 */
final class SyncInvocation extends EventQueue.Task {

	private final SandboxEngine engine;

	final String requestId;

	final FunctionRuntime function;

	final String payload;

	/** The version or alias the caller named, or null. */
	final String qualifier;

	/** The version that ran ({@code X-Amz-Executed-Version}); {@code $LATEST} until an attempt starts. */
	String executedVersion = FunctionRuntime.LATEST;

	private boolean done;

	private AttemptResult result;

	private LambdaServiceException refused;

	/** The chain of requests of the caller: a handler's, or none for the test (recursive loop detection). */
	private final Lineage lineage;

	/** Who is told when it is done: a waiting handler's resumption. */
	private Runnable onDone;

	SyncInvocation(SandboxEngine engine, String requestId, FunctionRuntime function, String payload) {
		this(engine, requestId, function, null, payload);
	}

	/** @param qualifier the version or alias the caller named (checked), or null */
	SyncInvocation(SandboxEngine engine, String requestId, FunctionRuntime function, String qualifier, String payload) {
		this.engine = engine;
		this.requestId = requestId;
		this.function = function;
		this.qualifier = qualifier;
		this.payload = payload;
		this.lineage = engine.recursion.current();
	}

	@Override
	String label() {
		return "invocation of " + function.name() + " (RequestResponse), request " + requestId;
	}

	@Override
	void run() {
		Lineage chain = engine.recursion.enter(function, lineage, requestId, "RequestResponse", null);
		if (chain == null) {
			refused = RecursionGuard.exception();
			finish();
			return;
		}
		String throttled = function.throttle(requestId);
		if (throttled != null) {
			refused = throttled.equals(FunctionRuntime.SERVICE_ERROR)
					? new LambdaServiceException(500, "ServiceException", "The AWS Lambda service encountered an internal error.",
							null, "Service")
					: LambdaServiceException.tooManyRequests(throttled);
			finish();
			return;
		}
		Environment environment = function.acquire(qualifier);
		executedVersion = environment.version;
		AttemptRun run = new AttemptRun(engine.executive, function, environment, requestId, 1, payload, qualifier, r -> {
			result = r;
			finish();
		});
		run.lineage = chain;
		function.start(run);
	}

	private void finish() {
		done = true;
		if (onDone != null) {
			onDone.run();
		}
	}

	boolean done() {
		return done;
	}

	void onDone(Runnable action) {
		this.onDone = action;
	}

	/** The result; throws what Lambda answered instead (429, or 400 RecursiveInvocationException). */
	AttemptResult result() {
		if (refused != null) {
			throw refused;
		}
		return result;
	}
}
