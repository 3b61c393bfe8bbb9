package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Locale;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.JournalEntry.Outcome;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.ErrorPayloads;
import io.github.lambdasandbox.internal.json.Json;

/**
 * The execution environments of one function and the attempts that run on them. A cold start creates an
 * environment (the handler is constructed); an environment that ends an attempt well serves the next one (the
 * most recently used first); one that timed out or failed to start is discarded. Busy environments count
 * against the function's reserved concurrency, or against the account's unreserved concurrency.
 */
final class FunctionRuntime {

	private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

	/** AWS's reasons for a 429. */
	static final String RESERVED_LIMIT = "ReservedFunctionConcurrentInvocationLimitExceeded";

	static final String ACCOUNT_LIMIT = "ConcurrentInvocationLimitExceeded";

	/** The account's concurrency, shared by the functions without a reservation. */
	static final class Account {

		final int limit;

		final int reserved;

		int unreservedBusy;

		Account(int limit, int reserved) {
			this.limit = limit;
			this.reserved = reserved;
		}

		int unreservedLimit() {
			return limit - reserved;
		}
	}

	private final FunctionConfig config;

	private final HandlerAdapter adapter;

	private final SandboxEngine engine;

	private final Account account;

	private final ArrayDeque<Environment> idle = new ArrayDeque<>();

	private int busy;

	private int simulatedThrottles;

	private Throwable lastError;

	FunctionRuntime(FunctionConfig config, SandboxEngine engine, Account account) {
		this.config = config;
		this.adapter = HandlerAdapter.of(config.handler());
		this.engine = engine;
		this.account = account;
	}

	FunctionConfig config() {
		return config;
	}

	String name() {
		return config.name();
	}

	String resource() {
		return "lambda:" + config.name();
	}

	Throwable lastError() {
		return lastError;
	}

	void simulateThrottles(int attempts) {
		if (attempts < 0) {
			throw new IllegalArgumentException("simulateThrottles(" + attempts + "): the number of attempts must be 0 or more.");
		}
		simulatedThrottles = attempts;
	}

	/** Environments running an attempt (or waiting in one). */
	int busy() {
		return busy;
	}

	/**
	 * Why an invocation now would be throttled (AWS's reason), or null if an environment is free; a throttle is
	 * journaled. Engine only.
	 */
	String throttle(String requestId) {
		String reason = null;
		if (config.reservedConcurrency() == 0) {
			reason = RESERVED_LIMIT;
		}
		else if (simulatedThrottles > 0) {
			simulatedThrottles--;
			reason = config.reservedConcurrency() > 0 ? RESERVED_LIMIT : ACCOUNT_LIMIT;
		}
		else if (config.reservedConcurrency() > 0 && busy >= config.reservedConcurrency()) {
			reason = RESERVED_LIMIT;
		}
		else if (config.reservedConcurrency() < 0 && account.unreservedBusy >= account.unreservedLimit()) {
			reason = ACCOUNT_LIMIT;
		}
		if (reason != null) {
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.Throttled(journal.next(), engine.executive.instant(), requestId, name(), reason));
		}
		return reason;
	}

	/** Takes a warm environment, or creates one (its cold start happens in the attempt). Engine only. */
	Environment acquire() {
		busy++;
		if (config.reservedConcurrency() < 0) {
			account.unreservedBusy++;
		}
		Environment environment = idle.pollFirst();
		if (environment == null) {
			environment = new Environment(STREAM_DATE.format(engine.executive.instant()) + "/[$LATEST]" + engine.ids.hex(32));
		}
		return environment;
	}

	private void release(Environment environment, boolean keep) {
		busy--;
		if (config.reservedConcurrency() < 0) {
			account.unreservedBusy--;
		}
		if (keep) {
			idle.addFirst(environment);
		}
	}

	/**
	 * Runs an attempt on the current worker: the cold start if the environment has none, then the handler. When
	 * it ends, {@link AttemptRun#complete} reports to whoever started it; a handler that waits ends later, on
	 * another turn. Engine only.
	 */
	void start(AttemptRun run) {
		Environment environment = run.environment;
		run.coldStart = environment.handler == null;
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.AttemptStarted(journal.next(), engine.executive.instant(), run.requestId, name(),
				run.attempt, environment.logStream, run.coldStart));
		AttemptResult result;
		HandlerAdapter.LoadFailure unloadable = adapter.failure();
		if (unloadable != null) {
			// the runtime could not load the handler: every invocation fails with its fault, the environment lives on
			if (environment.handler == null) {
				environment.handler = UNLOADABLE;
				environment.maxMemoryUsed = memoryUsed();
			}
			run.complete(fault(ErrorPayloads.fault(unloadable.message(), unloadable.exception()), null));
			return;
		}
		try {
			if (environment.handler == null) {
				long started = System.nanoTime();
				try {
					environment.handler = engine.executive.userCode(run, adapter::newInstance);
					environment.maxMemoryUsed = memoryUsed();
				}
				catch (Executive.Abandoned gone) {
					throw gone;
				}
				catch (Throwable e) {
					// the constructor threw: a fatal fault, the runtime exits and the environment with it
					Throwable thrown = HandlerAdapter.constructionError(e);
					run.complete(fault(ErrorPayloads.fault(thrown instanceof ExceptionInInitializerError
							? "Error loading class " + config.handler().getName() : null, thrown), thrown));
					return;
				}
				finally {
					run.initNanos = System.nanoTime() - started;
				}
			}
			Object handler = environment.handler;
			LambdaContext context = new LambdaContext(run, Arns.function(name()), config.memorySize());
			String response = engine.executive.userCode(run, () -> adapter.handle(handler, run.payload, context));
			result = Bytes.utf8Length(response) > SandboxEngine.MAX_RESPONSE_BYTES ? responseTooLarge()
					: AttemptResult.success(response, !adapter.isStream() || Json.isJson(response));
		}
		catch (Executive.Abandoned gone) {
			throw gone;
		}
		catch (HandlerAdapter.InputException e) {
			result = inputFailure(e);
		}
		catch (Throwable e) {
			result = failure(e);
		}
		run.complete(result);
	}

	/** Records the end of an attempt and frees (or discards) its environment. Engine only. */
	void ended(AttemptRun run, AttemptResult result) {
		JournalStore journal = engine.journal;
		if (!result.success()) {
			if (result.error() != null) {
				lastError = result.error();
			}
			if (result.outcome() == Outcome.TIMEOUT) {
				log(run, LOG_TIME.format(engine.executive.instant()) + " " + run.requestId + " " + timeoutText());
			}
			else if (result.logText() != null) {
				log(run, result.logText());
			}
		}
		Duration init = run.coldStart ? Duration.ofNanos(run.initNanos) : null;
		journal.append(new JournalEntry.AttemptEnded(journal.next(), engine.executive.instant(), run.requestId, name(),
				run.attempt, result.outcome(), result.errorType(), result.errorMessage(), Duration.ofNanos(run.virtualElapsed()),
				Duration.ofNanos(run.runningNanos()), init, config.memorySize(),
				Math.max(1, Math.min(config.memorySize(), run.environment.maxMemoryUsed))));
		// AWS discards an environment after a timeout, and one whose cold start failed (the runtime exits)
		boolean keep = result.outcome() != Outcome.TIMEOUT && run.environment.handler != null && !run.abandoned;
		release(run.environment, keep);
	}

	/** A line of the function's log, for the attempt's request. */
	void log(AttemptRun run, String line) {
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.LogLine(journal.next(), engine.executive.instant(), run.requestId, name(), line));
	}

	AttemptResult timeoutResult(AttemptRun run) {
		String message = "RequestId: " + run.requestId + " Error: " + timeoutText();
		return AttemptResult.failure(Outcome.TIMEOUT, ErrorPayloads.write(ErrorPayloads.of("Sandbox.Timedout", message)),
				"Sandbox.Timedout", message, null);
	}

	private String timeoutText() {
		return "Task timed out after " + String.format(Locale.ROOT, "%.2f", (double) config.timeoutSeconds()) + " seconds";
	}

	/**
	 * Lambda's own error for a response over 6 MB (recorded from AWS): a function error, the environment lives on;
	 * an asynchronous event is retried.
	 */
	private AttemptResult responseTooLarge() {
		String message = "Response payload size exceeded maximum allowed payload size (" + SandboxEngine.MAX_RESPONSE_BYTES
				+ " bytes).";
		String payload = Json.write(out -> {
			out.writeStartObject();
			out.writeStringField("errorMessage", message);
			out.writeStringField("errorType", "Function.ResponseSizeTooLarge");
			out.writeEndObject();
		});
		return new AttemptResult(Outcome.FUNCTION_ERROR, payload,
				true, "Function.ResponseSizeTooLarge", message, null, null);
	}

	/** The handler of an environment whose handler the runtime could not load. */
	private static final Object UNLOADABLE = new Object();

	/** A fault of the runtime's: the payload has no stack trace. */
	private AttemptResult fault(ErrorPayloads.Described described, Throwable error) {
		return failure(described, error);
	}

	private AttemptResult failure(Throwable error) {
		return failure(ErrorPayloads.describe(error), error);
	}

	/** What the runtime writes when it cannot read the input: its own RuntimeException, no frames. */
	private AttemptResult inputFailure(HandlerAdapter.InputException input) {
		return failure(ErrorPayloads.parseError(input.getCause()), input.getCause());
	}

	/** The same texts come back attempt after attempt: the journal keeps one copy of each. */
	private AttemptResult failure(ErrorPayloads.Described described, Throwable error) {
		return new AttemptResult(Outcome.FUNCTION_ERROR, described.payload(), true, engine.strings.dedupe(described.errorType()),
				engine.strings.dedupe(described.errorMessage()), error, engine.strings.dedupe(described.logText()));
	}

	private static int memoryUsed() {
		Runtime runtime = Runtime.getRuntime();
		return (int) ((runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
	}
}
