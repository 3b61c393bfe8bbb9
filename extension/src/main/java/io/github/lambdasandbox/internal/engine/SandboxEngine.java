package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.VirtualClock;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.config.SandboxConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.Json;
import io.github.lambdasandbox.internal.json.S3Events;
import io.github.lambdasandbox.internal.services.EventBusImpl;
import io.github.lambdasandbox.internal.services.Logs;
import io.github.lambdasandbox.internal.services.Metrics;
import io.github.lambdasandbox.internal.services.S3BucketImpl;
import io.github.lambdasandbox.internal.services.SnsTopicImpl;
import io.github.lambdasandbox.internal.services.SqsQueueImpl;

/** A {@link Sandbox}: the services, the functions and the engine that connects them. */
public final class SandboxEngine implements Sandbox {

	/** Synchronous Invoke: 6 MB request. */
	static final int MAX_SYNC_PAYLOAD_BYTES = 6_291_456;

	/** Asynchronous Invoke: 1 MB request since October 2025 (it was 256 KB). */
	static final int MAX_ASYNC_PAYLOAD_BYTES = 1_048_576;

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

	private static final AtomicInteger SANDBOXES = new AtomicInteger();

	private record Result(int statusCode, String payload, String functionError, String requestId,
			String executedVersion) implements InvokeResult {
	}

	private final SandboxConfig config;

	private final Scheduler scheduler;

	private final Ids ids;

	private final Metrics metrics = new Metrics();

	private final Logs logs = new Logs();

	private final Timeline timeline = new Timeline();

	/** Every handler thread, to make sure none outlives the sandbox. */
	private final List<Thread> threads = new ArrayList<>();

	private final Map<String, FunctionRuntime> functions = new LinkedHashMap<>();

	private final Map<String, SqsQueueImpl> queues = new LinkedHashMap<>();

	private final Map<String, S3BucketImpl> buckets = new LinkedHashMap<>();

	private final Map<String, SnsTopicImpl> topics = new LinkedHashMap<>();

	private final Map<String, EventBusImpl> eventBuses = new LinkedHashMap<>();

	private final AsyncInvoker asyncInvoker;

	private final AtomicInteger sequencer = new AtomicInteger();

	private volatile boolean closed;

	public SandboxEngine(SandboxConfig config) {
		this.config = config;
		int number = SANDBOXES.incrementAndGet();
		this.scheduler = new Scheduler(config.startTime(), "lambda-sandbox-" + number + "-engine");
		this.ids = new Ids(config.seed(), scheduler);
		AtomicInteger handlerThreadCount = new AtomicInteger();
		ThreadFactory handlerThreads = task -> {
			Thread thread = new Thread(task, "lambda-sandbox-" + number + "-handler-" + handlerThreadCount.incrementAndGet());
			thread.setDaemon(true);
			synchronized (threads) {
				threads.add(thread);
			}
			return thread;
		};
		for (String name : config.queues()) {
			queues.put(name, new SqsQueueImpl(this, name, ids::uuid, scheduler::now));
		}
		for (String name : config.topics()) {
			topics.put(name, new SnsTopicImpl(name, ids::uuid, scheduler::now));
		}
		for (String name : config.eventBuses()) {
			eventBuses.put(name, new EventBusImpl(name));
		}
		for (String name : config.buckets()) {
			buckets.put(name, new S3BucketImpl(name));
		}
		for (FunctionConfig function : config.functions()) {
			functions.put(function.name(), new FunctionRuntime(function, scheduler, ids, logs, metrics, handlerThreads));
		}
		this.asyncInvoker = new AsyncInvoker(scheduler, ids, metrics, timeline);
		this.asyncInvoker.router(new Router(this, scheduler, ids, metrics, timeline));
		config.bucketNotifications().forEach(this::notify);
	}

	/** @throws IllegalArgumentException if the declarations of {@code declaringClass} are invalid */
	public static SandboxEngine create(Class<?> declaringClass) {
		return new SandboxEngine(ConfigReader.read(declaringClass));
	}

	public SandboxConfig config() {
		return config;
	}

	// --- S3 notifications -----------------------------------------------------------------------------------

	private void notify(String bucketName, TargetRef target) {
		S3BucketImpl bucket = buckets.get(bucketName);
		String configurationId = ids.uuid("notification configuration of " + bucketName);
		if (target.service() == TargetRef.Service.SQS) {
			// S3 checks a new SQS notification target by sending it a test message, which the queue then holds
			queues.get(target.name()).send(Json.write(S3Events.testEvent(scheduler.now(), bucketName,
					ids.hex("test event of " + bucketName, 16), ids.base64("test event host of " + bucketName, 76))),
					Map.of(), "test event of " + bucketName);
		}
		bucket.listener((b, object) -> {
			String cause = "ObjectCreated " + b.name() + "/" + object.key() + " #" + sequencer.incrementAndGet();
			String event = Json.write(S3Events.objectCreatedPut(scheduler.now(), b.name(), object.key(),
					object.content().length, object.eTag(), sequencer(), ids.hex(cause, 16), ids.base64(cause, 76),
					configurationId));
			switch (target.service()) {
				case LAMBDA -> acceptAsync(target.name(), event, "s3:" + b.name(), cause);
				case SQS -> queueImpl(target.name()).send(event, Map.of(), cause);
				case SNS -> topicImpl(target.name()).publish(event, "Amazon S3 Notification", Map.of(), cause);
				default -> throw new IllegalStateException("No S3 notification to " + target);
			}
		});
	}

	/** S3's sequencer: hex that grows with each event of the bucket. */
	private String sequencer() {
		return String.format("%018X", scheduler.now().toEpochMilli() * 1000 + sequencer.get());
	}

	// --- invocation -----------------------------------------------------------------------------------------

	@Override
	public InvokeResult invoke(String functionName, String payload) {
		FunctionRuntime function = runtime(functionName);
		String body = checkedPayload(payload, MAX_SYNC_PAYLOAD_BYTES, "RequestResponse");
		String requestId = ids.uuid("invoke of " + functionName + " #" + function.nextInvokeNumber());
		if (scheduler.isEngineThread()) {
			return runSync(function, body, requestId);
		}
		CompletableFuture<InvokeResult> result = new CompletableFuture<>();
		scheduler.schedule(Duration.ZERO, "invoke of " + functionName, () -> {
			try {
				result.complete(runSync(function, body, requestId));
			}
			catch (RuntimeException e) {
				result.completeExceptionally(e);
			}
		});
		try {
			return result.get();
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while invoking " + functionName, e);
		}
	}

	private InvokeResult runSync(FunctionRuntime function, String body, String requestId) {
		if (function.throttled()) {
			String reason = function.config().reservedConcurrency() == 0
					? "ReservedFunctionConcurrentInvocationLimitExceeded" : "ConcurrentInvocationLimitExceeded";
			throw new LambdaServiceException(429, "TooManyRequestsException", "Rate Exceeded. (Reason: " + reason + ")");
		}
		timeline.begin(requestId, function.name(), scheduler.now(), "invoked (RequestResponse)");
		FunctionRuntime.Attempt attempt = function.invoke(requestId, body.getBytes(StandardCharsets.UTF_8));
		timeline.add(requestId, scheduler.now(), attempt.success() ? "→ success, 200"
				: "→ function error: " + attempt.errorType() + (attempt.errorMessage() == null ? ""
						: ": " + AsyncInvoker.firstLine(attempt.errorMessage())));
		return new Result(200, attempt.payload(), attempt.functionError(), requestId, "$LATEST");
	}

	@Override
	public InvokeResult invokeAsync(String functionName, String payload) {
		FunctionRuntime function = runtime(functionName);
		String body = checkedPayload(payload, MAX_ASYNC_PAYLOAD_BYTES, "Event");
		String requestId = asyncInvoker.accept(function, body, Json.parse(body), "invokeAsync",
				"invokeAsync of " + functionName);
		return new Result(202, "", null, requestId, null);
	}

	/** Queues an event sent by the sandbox itself (a destination, an S3 notification). */
	String acceptAsync(String functionName, String payload, String origin, String cause) {
		return asyncInvoker.accept(runtime(functionName), payload, Json.parse(payload), origin, cause);
	}

	@Override
	public InvokeResult dryRun(String functionName, String payload) {
		runtime(functionName);
		checkedPayload(payload, MAX_SYNC_PAYLOAD_BYTES, "DryRun");
		return new Result(204, "", null, ids.uuid("dry run of " + functionName), null);
	}

	private String checkedPayload(String payload, int limit, String invocationType) {
		String body = payload == null || payload.isEmpty() ? "{}" : payload;
		int size = body.getBytes(StandardCharsets.UTF_8).length;
		if (size > limit) {
			throw new LambdaServiceException(413, "RequestEntityTooLargeException", size
					+ " byte payload is too large for the " + invocationType + " invocation type (limit " + limit + " bytes)");
		}
		try {
			Json.parse(body);
		}
		catch (Json.InvalidJsonException e) {
			throw new LambdaServiceException(400, "InvalidRequestContentException",
					"Could not parse request body into json: Could not parse payload into json: " + e.getMessage());
		}
		return body;
	}

	private FunctionRuntime runtime(String name) {
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
		return new Function(runtime(name));
	}

	@Override
	public SqsQueue queue(String name) {
		return queueImpl(name);
	}

	@Override
	public List<SqsQueue> queues() {
		return List.copyOf(queues.values());
	}

	SqsQueueImpl queueImpl(String name) {
		return lookup(queues, name, "queue", "queues", "Declare it with @Queue(name = \"" + name
				+ "\") or name it in a destination (\"sqs:" + name + "\").");
	}

	/** All topics, in the order they were named. */
	public List<SnsTopic> topics() {
		return List.copyOf(topics.values());
	}

	/** All event buses, in the order they were named. */
	public List<EventBus> eventBuses() {
		return List.copyOf(eventBuses.values());
	}

	@Override
	public SnsTopic topic(String name) {
		return topicImpl(name);
	}

	SnsTopicImpl topicImpl(String name) {
		return lookup(topics, name, "topic", "topics", "Topics exist when a destination, dead-letter queue or "
				+ "bucket notification names them (\"sns:" + name + "\").");
	}

	@Override
	public EventBus eventBus(String name) {
		return eventBusImpl(name);
	}

	EventBusImpl eventBusImpl(String name) {
		return lookup(eventBuses, name, "event bus", "event buses", "Buses exist when a destination names them (\"events:"
				+ name + "\").");
	}

	@Override
	public S3Bucket bucket(String name) {
		return bucketImpl(name);
	}

	S3BucketImpl bucketImpl(String name) {
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

	@Override
	public VirtualClock clock() {
		return scheduler;
	}

	@Override
	public void settle() {
		Scheduler.Outcome outcome = scheduler.await(() -> false, SETTLE_TIMEOUT);
		if (outcome == Scheduler.Outcome.TIMED_OUT) {
			throw new IllegalStateException("The sandbox did not settle within " + SETTLE_TIMEOUT.toSeconds()
					+ "s of real time: " + scheduler.pendingSummary() + ". A chain of functions that invoke each other "
					+ "without end never settles.\n" + timeline.render());
		}
	}

	/**
	 * Waits until {@code condition} holds while the sandbox is idle, letting virtual time run.
	 *
	 * @see Scheduler#await(BooleanSupplier, Duration)
	 */
	public Scheduler.Outcome await(BooleanSupplier condition, Duration timeout) {
		return scheduler.await(condition, timeout);
	}

	@Override
	public String timeline() {
		return timeline.render();
	}

	/** The timeline of the requests of the given functions. */
	public String timeline(Collection<String> functionNames) {
		return timeline.render(functionNames);
	}

	/** The timeline of one request. */
	public String timelineOf(String requestId) {
		return timeline.renderRequest(requestId);
	}

	/** The virtual time since the sandbox started, as {@code +180s}. */
	public String elapsed() {
		return Timeline.offset(config.startTime(), scheduler.now());
	}

	/** Whether anything happened at all. */
	public boolean hasActivity() {
		return !timeline.isEmpty();
	}

	/** The functions whose records, dead letters or S3 notifications go to the queue. */
	public List<String> functionsSendingTo(String queueName) {
		List<String> senders = new ArrayList<>();
		for (FunctionConfig function : config.functions()) {
			for (TargetRef target : new TargetRef[] { function.onSuccess(), function.onFailure(), function.deadLetterQueue() }) {
				if (target != null && target.service() == TargetRef.Service.SQS && target.name().equals(queueName)
						&& !senders.contains(function.name())) {
					senders.add(function.name());
				}
			}
		}
		return senders;
	}

	/** How each function routes its outcomes, for failure messages. */
	public String routing() {
		return config.functions().stream().map(f -> "  " + f.name() + ": on-success → "
				+ (f.onSuccess() == null ? "(none)" : f.onSuccess()) + ", on-failure → "
				+ (f.onFailure() == null ? "(none)" : f.onFailure()) + ", dead-letter queue → "
				+ (f.deadLetterQueue() == null ? "(none)" : f.deadLetterQueue()))
				.collect(Collectors.joining("\n"));
	}

	/** Whether anything is scheduled or running. */
	public boolean hasPendingWork() {
		return scheduler.hasPendingWork();
	}

	public String pendingSummary() {
		return scheduler.pendingSummary();
	}

	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		scheduler.close();
		functions.values().forEach(FunctionRuntime::close);
		try {
			List<Thread> created;
			synchronized (threads) {
				created = List.copyOf(threads);
			}
			for (Thread thread : created) {
				thread.join(2000); // interrupted, a handler ends; one that ignores it is reported below
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		List<String> runaways = new ArrayList<>();
		for (FunctionRuntime function : functions.values()) {
			for (Thread thread : function.runaways()) {
				StackTraceElement[] stack = thread.getStackTrace();
				runaways.add("  " + thread.getName() + " (function " + function.name() + ") at "
						+ (stack.length > 0 ? stack[0] : "its end"));
			}
		}
		if (!runaways.isEmpty()) {
			throw new IllegalStateException("Handler threads ignored the interrupt after their timeout and still run; "
					+ "AWS would have frozen their environment. Let the handler end when interrupted:\n"
					+ String.join("\n", runaways));
		}
	}

	public boolean isClosed() {
		return closed;
	}

	@Override
	public String toString() {
		return "Sandbox[" + config.declaredOn() + ", " + scheduler.now() + "]";
	}

	/** The {@link FunctionHandle} of a function. */
	private final class Function implements FunctionHandle {

		private final FunctionRuntime runtime;

		Function(FunctionRuntime runtime) {
			this.runtime = runtime;
		}

		@Override
		public String name() {
			return runtime.name();
		}

		@Override
		public String arn() {
			return Arns.function(runtime.name());
		}

		@Override
		public InvokeResult invoke(String payload) {
			return SandboxEngine.this.invoke(runtime.name(), payload);
		}

		@Override
		public InvokeResult invokeAsync(String payload) {
			return SandboxEngine.this.invokeAsync(runtime.name(), payload);
		}

		@Override
		public long metric(String metricName) {
			return metrics.sum(runtime.name(), metricName);
		}

		@Override
		public List<String> logs() {
			return logs.lines(runtime.name());
		}

		@Override
		public void simulateThrottles(int attempts) {
			runtime.simulateThrottles(attempts);
		}

		@Override
		public String toString() {
			return "Function[" + runtime.name() + "]";
		}
	}
}
