package io.github.lambdasandbox.internal.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.ErrorPayloads;
import io.github.lambdasandbox.internal.json.Json;
import io.github.lambdasandbox.internal.services.Logs;
import io.github.lambdasandbox.internal.services.Metrics;

/**
 * The execution environments of one function: a cold start creates one (the handler is constructed),
 * later invocations reuse it, a timeout discards it. Each invocation runs the real handler on a real
 * thread, under the function's timeout in real time.
 */
final class FunctionRuntime {

	/** The outcome of one invocation of the handler. */
	record Attempt(boolean success, String payload, String errorType, String errorMessage, Throwable error) {

		String functionError() {
			return success ? null : "Unhandled";
		}
	}

	private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	/** A handler instance and the log stream it writes to. */
	private record Environment(Object handler, String logStream) {
	}

	private final FunctionConfig config;

	private final HandlerAdapter adapter;

	private final Scheduler scheduler;

	private final Ids ids;

	private final Logs logs;

	private final Metrics metrics;

	/** Starts the thread of each new execution environment. */
	private final ThreadFactory threads;

	/** The thread of the current environment: one thread per environment, as one process per sandbox in AWS. */
	private ExecutorService environmentThread;

	private final AtomicInteger throttlesLeft = new AtomicInteger();

	private final List<Thread> abandoned = new ArrayList<>();

	private Environment environment;

	private int environments;

	FunctionRuntime(FunctionConfig config, Scheduler scheduler, Ids ids, Logs logs, Metrics metrics,
			ThreadFactory threads) {
		this.config = config;
		this.adapter = HandlerAdapter.of(config.handler());
		this.scheduler = scheduler;
		this.ids = ids;
		this.logs = logs;
		this.metrics = metrics;
		this.threads = threads;
	}

	FunctionConfig config() {
		return config;
	}

	String name() {
		return config.name();
	}

	private final AtomicInteger invokeNumbers = new AtomicInteger();

	/** Numbers synchronous invocations, from which their request ids derive when the engine makes them. */
	int nextInvokeNumber() {
		return invokeNumbers.incrementAndGet();
	}

	void simulateThrottles(int attempts) {
		if (attempts < 0) {
			throw new IllegalArgumentException("simulateThrottles(" + attempts + "): the number of attempts must be 0 or more.");
		}
		throttlesLeft.set(attempts);
	}

	/** Whether this attempt is throttled (reserved concurrency 0 or a simulated throttle); counts it. */
	boolean throttled() {
		if (config.reservedConcurrency() == 0 || throttlesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			metrics.increment(name(), Metrics.THROTTLES);
			return true;
		}
		return false;
	}

	/** Runs the handler once, on the engine's behalf. */
	synchronized Attempt invoke(String requestId, byte[] payload) {
		metrics.increment(name(), Metrics.INVOCATIONS);
		logs.append(name(), "START RequestId: " + requestId + " Version: $LATEST");
		boolean cold = environment == null;
		long timeoutMillis = TimeUnit.SECONDS.toMillis(config.timeoutSeconds());
		long started = System.nanoTime();
		long[] initNanos = { 0 };
		AtomicReference<Thread> runner = new AtomicReference<>();
		AtomicReference<Environment> used = new AtomicReference<>(environment);
		if (environmentThread == null) {
			environmentThread = Executors.newSingleThreadExecutor(threads);
		}
		ExecutorService thread = environmentThread;
		Future<byte[]> future = thread.submit(() -> {
			runner.set(Thread.currentThread());
			scheduler.adopt();
			Environment env = used.get();
			if (env == null) {
				long initStart = System.nanoTime();
				try {
					env = new Environment(adapter.newInstance(),
							STREAM_DATE.format(scheduler.now()) + "/[$LATEST]" + ids.hex("environment of " + name() + " #" + (++environments), 32).toLowerCase(Locale.ROOT));
				}
				catch (java.lang.reflect.InvocationTargetException e) {
					throw e.getCause() instanceof Exception cause ? cause : e;
				}
				finally {
					initNanos[0] = System.nanoTime() - initStart;
				}
				used.set(env);
			}
			long deadline = System.currentTimeMillis() + timeoutMillis;
			LambdaContext context = new LambdaContext(requestId, name(), Arns.function(name()), env.logStream(),
					config.memorySize(), deadline, line -> logs.append(name(), stripNewline(line)));
			HandlerOutput.capture(line -> logs.append(name(), line));
			try {
				return adapter.handle(env.handler(), payload, context);
			}
			finally {
				HandlerOutput.release();
			}
		});
		Attempt attempt;
		String status = "";
		try {
			byte[] result = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
			environment = used.get();
			attempt = new Attempt(true, new String(result, StandardCharsets.UTF_8), null, null, null);
		}
		catch (TimeoutException | CancellationException e) {
			future.cancel(true);
			// AWS discards the environment after a timeout: the next invocation starts cold, on a new thread
			discardEnvironment();
			Thread runaway = runner.get();
			if (runaway != null) {
				abandoned.add(runaway);
			}
			String timedOut = "Task timed out after " + String.format(Locale.ROOT, "%.2f", (double) config.timeoutSeconds())
					+ " seconds";
			String message = "RequestId: " + requestId + " Error: " + timedOut;
			logs.append(name(), LOG_TIME.format(scheduler.now()) + " " + requestId + " " + timedOut);
			status = "\tStatus: timeout";
			ObjectNode error = ErrorPayloads.of("Sandbox.Timedout", message);
			attempt = new Attempt(false, Json.write(error), "Sandbox.Timedout", message, null);
		}
		catch (ExecutionException e) {
			environment = used.get();
			if (environment == null) { // the constructor failed: the next invocation starts cold again
				discardEnvironment();
			}
			attempt = failure(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			discardEnvironment();
			attempt = failure(e);
		}
		if (!attempt.success()) {
			metrics.increment(name(), Metrics.ERRORS);
		}
		double duration = (System.nanoTime() - started - initNanos[0]) / 1_000_000.0;
		logs.append(name(), "END RequestId: " + requestId);
		logs.append(name(), "REPORT RequestId: " + requestId + "\tDuration: " + String.format(Locale.ROOT, "%.2f", duration)
				+ " ms\tBilled Duration: " + (long) Math.ceil(duration) + " ms\tMemory Size: " + config.memorySize()
				+ " MB\tMax Memory Used: " + memoryUsed() + " MB"
				+ (cold ? "\tInit Duration: " + String.format(Locale.ROOT, "%.2f", initNanos[0] / 1_000_000.0) + " ms" : "")
				+ status + "\t");
		return attempt;
	}

	private Attempt failure(Throwable error) {
		if (error instanceof HandlerAdapter.InputException input) {
			// what the runtime's PojoHandlerAsStreamHandler writes: its own RuntimeException, no frames, the cause
			ObjectNode payload = Json.object();
			payload.put("errorMessage", "An error occurred during JSON parsing");
			payload.put("errorType", "java.lang.RuntimeException");
			payload.putArray("stackTrace");
			payload.set("cause", ErrorPayloads.of(input.getCause()));
			return new Attempt(false, Json.write(payload), "java.lang.RuntimeException",
					"An error occurred during JSON parsing", input.getCause());
		}
		ObjectNode payload = ErrorPayloads.of(error);
		// the runtime logs what it reports: "<message>: <class>", then the stack trace
		StringBuilder logged = new StringBuilder(payload.path("errorMessage").asText()).append(": ")
				.append(error.getClass().getName());
		payload.path("stackTrace").forEach(frame -> logged.append("\n\tat ").append(frame.asText()));
		logs.append(name(), logged.toString());
		return new Attempt(false, Json.write(payload), error.getClass().getName(), error.getMessage(), error);
	}

	private long memoryUsed() {
		long used = MEMORY.getHeapMemoryUsage().getUsed() / (1024 * 1024);
		return Math.max(1, Math.min(config.memorySize(), used));
	}

	private static String stripNewline(String line) {
		return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
	}

	private void discardEnvironment() {
		environment = null;
		if (environmentThread != null) {
			environmentThread.shutdownNow();
			environmentThread = null;
		}
	}

	/** Ends the environment's thread (the sandbox closes). */
	synchronized void close() {
		discardEnvironment();
	}

	/** Handler threads that ignored the interrupt after a timeout and still run. */
	synchronized List<Thread> runaways() {
		return abandoned.stream().filter(Thread::isAlive).toList();
	}
}
