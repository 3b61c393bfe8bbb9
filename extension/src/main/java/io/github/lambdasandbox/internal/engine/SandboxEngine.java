package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.lambdasandbox.DynamoDbTable;
import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.EventSourceMappingHandle;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.Journal;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.KinesisStream;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.VirtualClock;
import io.github.lambdasandbox.WaitOutcome;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.config.MappingConfig;
import io.github.lambdasandbox.internal.config.QueueConfig;
import io.github.lambdasandbox.internal.config.StreamConfig;
import io.github.lambdasandbox.internal.config.TableConfig;
import io.github.lambdasandbox.internal.config.SandboxConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.Json;

/** A {@link Sandbox}: the services, the functions and the engine that connects them. */
public final class SandboxEngine implements Sandbox {

	/** Invoke: a 6 MB request, whatever the invocation type; Lambda's front end refuses more. */
	static final int MAX_REQUEST_BYTES = 6_291_456;

	/** Asynchronous Invoke: 1 MB since October 2025 (it was 256 KB; see {@code @LambdaSandbox(asyncPayloadLimit)}). */
	static final int MAX_ASYNC_PAYLOAD_BYTES = 1_048_576;

	/** A synchronous response: 6 MB and 100 bytes. */
	static final int MAX_RESPONSE_BYTES = 6_291_556;

	private static final Duration SETTLE_GUARD = Duration.ofSeconds(30);

	private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

	private static final AtomicInteger SANDBOXES = new AtomicInteger();

	private record Result(int statusCode, String payload, String functionError, String requestId,
			String executedVersion) implements InvokeResult {
	}

	private final SandboxConfig config;

	final Executive executive;

	final JournalStore journal = new JournalStore();

	final Ids ids;

	final AsyncInvoker asyncInvoker;

	final Router router;

	/** The functions' execution roles: what Lambda and handlers may do. */
	final ExecutionRoles roles;

	/** Recursive loop detection: the chains of requests, and the stop of a function's 17th invocation in one. */
	final RecursionGuard recursion;

	/** One copy of texts that repeat (error types, messages, log lines). */
	final StringPool strings = new StringPool();

	/** Faults injected on purpose. */
	final Faults faults = new Faults(this);

	private final JournalView journalView;

	/** The services by AWS operation, for AWS SDK clients. */
	private final EngineServices services;

	// resources by name: written under the lock, read from any thread (declared, or created at run time: Creations)

	final Map<String, FunctionRuntime> functions = new CopyOnWriteMap<>();

	final Map<String, SimulatedQueue> queues = new CopyOnWriteMap<>();

	final Map<String, SimulatedTopic> topics = new CopyOnWriteMap<>();

	final Map<String, SimulatedBus> buses = new CopyOnWriteMap<>();

	final Map<String, SimulatedBucket> buckets = new CopyOnWriteMap<>();

	private final Map<String, SimulatedStream> streams = new CopyOnWriteMap<>();

	private final Map<String, SimulatedTable> tables = new CopyOnWriteMap<>();

	private final List<Mapping> mappings = new ArrayList<>();

	/** The buckets' event notifications. */
	final Notifications notifications = new Notifications(this);

	/** The account's concurrency, shared by every function (declared or created at run time). */
	final FunctionRuntime.Account account;

	/** What the test creates at run time: CreateFunction, CreateQueue, CreateTopic, CreateBucket, CreateEventBus. */
	private final Creations creations = new Creations(this);

	/**
	 * @param uniqueId what the seed derives from when the declarations do not fix it (the test's unique id)
	 */
	public SandboxEngine(SandboxConfig config, String uniqueId) {
		this.config = config;
		this.roles = new ExecutionRoles(this);
		this.recursion = new RecursionGuard(this);
		this.executive = new Executive(this, config.startTime(), "lambda-sandbox-" + SANDBOXES.incrementAndGet());
		this.executive.context(recursion);
		this.ids = new Ids(config.seed() == LambdaSandbox.SEED_FROM_TEST ? Ids.seedOf(uniqueId) : config.seed());
		this.asyncInvoker = new AsyncInvoker(this);
		this.router = new Router(this);
		this.journalView = new JournalView(executive, journal);
		this.services = new EngineServices(this);
		int reserved = config.functions().stream().mapToInt(f -> Math.max(0, f.reservedConcurrency())).sum();
		this.account = new FunctionRuntime.Account(config.accountConcurrency(), reserved);
		for (QueueConfig queue : config.queues()) {
			queues.put(queue.name(), new SimulatedQueue(this, queue));
		}
		for (String name : config.topics()) {
			topics.put(name, new SimulatedTopic(this, name, config.topicConfigs().stream()
					.anyMatch(t -> t.name().equals(name) && t.contentBasedDeduplication())));
		}
		for (String name : config.eventBuses()) {
			buses.put(name, new SimulatedBus(this, name));
		}
		for (String name : config.buckets()) {
			buckets.put(name, new SimulatedBucket(this, name));
		}
		for (FunctionConfig function : config.functions()) {
			functions.put(function.name(), new FunctionRuntime(function, this, account));
		}
		for (StreamConfig stream : config.streams()) {
			streams.put(stream.name(), new SimulatedStream(this, stream));
		}
		for (TableConfig table : config.tables()) {
			tables.put(table.name(), new SimulatedTable(this, table));
		}
		executive.command(() -> {
			config.subscriptions().forEach(subscription -> topics.get(subscription.topic()).subscribe(subscription));
			config.rules().forEach(rule -> buses.get(rule.bus()).addRule(rule));
			notifications.configure(config.notifications());
			config.mappings().forEach(this::createMapping);
			faults.duplicateProbability(config.faults().duplicateDeliveryProbability());
			for (io.github.lambdasandbox.internal.config.FaultsConfig.Injected injected : config.faults().injected()) {
				if (injected.function() != null) {
					faults.injectIntoFunction(injected.function(), injected.fault());
				}
				else {
					checkResource(injected.resource());
					faults.injectIntoResource(injected.resource(), injected.fault());
				}
			}
			return null;
		});
	}

	// --- event source mappings ------------------------------------------------------------------------------

	private void createMapping(MappingConfig mappingConfig) {
		FunctionRuntime function = runtime(mappingConfig.function());
		String uuid = ids.uuid();
		Mapping mapping;
		switch (mappingConfig.kind()) {
			case SQS -> {
				SimulatedQueue queue = queueImpl(mappingConfig.source());
				mapping = new Mapping(this, uuid, mappingConfig, function, queue.arn());
				mapping.attach(new SqsPoller(this, mapping, queue));
			}
			case KINESIS -> {
				SimulatedStream stream = streamImpl(mappingConfig.source());
				mapping = new Mapping(this, uuid, mappingConfig, function, stream.arn());
				mapping.attach(new StreamPoller(this, mapping, stream));
			}
			case DYNAMODB -> {
				SimulatedTable table = tableImpl(mappingConfig.source());
				mapping = new Mapping(this, uuid, mappingConfig, function, table.streamArn());
				mapping.attach(new StreamPoller(this, mapping, table));
			}
			default -> throw new IllegalStateException("No source " + mappingConfig.kind());
		}
		mappings.add(mapping);
	}

	@Override
	public EventSourceMappingHandle eventSourceMapping(String function, String source) {
		String wanted = source;
		for (Mapping mapping : mappings) {
			if ((mapping.functionName().equals(function) || mapping.functionArn().equals(function))
					&& (mapping.source().equals(wanted) || mapping.eventSourceArn().equals(wanted))) {
				return mapping;
			}
		}
		throw new IllegalArgumentException("No event source mapping of function \"" + function + "\" on \"" + source + "\" "
				+ "in this sandbox. Mappings: " + (mappings.isEmpty() ? "(none)" : mappings.stream()
						.map(m -> "\"" + m.functionName() + "\" on \"" + m.source() + "\"").collect(java.util.stream.Collectors.joining(", ")))
				+ ". Declare one with @EventSourceMapping(function = \"" + function + "\", source = \"" + source + "\").");
	}

	@Override
	public List<EventSourceMappingHandle> eventSourceMappings() {
		return List.copyOf(mappings);
	}

	@Override
	public void injectFault(String resource, io.github.lambdasandbox.Fault fault) {
		java.util.Objects.requireNonNull(fault, "fault");
		executive.command(() -> {
			checkResource(resource);
			if (resource.startsWith("lambda:") && fault.kind() != io.github.lambdasandbox.Fault.Kind.UNAVAILABLE) {
				faults.injectIntoFunction(resource.substring("lambda:".length()), fault);
			}
			else {
				faults.injectIntoResource(resource, fault);
			}
			return null;
		});
	}

	/** A resource in short form that exists, or the lookup's error (which lists the known ones). */
	private void checkResource(String resource) {
		int colon = resource.indexOf(':');
		String kind = colon < 0 ? "" : resource.substring(0, colon);
		String name = colon < 0 ? resource : resource.substring(colon + 1);
		switch (kind) {
			case "sqs" -> queueImpl(name);
			case "sns" -> topicImpl(name);
			case "events" -> busImpl(name);
			case "s3" -> bucketImpl(name);
			case "lambda" -> runtime(name);
			default -> throw new IllegalArgumentException("injectFault(\"" + resource + "\", …): name the resource as sqs:, sns:, "
					+ "events:, s3: or lambda: followed by its name, e.g. \"sqs:failures\".");
		}
	}

	/** Creates the queue, topic, bus or bucket a change names if it does not exist yet. Lock held. */
	void ensureTarget(TargetRef target) {
		switch (target.service()) {
			case SQS -> queues.computeIfAbsent(target.name(), name -> new SimulatedQueue(this, QueueConfig.defaults(name)));
			case SNS -> topics.computeIfAbsent(target.name(), name -> new SimulatedTopic(this, name, false));
			case S3 -> buckets.computeIfAbsent(target.name(), name -> new SimulatedBucket(this, name));
			case EVENTS -> buses.computeIfAbsent(target.name(), name -> new SimulatedBus(this, name));
			default -> {
			}
		}
	}

	@Override
	public KinesisStream stream(String name) {
		return streamImpl(name);
	}

	@Override
	public List<KinesisStream> streams() {
		return List.copyOf(streams.values());
	}

	SimulatedStream streamImpl(String name) {
		return lookup(streams, name, "stream", "streams", "Declare it with @DataStream(name = \"" + name + "\").");
	}

	@Override
	public DynamoDbTable table(String name) {
		return tableImpl(name);
	}

	@Override
	public List<DynamoDbTable> tables() {
		return List.copyOf(tables.values());
	}

	SimulatedTable tableImpl(String name) {
		return lookup(tables, name, "table", "tables", "Declare it with @Table(name = \"" + name
				+ "\", partitionKey = \"…\").");
	}

	/** @throws IllegalArgumentException if the declarations of {@code declaringClass} are invalid */
	public static SandboxEngine create(Class<?> declaringClass) {
		return new SandboxEngine(DECLARATIONS.get(declaringClass), declaringClass.getName());
	}

	/**
	 * The declarations of a class, read and checked once (they cannot change while the JVM runs): a test that builds a
	 * sandbox per iteration does not read them again. A class whose declarations are refused is read again each time,
	 * and refused each time.
	 */
	private static final ClassValue<SandboxConfig> DECLARATIONS = new ClassValue<>() {
		@Override
		protected SandboxConfig computeValue(Class<?> type) {
			return ConfigReader.read(type);
		}
	};

	public SandboxConfig config() {
		return config;
	}

	// --- invocation -----------------------------------------------------------------------------------------

	@Override
	public InvokeResult invoke(String functionName, String payload) {
		Executive.refuseToWaitOnStartedThread("A synchronous invoke of \"" + functionName + "\"");
		// a name, f:version, f:alias or an ARN (versions and aliases: FunctionRef, QualifiedFunction)
		FunctionRef.Resolved target = FunctionRef.resolve(this, functionName);
		FunctionRuntime function = target.function();
		String body = checkedPayload(payload, MAX_REQUEST_BYTES, "RequestResponse");
		AttemptRun caller = Executive.CURRENT.get();
		String origin = caller != null && caller.executive == executive ? "lambda:" + caller.function.name() : "invoke";
		SyncInvocation invocation = executive.command(() -> {
			String requestId = ids.uuid();
			journal.append(new JournalEntry.Accepted(journal.next(), executive.instant(), requestId, function.name(),
					JournalEntry.InvocationType.REQUEST_RESPONSE, origin, target.qualifier()));
			SyncInvocation scheduled = new SyncInvocation(this, requestId, function, target.qualifier(), body);
			executive.scheduleNow(scheduled);
			return scheduled;
		});
		if (caller != null && caller.executive == executive) {
			// a handler invokes: it waits, another worker runs the invocation (a new environment if its own is busy)
			caller.await(invocation::onDone);
		}
		else {
			Duration guard = Duration.ofSeconds(function.config().timeoutSeconds()).plus(SETTLE_GUARD);
			executive.runForResult(invocation::done, guard);
			if (!invocation.done()) {
				throw new IllegalStateException("invoke(\"" + functionName + "\") got no response within " + guard.toSeconds()
						+ "s of real time: " + executive.pending() + ".");
			}
		}
		AttemptResult result = invocation.result();
		return new Result(200, result.payload(), result.functionError(), invocation.requestId, invocation.executedVersion);
	}

	@Override
	public InvokeResult invokeAsync(String functionName, String payload) {
		FunctionRef.Resolved target = FunctionRef.resolve(this, functionName);
		FunctionRuntime function = target.function();
		String body = checkedPayload(payload, config.maxAsyncPayloadBytes(), "Event");
		AttemptRun caller = Executive.CURRENT.get();
		String origin = caller != null && caller.executive == executive ? "lambda:" + caller.function.name() : "invokeAsync";
		String requestId = executive.command(() -> asyncInvoker.accept(function, target.qualifier(), body, origin));
		return new Result(202, "", null, requestId, null);
	}

	@Override
	public InvokeResult dryRun(String functionName, String payload) {
		FunctionRef.resolve(this, functionName);
		checkedPayload(payload, MAX_REQUEST_BYTES, "DryRun");
		return new Result(204, "", null, executive.command(ids::uuid), null);
	}

	private static String checkedPayload(String payload, int limit, String invocationType) {
		String body = payload == null || payload.isEmpty() ? "{}" : payload;
		int size = Bytes.utf8Length(body);
		if (size > MAX_REQUEST_BYTES) {
			// Lambda's front end refuses the request before it looks at the invocation type
			throw new LambdaServiceException(413, "RequestEntityTooLargeException", "Request must be smaller than "
					+ MAX_REQUEST_BYTES + " bytes for the InvokeFunction operation");
		}
		if (size > limit) {
			throw new LambdaServiceException(413, "RequestEntityTooLargeException", size
					+ " byte payload is too large for the " + invocationType + " invocation type (limit " + limit + " bytes)");
		}
		try {
			Json.validate(body);
		}
		catch (Json.InvalidJsonException e) {
			throw new LambdaServiceException(400, "InvalidRequestContentException",
					"Could not parse request body into json: Could not parse payload into json: " + e.getMessage());
		}
		return body;
	}

	FunctionRuntime runtime(String name) {
		FunctionRuntime function = functions.get(name);
		if (function == null) {
			throw new LambdaServiceException(404, "ResourceNotFoundException", "Function not found: "
					+ Arns.function(String.valueOf(name)) + ". Functions of this sandbox: " + ConfigReader.quoted(functions.keySet())
					+ ". Declare it with @LambdaFunction(name = \"" + name + "\", handler = …).");
		}
		return function;
	}

	// --- resources ------------------------------------------------------------------------------------------

	@Override
	public FunctionHandle function(String name) {
		FunctionRef.Resolved target = FunctionRef.resolve(this, name);
		return new QualifiedFunction(this, target.function(), target.qualifier());
	}

	@Override
	public List<FunctionHandle> functions() {
		List<FunctionHandle> handles = new ArrayList<>();
		functions.values().forEach(f -> handles.add(new QualifiedFunction(this, f, null)));
		return List.copyOf(handles);
	}

	@Override
	public SqsQueue queue(String name) {
		return queueImpl(name);
	}

	@Override
	public List<SqsQueue> queues() {
		return List.copyOf(queues.values());
	}

	boolean hasQueue(String name) {
		return queues.containsKey(name);
	}

	java.util.Collection<String> queueNames() {
		return List.copyOf(queues.keySet());
	}

	boolean hasStream(String name) {
		return streams.containsKey(name);
	}

	boolean hasTable(String name) {
		return tables.containsKey(name);
	}

	SimulatedQueue queueImpl(String name) {
		return lookup(queues, name, "queue", "queues", "Declare it with @Queue(name = \"" + name
				+ "\") or name it in a destination (\"sqs:" + name + "\").");
	}

	@Override
	public SnsTopic topic(String name) {
		return topicImpl(name);
	}

	@Override
	public List<SnsTopic> topics() {
		return List.copyOf(topics.values());
	}

	SimulatedTopic topicImpl(String name) {
		return lookup(topics, name, "topic", "topics", "Declare it with @Topic(name = \"" + name + "\"), or name it in a "
				+ "destination, a dead-letter queue, a notification or a rule (\"sns:" + name + "\").");
	}

	@Override
	public EventBus eventBus(String name) {
		return executive.command(() -> DEFAULT_BUS.equals(name) ? busOrNull(name) : busImpl(name));
	}

	/** Every account has this bus; the sandbox makes it when it is first used. */
	static final String DEFAULT_BUS = "default";

	/** The bus named {@code name} (the default bus is made at its first use), or null. Engine only. */
	SimulatedBus busOrNull(String name) {
		return DEFAULT_BUS.equals(name) ? buses.computeIfAbsent(name, n -> new SimulatedBus(this, n)) : buses.get(name);
	}

	@Override
	public List<EventBus> eventBuses() {
		return executive.inspect(() -> List.copyOf(buses.values()));
	}

	SimulatedBus busImpl(String name) {
		return lookup(buses, name, "event bus", "event buses", "Buses exist when a destination or a rule names them "
				+ "(\"events:" + name + "\", @EventRule(bus = \"" + name + "\", …)); the default bus always exists.");
	}

	@Override
	public S3Bucket bucket(String name) {
		return bucketImpl(name);
	}

	@Override
	public List<S3Bucket> buckets() {
		return List.copyOf(buckets.values());
	}

	/** The bucket, or null: for the services, which answer in AWS's words. Engine only. */
	SimulatedBucket bucketOrNull(String name) {
		return buckets.get(name);
	}

	java.util.Set<String> bucketNames() {
		return buckets.keySet();
	}

	/** The topic, or null: for the services, which answer in AWS's words. Engine only. */
	SimulatedTopic topicOrNull(String name) {
		return topics.get(name);
	}

	java.util.Set<String> topicNames() {
		return topics.keySet();
	}

	SimulatedBucket bucketImpl(String name) {
		return lookup(buckets, name, "bucket", "buckets", "Declare it with @Bucket(name = \"" + name + "\").");
	}

	/** The resource named {@code name}; otherwise an error that lists the known ones and says how to declare it. */
	private static <T> T lookup(Map<String, T> resources, String name, String kind, String plural, String howToDeclare) {
		T resource = resources.get(name);
		if (resource == null) {
			throw new IllegalArgumentException("No " + kind + " \"" + name + "\" in this sandbox. Known " + plural + ": "
					+ ConfigReader.quoted(resources.keySet()) + ". " + howToDeclare);
		}
		return resource;
	}

	// --- created at run time (Creations) --------------------------------------------------------------------

	@Override
	public FunctionHandle createFunction(io.github.lambdasandbox.FunctionDefinition definition) {
		return creations.createFunction(definition);
	}

	@Override
	public SqsQueue createQueue(String name) {
		return creations.createQueue(name);
	}

	@Override
	public SnsTopic createTopic(String name) {
		return creations.createTopic(name);
	}

	@Override
	public S3Bucket createBucket(String name) {
		return creations.createBucket(name);
	}

	@Override
	public EventBus createEventBus(String name) {
		return creations.createEventBus(name);
	}

	// --- time -----------------------------------------------------------------------------------------------

	@Override
	public VirtualClock clock() {
		return executive;
	}

	@Override
	public void settle() {
		WaitOutcome outcome = executive.settle(SETTLE_GUARD);
		if (outcome == WaitOutcome.REAL_TIME_EXCEEDED) {
			throw new IllegalStateException("The sandbox did not settle within " + SETTLE_GUARD.toSeconds()
					+ "s of real time: " + pendingWork() + ". A chain of functions that invoke each other "
					+ "without end never settles.\n" + timeline());
		}
	}

	@Override
	public WaitOutcome runUntil(BooleanSupplier condition, Duration within) {
		return runUntil(condition, within, SETTLE_GUARD);
	}

	@Override
	public WaitOutcome runUntil(BooleanSupplier condition, Duration within, Duration realTimeGuard) {
		if (within.isNegative()) {
			throw new IllegalArgumentException("runUntil(…, " + within + "): the virtual time allowed must not be negative.");
		}
		return executive.runUntil(condition, within, realTimeGuard);
	}

	@Override
	public Journal journal() {
		return journalView;
	}

	@Override
	public String timeline() {
		return journalView.timeline();
	}

	@Override
	public String pendingWork() {
		return executive.read(executive::pending);
	}

	// --- closing --------------------------------------------------------------------------------------------

	@Override
	public void close() {
		List<String> runaways = executive.close(CLOSE_GRACE);
		if (!runaways.isEmpty()) {
			throw new IllegalStateException("Handler threads ignored the interrupt after their timeout and still run; "
					+ "AWS would have frozen their environment. Let the handler end when interrupted:\n  "
					+ String.join("\n  ", runaways));
		}
	}

	/**
	 * The timeline as it stands, without letting anything due happen first (the test is over), or null if
	 * nothing happened at all.
	 */
	public String finalTimeline() {
		return executive.inspect(() -> journal.size() == 0 ? null : Timelines.render(journal.all(), executive.start()));
	}

	/** The sandbox's services by AWS operation, for AWS SDK clients. */
	public io.github.lambdasandbox.internal.aws.AwsServices aws() {
		return services;
	}

	/**
	 * What is still to come when the test ends (scheduled work, handlers waiting), or null if nothing: work a
	 * test left on a paused clock.
	 */
	public String finalPending() {
		return executive.inspect(() -> {
			List<String> pending = new ArrayList<>();
			if (executive.hasForegroundWork()) {
				pending.add(executive.pending());
			}
			for (Mapping mapping : mappings) {
				String more = mapping.poller().pending();
				if (more != null) {
					pending.add(more);
				}
			}
			return pending.isEmpty() ? null : String.join("; ", pending);
		});
	}

	/**
	 * The accounting of asynchronous events: each accepted one must have succeeded, failed (and gone to its
	 * destination, its dead-letter queue, or been counted as dropped), or still be on its way. Returns the
	 * timelines of events that are none of these, or null.
	 */
	public String accountingProblems() {
		return executive.inspect(() -> {
			java.util.Map<String, Boolean> done = new java.util.LinkedHashMap<>();
			for (JournalEntry entry : journal.all()) {
				if (entry instanceof JournalEntry.Accepted a && a.type() == JournalEntry.InvocationType.EVENT) {
					done.put(a.requestId(), Boolean.FALSE);
				}
				else if (entry instanceof JournalEntry.EventDropped d) {
					done.computeIfPresent(d.requestId(), (id, was) -> Boolean.TRUE);
				}
				else if (entry instanceof JournalEntry.AttemptEnded e && e.succeeded()) {
					done.computeIfPresent(e.requestId(), (id, was) -> Boolean.TRUE);
				}
			}
			java.util.Set<String> coming = asyncInvoker.inFlight();
			StringBuilder lost = new StringBuilder();
			done.forEach((requestId, finished) -> {
				if (!finished && !coming.contains(requestId)) {
					lost.append(Timelines.renderRequest(requestId, journal.ofRequest(requestId))).append('\n');
				}
			});
			for (SimulatedQueue queue : queues.values()) {
				String problem = queue.accountingProblem();
				if (problem != null) {
					lost.append(problem).append('\n');
				}
			}
			for (Mapping mapping : mappings) {
				String problem = mapping.poller().accountingProblem();
				if (problem != null) {
					lost.append(problem).append('\n');
				}
			}
			return lost.length() == 0 ? null : lost.toString().stripTrailing();
		});
	}

	public boolean isClosed() {
		return executive.isClosed();
	}

	@Override
	public String toString() {
		return "Sandbox[" + config.declaredOn() + ", " + executive.now() + "]";
	}
}
