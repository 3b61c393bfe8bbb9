package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.JournalEntry.Outcome;
import io.github.lambdasandbox.internal.bytecode.EnvironmentClassLoader;
import io.github.lambdasandbox.internal.bytecode.HandlerCode;
import io.github.lambdasandbox.internal.bytecode.ProcessExit;
import io.github.lambdasandbox.internal.bytecode.UserCode;
import io.github.lambdasandbox.internal.config.EventInvokeSettings;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.ErrorPayloads;
import io.github.lambdasandbox.internal.json.Json;

/**
 * The execution environments of one function and the attempts that run on them. A cold start creates an
 * environment (the handler is constructed); an environment that ends an attempt well serves the next one (the
 * most recently used first); one that timed out, exited or failed to start is discarded. Busy environments count
 * against the function's reserved concurrency, or against the account's unreserved concurrency.
 *
 * <p>Its configuration may change while the sandbox runs (PutFunctionEventInvokeConfig, UpdateFunctionCode, a
 * dead-letter queue): what reads {@link #config()} gets the configuration of that instant. New code serves new
 * environments; running ones finish with the code they started with, and are then retired.
 *
 * <p>Handler code is rewritten (time, sleep and exit calls: {@link HandlerCode}) before the function's first
 * environment starts; an isolated environment loads the handler's classes anew ({@link EnvironmentClassLoader}).
 *
 * <p><b>Versions and aliases</b> (PublishVersion, CreateAlias): a published version is a snapshot of the code and of
 * the configuration that goes with it (handler, timeout, memory); it has environments of its own. An alias names a
 * version, and may send a share of its invocations to a second one (its routing, drawn from the sandbox's seeded ids
 * at each attempt). Each qualifier ({@code $LATEST}, a version, an alias) has its own EventInvokeConfig; the
 * dead-letter queue and the reserved concurrency belong to the function and serve every version.
 */
final class FunctionRuntime {

	private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

	/** AWS's reasons for a 429. */
	static final String RESERVED_LIMIT = "ReservedFunctionConcurrentInvocationLimitExceeded";

	static final String ACCOUNT_LIMIT = "ConcurrentInvocationLimitExceeded";

	/** What {@link #throttle} answers for an injected service error (500 {@code ServiceException}). */
	static final String SERVICE_ERROR = "ServiceException";

	/** What Lambda reports when the runtime process exits during an invocation. */
	static final String EXIT_ERROR = "Runtime.ExitError";

	/** The account's concurrency, shared by the functions without a reservation. */
	static final class Account {

		final int limit;

		/** Reserved by functions; grows when one with a reservation is created at run time (lock held). */
		int reserved;

		int unreservedBusy;

		Account(int limit, int reserved) {
			this.limit = limit;
			this.reserved = reserved;
		}

		int unreservedLimit() {
			return limit - reserved;
		}
	}

	/** The configuration of this instant: replaced, never changed, when the function is updated. */
	private volatile FunctionConfig config;

	/** How the runtime calls the current code (shared environments). */
	private HandlerAdapter adapter;

	/** The current code's revision: environments of older code are retired. */
	private int codeRevision;

	/** Whether each environment loads the handler anew, in a class loader of its own. */
	private final boolean isolated;

	/** Whether rewritten time and sleep calls of handler code read the sandbox clock. */
	private final boolean virtualHandlerTime;

	/** The EventInvokeConfig as GetFunctionEventInvokeConfig answers it; null when there is none. Engine only. */
	private EventInvokeSettings eventInvokeConfig;

	private Instant eventInvokeConfigModified;

	/** The name of the version that changes: the function's code and configuration as they are now. */
	static final String LATEST = "$LATEST";

	/**
	 * A published version: a snapshot of the code and configuration, with its own environments.
	 *
	 * @param config the configuration it was published with (its handler, timeout and memory are what run)
	 */
	private record Published(String id, FunctionConfig config, HandlerAdapter adapter, ArrayDeque<Environment> idle) {
	}

	/** Published versions, oldest first: "1", "2", …. Engine only. */
	private final List<Published> published = new ArrayList<>();

	/** Aliases by name, in the order they were created. Engine only. */
	private final Map<String, AliasState> aliases = new LinkedHashMap<>();

	/** An alias: its version, and the one share of invocations that may go to another. */
	record AliasState(String name, String version, String additionalVersion, double additionalWeight) {
	}

	/** Aliases deleted while events for them may still be queued. Engine only. */
	private final Map<String, AliasState> deletedAliases = new LinkedHashMap<>();

	/** The EventInvokeConfigs of published versions and aliases (PutFunctionEventInvokeConfig with a qualifier). */
	private final Map<String, EventInvokeSettings> qualifierConfigs = new LinkedHashMap<>();

	private final Map<String, Instant> qualifierConfigsModified = new LinkedHashMap<>();

	private final SandboxEngine engine;

	private final Account account;

	private final ArrayDeque<Environment> idle = new ArrayDeque<>();

	private int busy;

	private int simulatedThrottles;

	private Throwable lastError;

	/**
	 * @throws IllegalArgumentException if environments are isolated and the handler cannot be loaded anew
	 * @throws IllegalStateException if handler code cannot be rewritten (the message says what to do instead)
	 */
	FunctionRuntime(FunctionConfig config, SandboxEngine engine, Account account) {
		this(config, engine, account, engine.config().startTime());
	}

	/** @param created when the function was created (its EventInvokeConfig's LastModified): declared ones at the start */
	FunctionRuntime(FunctionConfig config, SandboxEngine engine, Account account, Instant created) {
		this.config = config;
		this.engine = engine;
		this.account = account;
		this.isolated = engine.config().isolatedEnvironments();
		this.virtualHandlerTime = engine.config().virtualHandlerTime();
		this.eventInvokeConfig = EventInvokeSettings.declared(config);
		this.eventInvokeConfigModified = created;
		prepareCode(config.handler());
		this.adapter = HandlerAdapter.of(config.handler());
	}

	FunctionConfig config() {
		return config;
	}

	Account account() {
		return account;
	}

	/** Whether rewritten time and sleep calls of this function's handler code read the sandbox clock. */
	boolean virtualHandlerTime() {
		return virtualHandlerTime;
	}

	/**
	 * Makes the time, sleep and exit calls of a handler's code source go to the sandbox (the first time in a JVM,
	 * a Java agent is attached: about a second), or, for isolated environments, checks that the handler can be
	 * loaded anew (each environment's class loader rewrites what it loads). On the caller's thread, before the
	 * handler runs: what goes wrong reaches the test.
	 */
	private void prepareCode(Class<?> handler) {
		if (!isolated) {
			HandlerCode.instrument(handler, Set.of());
		}
		else if (handler.getClassLoader() == null || !UserCode.of(handler).includes(handler)) {
			throw new IllegalArgumentException("@LambdaSandbox(isolatedEnvironments = true): the handler of function \""
					+ name() + "\", " + handler.getName() + ", cannot be loaded anew for each execution environment: it is not "
					+ "code of the user's (it comes from the JDK, a library or lambda-sandbox itself). Use a handler class of "
					+ "your own, or shared environments (the default).");
		}
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
		io.github.lambdasandbox.Fault refusal = engine.faults.takeRefusal(name());
		if (refusal != null && refusal.kind() == io.github.lambdasandbox.Fault.Kind.SERVICE_ERROR) {
			engine.faults.journal(requestId, name(), resource(), refusal.times(1).toString());
			return SERVICE_ERROR;
		}
		if (refusal != null) {
			engine.faults.journal(requestId, name(), resource(), refusal.times(1).toString());
			reason = config.reservedConcurrency() > 0 ? RESERVED_LIMIT : ACCOUNT_LIMIT;
		}
		else if (config.reservedConcurrency() == 0) {
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

	/** Takes a warm environment of {@code $LATEST}, or creates one (its cold start happens in the attempt). Engine only. */
	Environment acquire() {
		return acquire(null);
	}

	/**
	 * Takes a warm environment of the version {@code qualifier} runs now, or creates one. An alias with a routing
	 * configuration chooses its version here, at each attempt. Engine only.
	 *
	 * @param qualifier a version or alias of this function (checked by the caller), or null for {@code $LATEST}
	 */
	Environment acquire(String qualifier) {
		busy++;
		if (config.reservedConcurrency() < 0) {
			account.unreservedBusy++;
		}
		Published version = published(resolve(qualifier));
		ArrayDeque<Environment> pool = version == null ? idle : version.idle();
		Environment environment = pool.pollFirst();
		if (environment == null) {
			String id = version == null ? LATEST : version.id();
			environment = new Environment(STREAM_DATE.format(engine.executive.instant()) + "/[" + id + "]" + engine.ids.hex(32),
					version == null ? codeRevision : 0, id, version == null ? config : version.config());
		}
		return environment;
	}

	private void release(Environment environment, boolean keep) {
		busy--;
		if (config.reservedConcurrency() < 0) {
			account.unreservedBusy--;
		}
		if (!keep) {
			return;
		}
		if (LATEST.equals(environment.version)) {
			// an environment of older code is retired once its attempt is over, as after UpdateFunctionCode
			if (environment.codeRevision == codeRevision) {
				idle.addFirst(environment);
			}
		}
		else {
			published(environment.version).idle().addFirst(environment);
		}
	}

	// --- versions and aliases -------------------------------------------------------------------------------

	/**
	 * The version {@code qualifier} runs now: {@code $LATEST} for null, the version itself, or an alias's version (its
	 * additional version for the share its routing gives it, drawn from the sandbox's ids). Engine only.
	 *
	 * @throws IllegalStateException if the function has no such version or alias (callers check first)
	 */
	String resolve(String qualifier) {
		if (qualifier == null || LATEST.equals(qualifier)) {
			return LATEST;
		}
		AliasState alias = aliases.getOrDefault(qualifier, deletedAliases.get(qualifier));
		if (alias == null) {
			if (published(qualifier) == null) {
				throw new IllegalStateException("Function " + name() + " has no version or alias " + qualifier);
			}
			return qualifier;
		}
		if (alias.additionalVersion() != null && alias.additionalWeight() > 0
				&& engine.ids.nextInt(1_000_000) < Math.round(alias.additionalWeight() * 1_000_000)) {
			return alias.additionalVersion();
		}
		return alias.version();
	}

	/** Whether {@code qualifier} names {@code $LATEST}, a published version or an alias of this function. Engine only. */
	boolean hasQualifier(String qualifier) {
		return LATEST.equals(qualifier) || published(qualifier) != null || aliases.containsKey(qualifier);
	}

	/** Whether {@code version} is {@code $LATEST} or a published version. Engine only. */
	boolean hasVersion(String version) {
		return LATEST.equals(version) || published(version) != null;
	}

	private Published published(String id) {
		if (id == null || LATEST.equals(id)) {
			return null;
		}
		for (Published version : published) {
			if (version.id().equals(id)) {
				return version;
			}
		}
		return null;
	}

	/**
	 * PublishVersion: a snapshot of the code and configuration as version "1", "2", …; when they have not changed since
	 * the latest version, Lambda publishes none and answers with that version. Engine only.
	 */
	String publishVersion() {
		Published last = published.isEmpty() ? null : published.get(published.size() - 1);
		if (last != null && last.config().handler() == config.handler() && last.config().timeoutSeconds() == config.timeoutSeconds()
				&& last.config().memorySize() == config.memorySize()) {
			return last.id();
		}
		String id = Integer.toString(published.size() + 1);
		published.add(new Published(id, config, adapter, new ArrayDeque<>()));
		return id;
	}

	/** The versions: {@code $LATEST}, then the published ones, oldest first (ListVersionsByFunction). Engine only. */
	List<String> versions() {
		List<String> versions = new ArrayList<>();
		versions.add(LATEST);
		published.forEach(v -> versions.add(v.id()));
		return versions;
	}

	AliasState alias(String name) {
		return aliases.get(name);
	}

	/** The aliases, in the order they were created. Engine only. */
	List<AliasState> aliases() {
		return List.copyOf(aliases.values());
	}

	/** CreateAlias or UpdateAlias (checked). Engine only. */
	void putAlias(AliasState alias) {
		aliases.put(alias.name(), alias);
	}

	/**
	 * DeleteAlias. Events already queued for it run the version it named when it was deleted (the sandbox does not
	 * know what AWS does with them). Engine only.
	 */
	void deleteAlias(String name) {
		AliasState deleted = aliases.remove(name);
		if (deleted != null) {
			deletedAliases.put(name, deleted);
		}
	}

	// --- changes while the sandbox runs ----------------------------------------------------------------------

	/** The EventInvokeConfig, or null if the function has none. Engine only. */
	EventInvokeSettings eventInvokeConfig() {
		return eventInvokeConfig;
	}

	/** When the EventInvokeConfig was last put (for a declared one: when the sandbox started). Engine only. */
	Instant eventInvokeConfigModified() {
		return eventInvokeConfigModified;
	}

	/** The EventInvokeConfig of a qualifier ({@code $LATEST} for null), or null if it has none. Engine only. */
	EventInvokeSettings eventInvokeConfig(String qualifier) {
		return qualifier == null || LATEST.equals(qualifier) ? eventInvokeConfig : qualifierConfigs.get(qualifier);
	}

	/** When a qualifier's EventInvokeConfig was last put. Engine only. */
	Instant eventInvokeConfigModified(String qualifier) {
		return qualifier == null || LATEST.equals(qualifier) ? eventInvokeConfigModified : qualifierConfigsModified.get(qualifier);
	}

	/** Put/DeleteFunctionEventInvokeConfig of a qualifier ({@code $LATEST} for null). Engine only. */
	void putEventInvokeConfig(String qualifier, EventInvokeSettings settings) {
		if (qualifier == null || LATEST.equals(qualifier)) {
			putEventInvokeConfig(settings);
			return;
		}
		if (settings == null) {
			qualifierConfigs.remove(qualifier);
			qualifierConfigsModified.remove(qualifier);
		}
		else {
			qualifierConfigs.put(qualifier, settings);
			qualifierConfigsModified.put(qualifier, engine.executive.instant());
		}
	}

	/**
	 * The configuration an invocation through {@code qualifier} follows: the retries, event age and destinations of that
	 * qualifier's EventInvokeConfig (Lambda's defaults without one: a published version does not inherit the function's),
	 * the function's dead-letter queue and concurrency. {@link #config()} for null.
	 */
	FunctionConfig config(String qualifier) {
		if (qualifier == null || LATEST.equals(qualifier)) {
			return config;
		}
		EventInvokeSettings settings = qualifierConfigs.get(qualifier);
		return (settings == null ? NO_SETTINGS : settings).applyTo(config);
	}

	private static final EventInvokeSettings NO_SETTINGS = new EventInvokeSettings(null, null, null, null);

	/**
	 * PutFunctionEventInvokeConfig (checked settings), or DeleteFunctionEventInvokeConfig (null): what the settings
	 * leave out is Lambda's default. Events already accepted follow the new settings from their next step on. Engine
	 * only.
	 */
	void putEventInvokeConfig(EventInvokeSettings settings) {
		eventInvokeConfig = settings;
		eventInvokeConfigModified = engine.executive.instant();
		config = (settings == null ? NO_SETTINGS : settings).applyTo(config);
	}

	/** UpdateFunctionConfiguration's DeadLetterConfig: a queue or topic (checked), or none. Engine only. */
	void updateDeadLetterQueue(io.github.lambdasandbox.internal.config.TargetRef target) {
		config = config.withDeadLetterQueue(target);
	}

	/**
	 * UpdateFunctionCode: new environments run {@code handler}; idle ones are retired at once, busy ones when their
	 * attempt is over. Called on the caller's thread (rewriting the new code first), the change under the lock.
	 */
	void updateCode(Class<?> handler) {
		prepareCode(handler);
		HandlerAdapter updated = HandlerAdapter.of(handler);
		engine.executive.command(() -> {
			config = config.withHandler(handler);
			adapter = updated;
			codeRevision++;
			idle.clear();
			return null;
		});
	}

	/**
	 * How an environment calls its handler: its version's code (for {@code $LATEST}, the current code), or an isolated
	 * environment's own copy of it.
	 */
	private HandlerAdapter adapterFor(Environment environment) {
		if (!isolated) {
			Published version = published(environment.version);
			return version == null ? adapter : version.adapter();
		}
		Class<?> handler = environment.config.handler();
		try {
			EnvironmentClassLoader loader = EnvironmentClassLoader.forHandler(handler, Set.of());
			return HandlerAdapter.of(loader.loadHandler(handler.getName()));
		}
		catch (ClassNotFoundException | RuntimeException | LinkageError e) {
			String message = "lambda-sandbox could not load " + handler.getName() + " anew for an isolated execution "
					+ "environment (@LambdaSandbox(isolatedEnvironments = true)): " + e;
			return HandlerAdapter.failing(handler, message);
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
				run.attempt, environment.logStream, run.coldStart, environment.version));
		AttemptResult result;
		// a cold start's Init Duration counts the loading of an isolated environment's classes too
		long initStarted = System.nanoTime();
		if (environment.adapter == null) {
			environment.adapter = adapterFor(environment);
		}
		HandlerAdapter adapter = environment.adapter;
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
					ProcessExit exit = exitOf(thrown);
					if (exit != null) {
						run.complete(exited(run, exit));
						return;
					}
					run.complete(fault(ErrorPayloads.fault(thrown instanceof ExceptionInInitializerError
							? "Error loading class " + environment.config.handler().getName() : null, thrown), thrown));
					return;
				}
				finally {
					run.initNanos = System.nanoTime() - initStarted;
				}
			}
			Object handler = environment.handler;
			LambdaContext context = new LambdaContext(run, run.qualifier == null ? Arns.function(name())
					: Arns.functionVersion(name(), run.qualifier), environment.config.memorySize());
			io.github.lambdasandbox.Fault fault = engine.faults.takeAttemptFault(name());
			if (fault != null) {
				engine.faults.journal(run.requestId, name(), resource(), fault.times(1).toString());
			}
			if (fault != null && fault.kind() == io.github.lambdasandbox.Fault.Kind.FUNCTION_ERROR) {
				result = injectedFailure(fault);
			}
			else {
				String response = engine.executive.userCode(run, () -> {
					if (fault != null) {
						// a slow dependency, or a hang until the timeout: the attempt waits in virtual time
						run.sleep(fault.kind() == io.github.lambdasandbox.Fault.Kind.TIMEOUT
								? Duration.ofSeconds(environment.config.timeoutSeconds()) : fault.latency());
					}
					return adapter.handle(handler, run.payload, context);
				});
				result = Bytes.utf8Length(response) > SandboxEngine.MAX_RESPONSE_BYTES ? responseTooLarge()
						: AttemptResult.success(response, !adapter.isStream() || Json.isJson(response));
			}
		}
		catch (Executive.Abandoned gone) {
			throw gone;
		}
		catch (HandlerAdapter.InputException e) {
			result = inputFailure(e);
		}
		catch (Throwable e) {
			ProcessExit exit = exitOf(e);
			result = exit != null ? exited(run, exit) : failure(e);
		}
		run.complete(result);
	}

	/**
	 * The exit handler code asked for, if {@code thrown} is one (or was caused by one: code that wraps what it
	 * catches cannot stop a real exit either).
	 */
	private static ProcessExit exitOf(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ProcessExit exit) {
				return exit;
			}
		}
		return null;
	}

	/**
	 * Handler code called System.exit (Runtime.exit, Runtime.halt): in AWS the runtime process is gone, and Lambda
	 * reports {@code Runtime.ExitError} with the process's exit status (the low 8 bits of what was asked for, as the
	 * operating system keeps them). A function error: an asynchronous event is retried. The environment is
	 * discarded; the next invocation starts cold.
	 */
	private AttemptResult exited(AttemptRun run, ProcessExit exit) {
		run.environment.exited = true;
		int status = exit.status() & 0xFF;
		String message = "RequestId: " + run.requestId + " Error: " + (status == 0 ? "Runtime exited without providing a reason"
				: "Runtime exited with error: exit status " + status);
		return AttemptResult.failure(Outcome.FUNCTION_ERROR, ErrorPayloads.write(ErrorPayloads.of(EXIT_ERROR, message)),
				EXIT_ERROR, message, exit);
	}

	/** Records the end of an attempt and frees (or discards) its environment. Engine only. */
	void ended(AttemptRun run, AttemptResult result) {
		JournalStore journal = engine.journal;
		if (!result.success()) {
			if (result.error() != null) {
				lastError = result.error();
			}
			if (result.outcome() == Outcome.TIMEOUT) {
				log(run, LOG_TIME.format(engine.executive.instant()) + " " + run.requestId + " " + timeoutText(run));
			}
			else if (run.environment.exited) {
				// Lambda's lines, as CloudWatch shows them after an exit: the message, then the error type
				log(run, result.errorMessage());
				log(run, EXIT_ERROR);
			}
			else if (result.logText() != null) {
				log(run, result.logText());
			}
		}
		Duration init = run.coldStart ? Duration.ofNanos(run.initNanos) : null;
		journal.append(new JournalEntry.AttemptEnded(journal.next(), engine.executive.instant(), run.requestId, name(),
				run.attempt, result.outcome(), result.errorType(), result.errorMessage(), Duration.ofNanos(run.virtualElapsed()),
				Duration.ofNanos(run.runningNanos()), init, run.environment.config.memorySize(),
				Math.max(1, Math.min(run.environment.config.memorySize(), run.environment.maxMemoryUsed))));
		// AWS discards an environment after a timeout, and one whose runtime exited (System.exit, a failed cold start)
		boolean keep = result.outcome() != Outcome.TIMEOUT && run.environment.handler != null && !run.abandoned
				&& !run.environment.exited;
		release(run.environment, keep);
	}

	/** A line of the function's log, for the attempt's request. */
	void log(AttemptRun run, String line) {
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.LogLine(journal.next(), engine.executive.instant(), run.requestId, name(), line));
	}

	AttemptResult timeoutResult(AttemptRun run) {
		String message = "RequestId: " + run.requestId + " Error: " + timeoutText(run);
		return AttemptResult.failure(Outcome.TIMEOUT, ErrorPayloads.write(ErrorPayloads.of("Sandbox.Timedout", message)),
				"Sandbox.Timedout", message, null);
	}

	private static String timeoutText(AttemptRun run) {
		return "Task timed out after " + String.format(Locale.ROOT, "%.2f", (double) run.environment.config.timeoutSeconds())
				+ " seconds";
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
	/** An injected function error, as the runtime reports an exception of that type: no frames of the function's. */
	private AttemptResult injectedFailure(io.github.lambdasandbox.Fault fault) {
		String payload = Json.write(out -> {
			out.writeStartObject();
			out.writeStringField("errorMessage", fault.errorMessage());
			out.writeStringField("errorType", fault.errorType());
			out.writeArrayFieldStart("stackTrace");
			out.writeEndArray();
			out.writeEndObject();
		});
		return failure(new ErrorPayloads.Described(payload, fault.errorType(), fault.errorMessage(), fault.errorMessage()
				+ ": " + fault.errorType()), null);
	}

	private AttemptResult failure(ErrorPayloads.Described described, Throwable error) {
		return new AttemptResult(Outcome.FUNCTION_ERROR, described.payload(), true, engine.strings.dedupe(described.errorType()),
				engine.strings.dedupe(described.errorMessage()), error, engine.strings.dedupe(described.logText()));
	}

	private static int memoryUsed() {
		Runtime runtime = Runtime.getRuntime();
		return (int) ((runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
	}
}
