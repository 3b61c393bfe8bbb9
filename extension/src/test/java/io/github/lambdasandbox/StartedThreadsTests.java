package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.LogLine;
import io.github.lambdasandbox.internal.CurrentSandbox;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.bytecode.fixtures.ThreadCalls;
import io.github.lambdasandbox.internal.engine.VirtualTime;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tasks that handler code hands to other threads — {@code CompletableFuture.runAsync}, an executor, a
 * {@code new Thread(runnable)} — run for the attempt that started them: what they print is in its log, they read
 * the sandbox clock, the services know their request; and a pooled thread keeps nothing of the attempt after the
 * task. The handlers call the JDK through {@link ThreadCalls}, the rewriter's fixture, one way at a time.
 */
@DisplayName("Threads a handler starts work for its attempt, and only while they run its task")
class StartedThreadsTests {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	/** Daemon threads, made by a factory of the user's (whose {@code new Thread(…)} is rewritten too). */
	static final ThreadFactory DAEMONS = runnable -> {
		Thread thread = new Thread(runnable, "pool-of-the-handler");
		thread.setDaemon(true);
		return thread;
	};

	static final ExecutorService POOL = Executors.newFixedThreadPool(2, DAEMONS);

	static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(DAEMONS);

	/** The ways a handler starts a task: the task prints a line; each way waits for it. */
	static final Map<String, Starter> WAYS = ways();

	@FunctionalInterface
	interface Starter {

		void start(Runnable task) throws Exception;
	}

	private static Map<String, Starter> ways() {
		Map<String, Starter> ways = new java.util.LinkedHashMap<>();
		ways.put("CompletableFuture.runAsync", task -> ThreadCalls.runAsync(task).join());
		ways.put("CompletableFuture.runAsync on an executor", task -> ThreadCalls.runAsync(task, POOL).join());
		ways.put("CompletableFuture.supplyAsync", task -> ThreadCalls.supplyAsync(() -> {
			task.run();
			return 1;
		}).join());
		ways.put("CompletableFuture.supplyAsync on an executor", task -> ThreadCalls.supplyAsync(() -> {
			task.run();
			return 1;
		}, POOL).join());
		ways.put("an async stage after supplyAsync", task -> ThreadCalls.supplyAsync(() -> 1).thenApplyAsync(one -> {
			task.run();
			return one;
		}).join());
		ways.put("a stage run by the thread that completes", task -> {
			CountDownLatch chained = new CountDownLatch(1);
			CompletableFuture<Integer> first = ThreadCalls.supplyAsync(() -> {
				await(chained);
				return 1;
			}, POOL);
			CompletableFuture<Void> second = first.thenAccept(one -> task.run());
			chained.countDown();
			second.join();
		});
		ways.put("Executor.execute", task -> {
			CountDownLatch done = new CountDownLatch(1);
			ThreadCalls.execute(POOL, () -> {
				task.run();
				done.countDown();
			});
			done.await();
		});
		ways.put("ThreadPoolExecutor.execute", task -> {
			CountDownLatch done = new CountDownLatch(1);
			ThreadCalls.execute((ThreadPoolExecutor) POOL, () -> {
				task.run();
				done.countDown();
			});
			done.await();
		});
		ways.put("ExecutorService.submit(Runnable)", task -> ThreadCalls.submit(POOL, task).get());
		ways.put("ExecutorService.submit(Runnable, result)", task -> ThreadCalls.submit(POOL, task, "done").get());
		ways.put("ExecutorService.submit(Callable)", task -> ThreadCalls.submit(POOL, callable(task)).get());
		ways.put("ThreadPoolExecutor.submit(Callable)", task -> ThreadCalls.submit((ThreadPoolExecutor) POOL, callable(task)).get());
		ways.put("ForkJoinPool.submit(Callable)", task -> ThreadCalls.submit(ForkJoinPool.commonPool(), callable(task)).get());
		ways.put("ExecutorService.invokeAll", task -> ThreadCalls.invokeAll(POOL, List.of(callable(task))).get(0).get());
		ways.put("ExecutorService.invokeAll with a timeout",
				task -> ThreadCalls.invokeAll(POOL, List.of(callable(task)), 1, TimeUnit.MINUTES).get(0).get());
		ways.put("ExecutorService.invokeAny", task -> ThreadCalls.invokeAny(POOL, List.of(callable(task))));
		ways.put("ExecutorService.invokeAny with a timeout",
				task -> ThreadCalls.invokeAny(POOL, List.of(callable(task)), 1, TimeUnit.MINUTES));
		ways.put("ScheduledExecutorService.schedule", task -> ThreadCalls.schedule(SCHEDULER, callable(task), 0,
				TimeUnit.MILLISECONDS).get());
		ways.put("ScheduledExecutorService.scheduleAtFixedRate", task -> {
			CountDownLatch once = new CountDownLatch(1);
			AtomicBoolean ran = new AtomicBoolean();
			ScheduledFuture<?> repeating = ThreadCalls.scheduleAtFixedRate(SCHEDULER, () -> {
				if (ran.compareAndSet(false, true)) {
					task.run();
					once.countDown();
				}
			}, 1, TimeUnit.MILLISECONDS);
			once.await();
			repeating.cancel(false);
		});
		ways.put("new Thread(target)", task -> startAndJoin(ThreadCalls.newThread(task)));
		ways.put("new Thread(target, name)", task -> startAndJoin(ThreadCalls.newThread(task, "named")));
		ways.put("new Thread(group, target)", task -> startAndJoin(ThreadCalls.newThread(Thread.currentThread()
				.getThreadGroup(), task)));
		ways.put("new Thread(group, target, name)", task -> startAndJoin(ThreadCalls.newThread(Thread.currentThread()
				.getThreadGroup(), task, "named")));
		ways.put("new Thread(group, target, name, stackSize)", task -> startAndJoin(ThreadCalls.newThread(
				Thread.currentThread().getThreadGroup(), task, "sized", 1 << 20)));
		ways.put("a Thread subclass", task -> startAndJoin(ThreadCalls.newWorker(task, "worker")));
		ways.put("a task that a started task starts", task -> ThreadCalls.runAsync(() -> ThreadCalls.runAsync(task, POOL)
				.join()).join());
		return ways;
	}

	private static Callable<String> callable(Runnable task) {
		return () -> {
			task.run();
			return "done";
		};
	}

	private static void startAndJoin(Thread thread) throws InterruptedException {
		thread.start();
		thread.join();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts a task the way {@code "how"} names; the task prints what it sees. */
	public static class Starting implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			String how = (String) event.get("how");
			try {
				WAYS.get(how).start(() -> System.out.println("task ran: " + how + " at " + Instant.now()));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			return how;
		}
	}

	/** Hands the test's {@link #task} to {@link #executor}, and waits for it. */
	public static class Submitting implements RequestHandler<Map<String, Object>, String> {

		static volatile ExecutorService executor;

		static volatile Callable<String> task;

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			try {
				return ThreadCalls.submit(executor, task).get();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** Starts a thread that prints once the test lets it, and returns at once. */
	public static class Lingering implements RequestHandler<Map<String, Object>, String> {

		static volatile CountDownLatch mayPrint;

		static volatile CountDownLatch printed;

		static final AtomicReference<Throwable> failure = new AtomicReference<>();

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			if (event.containsKey("start")) {
				CountDownLatch go = mayPrint;
				CountDownLatch done = printed;
				Thread thread = ThreadCalls.newThread(() -> {
					try {
						go.await();
						System.out.println("written after the attempt ended");
					}
					catch (Throwable e) {
						failure.set(e);
					}
					finally {
						done.countDown();
					}
				}, "lingering");
				thread.setDaemon(true);
				thread.start();
			}
			return context.getAwsRequestId();
		}
	}

	/** Reads the clock and sleeps on a started thread, and reports both. */
	public static class Timing implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			return ThreadCalls.supplyAsync(() -> {
				Instant before = Instant.now();
				long realStart = System.nanoTime();
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				return Map.<String, Object>of("before", before.toString(), "after", Instant.now().toString(),
						"realMillis", (System.nanoTime() - realStart) / 1_000_000);
			}).join();
		}
	}

	/** Asks the services, from a started thread, for what {@code "call"} names; answers what happened. */
	public static class CallingFromATask implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			String call = (String) event.get("call");
			try {
				return ThreadCalls.supplyAsync(() -> switch (call) {
					case "invoke" -> statusOf(AwsServices.current().lambda().invoke("other", null, "RequestResponse",
							"{}".getBytes(StandardCharsets.UTF_8)));
					case "invokeAsync" -> statusOf(AwsServices.current().lambda().invoke("other", null, "Event",
							"{}".getBytes(StandardCharsets.UTF_8)));
					case "send" -> AwsServices.current().sqs().sendMessage("inbox", "from a task", Map.of(), 0, null, null)
						.messageId();
					case "long poll" -> String.valueOf(AwsServices.current().sqs().receiveMessage("inbox", 1, null, 5,
							List.of(), List.of()).size());
					case "exit" -> {
						System.exit(3);
						yield "still running";
					}
					default -> throw new IllegalArgumentException(call);
				}).join();
			}
			catch (CompletionException e) {
				if (e.getCause() instanceof IllegalStateException refused) {
					return "refused: " + refused.getMessage();
				}
				throw e;
			}
		}

		private static String statusOf(AwsServices.InvokeResult result) {
			return Integer.toString(result.statusCode());
		}
	}

	@LambdaFunction(name = "starting", handler = Starting.class, timeout = 30)
	@LambdaFunction(name = "submitting", handler = Submitting.class)
	@LambdaFunction(name = "lingering", handler = Lingering.class)
	@LambdaFunction(name = "timing", handler = Timing.class)
	@LambdaFunction(name = "calling", handler = CallingFromATask.class)
	@LambdaFunction(name = "other", handler = io.github.lambdasandbox.support.Handlers.Echo.class)
	@Queue(name = "inbox")
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	static Stream<String> howTasksStart() {
		return WAYS.keySet().stream();
	}

	// --- the log -------------------------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("howTasksStart")
	void whatATaskPrintsIsInTheLogOfTheAttemptThatStartedIt(String how) {
		String requestId = sandbox.invoke("starting", "{\"how\": \"" + how + "\"}").requestId();

		assertThat(sandbox.function("starting").logs()).satisfiesExactly(
				line -> assertThat(line).isEqualTo("START RequestId: " + requestId + " Version: $LATEST"),
				line -> assertThat(line).isEqualTo("task ran: " + how + " at " + START),
				line -> assertThat(line).isEqualTo("END RequestId: " + requestId),
				line -> assertThat(line).startsWith("REPORT RequestId: " + requestId));
		assertThat(sandbox.journal().entries(LogLine.class)).singleElement()
				.satisfies(line -> assertThat(line.requestId()).isEqualTo(requestId));
	}

	@LambdaSandbox(isolatedEnvironments = true)
	@LambdaFunction(name = "starting", handler = Starting.class)
	static class Isolated {
	}

	@Test
	void inAnIsolatedEnvironmentATaskIsInTheLogOfItsAttemptToo() {
		// the environment's class loader rewrites the classes it loads anew, without the agent
		try (Sandbox isolated = Sandbox.create(Isolated.class)) {
			String requestId = isolated.invoke("starting", "{\"how\": \"ExecutorService.submit(Callable)\"}").requestId();

			assertThat(isolated.journal().entries(LogLine.class)).singleElement().satisfies(line -> {
				assertThat(line.text()).isEqualTo("task ran: ExecutorService.submit(Callable) at " + START);
				assertThat(line.requestId()).isEqualTo(requestId);
			});
		}
	}

	@Test
	void whatAStartedThreadPrintsAfterItsAttemptEndedReachesTheLogInTheEnvironmentsNextInvocation() throws Exception {
		Lingering.mayPrint = new CountDownLatch(1);
		Lingering.printed = new CountDownLatch(1);
		String first = sandbox.invoke("lingering", "{\"start\": true}").payload();
		Lingering.mayPrint.countDown();
		assertThat(Lingering.printed.await(30, TimeUnit.SECONDS)).isTrue();

		// frozen between invocations, as in AWS: the line is not in the log yet
		assertThat(sandbox.function("lingering").logs()).noneMatch(line -> line.contains("written after"));

		String second = sandbox.invoke("lingering", "{}").payload();

		assertThat(sandbox.function("lingering").logs()).containsSubsequence(
				"END RequestId: " + first.replace("\"", ""),
				"START RequestId: " + second.replace("\"", "") + " Version: $LATEST",
				"written after the attempt ended",
				"END RequestId: " + second.replace("\"", ""));
		assertThat(Lingering.failure).hasValue(null);
	}

	@Test
	void whatAStartedThreadPrintsAfterTheSandboxClosedGoesNowhereAndFailsNothing() throws Exception {
		Lingering.mayPrint = new CountDownLatch(1);
		Lingering.printed = new CountDownLatch(1);
		sandbox.invoke("lingering", "{\"start\": true}");
		sandbox.close();

		Lingering.mayPrint.countDown();

		assertThat(Lingering.printed.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(Lingering.failure).hasValue(null);
	}

	// --- time ----------------------------------------------------------------------------------------------------

	@Test
	void aStartedThreadReadsTheSandboxClockAndSleepsInRealTime() {
		JsonNode seen = Fixtures.parse(sandbox.invoke("timing", "{}").payload());

		assertThat(seen.get("before").asText()).isEqualTo(START.toString());
		assertThat(seen.get("after").asText()).isEqualTo(START.toString());
		assertThat(seen.get("realMillis").asLong()).isGreaterThanOrEqualTo(50);
		assertThat(sandbox.clock().now()).isEqualTo(START);
	}

	// --- the services --------------------------------------------------------------------------------------------

	@Test
	void whatAStartedThreadSendsIsJournaledWithTheRequestThatStartedIt() {
		String requestId = sandbox.invoke("calling", "{\"call\": \"send\"}").requestId();

		assertThat(sandbox.queue("inbox").messages()).singleElement()
				.satisfies(message -> assertThat(message.body()).isEqualTo("from a task"));
		assertThat(sandbox.journal().ofRequest(requestId)).anySatisfy(
				entry -> assertThat(entry).isInstanceOfSatisfying(JournalEntry.MessageSent.class,
						sent -> assertThat(sent.resource()).isEqualTo("sqs:inbox")));
	}

	@Test
	void anAsynchronousInvokeFromAStartedThreadIsAcceptedFromTheFunction() {
		assertThat(sandbox.invoke("calling", "{\"call\": \"invokeAsync\"}").payload()).isEqualTo("\"202\"");
		sandbox.settle();

		assertThat(sandbox.function("other").metric("Invocations")).isEqualTo(1);
		assertThat(sandbox.timeline()).contains("accepted (202) from lambda:calling");
	}

	@Test
	void aSynchronousInvokeFromAStartedThreadIsRefusedBeforeItHappens() {
		String answer = Fixtures.parse(sandbox.invoke("calling", "{\"call\": \"invoke\"}").payload()).asText();

		assertThat(answer).startsWith("refused: A synchronous invoke of \"other\" cannot wait on thread \"")
				.contains("which handler code started (function calling, request ")
				.contains("only the handler's own thread waits in virtual time");
		assertThat(sandbox.function("other").metric("Invocations")).isZero();
	}

	@Test
	void aLongPollFromAStartedThreadIsRefused() {
		String answer = Fixtures.parse(sandbox.invoke("calling", "{\"call\": \"long poll\"}").payload()).asText();

		assertThat(answer).startsWith("refused: A synchronous invoke or a long poll cannot wait on thread \"")
				.contains("a receive without WaitTimeSeconds");
	}

	@Test
	void anExitOnAStartedThreadEndsItsTaskAndTheAttemptThatWaitsForItNotTheJvm() {
		InvokeResult result = sandbox.invoke("calling", "{\"call\": \"exit\"}");

		assertThat(result.functionError()).isEqualTo("Unhandled");
		assertThat(Fixtures.parse(result.payload()).get("errorType").asText()).isEqualTo("Runtime.ExitError");
	}

	// --- nothing stays -------------------------------------------------------------------------------------------

	/** What a task saw of the thread it ran on. */
	record Seen(Thread thread, boolean sandboxBound, boolean startedThread, Throwable sdkCall) {

		static Seen now() {
			return new Seen(Thread.currentThread(), CurrentSandbox.peek() != null, VirtualTime.onStartedThread(),
					catchThrowable(AwsServices::current));
		}
	}

	@Test
	void aPooledThreadKeepsNothingOfAnAttemptAfterItsTask() throws Exception {
		// a pool the handler's first task makes its thread in, with a thread factory of the user's
		ExecutorService single = Executors.newSingleThreadExecutor(DAEMONS);
		try {
			AtomicReference<Seen> inTask = new AtomicReference<>();
			Submitting.executor = single;
			Submitting.task = () -> {
				inTask.set(Seen.now());
				return "seen";
			};
			String requestId = sandbox.invoke("submitting", "{}").requestId();

			Seen after = single.submit(() -> {
				System.out.println("printed on the pool's thread for the test");
				return Seen.now();
			}).get();

			assertThat(inTask.get().sandboxBound()).isTrue();
			assertThat(inTask.get().startedThread()).isTrue();
			assertThat(inTask.get().sdkCall()).isNull();
			assertThat(after.thread()).isSameAs(inTask.get().thread());
			assertThat(after.sandboxBound()).isFalse();
			assertThat(after.startedThread()).isFalse();
			assertThat(after.sdkCall()).isInstanceOf(IllegalStateException.class);
			assertThat(sandbox.function("submitting").logs()).noneMatch(line -> line.contains("for the test"))
					.contains("END RequestId: " + requestId);
		}
		finally {
			single.shutdownNow();
		}
	}

	@Test
	void threadsTheTestStartsWorkForNoSandbox() throws Exception {
		CurrentSandbox.bind(sandbox); // as the JUnit extension binds it on the test's thread
		try {
			Seen async = CompletableFuture.supplyAsync(Seen::now).join();
			AtomicReference<Seen> onThread = new AtomicReference<>();
			Thread thread = new Thread(() -> onThread.set(Seen.now()));
			thread.start();
			thread.join();

			for (Seen seen : new ArrayList<>(List.of(async, onThread.get()))) {
				assertThat(seen.sandboxBound()).isFalse();
				assertThat(seen.startedThread()).isFalse();
				assertThat(seen.sdkCall()).isInstanceOf(IllegalStateException.class)
						.hasMessageContaining("on a thread the test started itself");
			}
		}
		finally {
			CurrentSandbox.unbind();
		}
	}
}
