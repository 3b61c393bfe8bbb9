package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A handler that hands its work to {@code CompletableFuture.runAsync}, as handlers do to work in parallel: the
 * task's output is in the function's log under the request, its {@code SqsClient} reaches the sandbox of the test,
 * and tests running at the same time — their tasks on the same pool — each reach their own. What cannot work is
 * refused with the reason.
 */
@LambdaSandbox
@LambdaFunction(name = "fan-out", handler = HandlerTasksTests.FanOut.class, timeout = 60)
@LambdaFunction(name = "greeter", handler = LambdaInTheSandboxTests.Greeter.class)
@Queue(name = "work")
@Execution(ExecutionMode.CONCURRENT)
@DisplayName("Tasks a handler starts: their output and SDK calls belong to its invocation, in parallel tests too")
class HandlerTasksTests {

	/** Two tests' handlers meet here, so that their tasks run at the same time. */
	private static final CyclicBarrier TWO_TASKS = new CyclicBarrier(2);

	/** Shared by every test: its two threads serve one test's task, then another's. */
	private static final ExecutorService SHARED = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "shared-by-the-tests");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Prints and sends {@code "item"} to the queue {@code work} from a task — on the shared pool if {@code "shared"},
	 * after meeting another test's task if {@code "meet"} — and waits for it; or invokes {@code "greeter"} from one.
	 */
	public static class FanOut implements RequestHandler<Map<String, Object>, String> {

		private static final SqsClient SQS = SqsClient.create();

		private static final LambdaClient LAMBDA = LambdaClient.create();

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			String item = (String) event.get("item");
			Runnable task = () -> {
				if (Boolean.TRUE.equals(event.get("meet"))) {
					meetAnotherTest();
				}
				if (event.containsKey("invoke")) {
					LAMBDA.invoke(b -> b.functionName("greeter").payload(SdkBytes.fromUtf8String("{}")));
				}
				System.out.println("sending " + item);
				String queueUrl = SQS.getQueueUrl(b -> b.queueName("work")).queueUrl();
				SQS.sendMessage(b -> b.queueUrl(queueUrl).messageBody(item));
			};
			CompletableFuture<Void> sent = Boolean.TRUE.equals(event.get("shared")) ? CompletableFuture.runAsync(task, SHARED)
					: CompletableFuture.runAsync(task);
			sent.join();
			return "sent " + item;
		}

		private static void meetAnotherTest() {
			try {
				TWO_TASKS.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
				throw new IllegalStateException("no other test's task came", e);
			}
		}
	}

	@Test
	void aTaskOfRunAsyncLogsUnderTheRequestAndSendsToTheTestsQueue(Sandbox sandbox) {
		String requestId = sandbox.invoke("fan-out", "{\"item\": \"order 17\"}").requestId();

		assertThat(sandbox.function("fan-out").logs()).containsSubsequence(
				"START RequestId: " + requestId + " Version: $LATEST",
				"sending order 17",
				"END RequestId: " + requestId);
		assertThat(sandbox.queue("work").messages()).extracting(SqsMessage::body).containsExactly("order 17");
		// sent by the function for the request, as from the handler's own thread
		assertThat(sandbox.journal().ofRequest(requestId)).anySatisfy(entry -> assertThat(entry)
			.isInstanceOfSatisfying(JournalEntry.MessageSent.class, sent -> assertThat(sent.function()).isEqualTo("fan-out")));
	}

	/**
	 * Two sandboxes at the same time, as two tests running in parallel: each handler's task waits for the other's, so
	 * the tasks run together (on the common pool, then on one pool of two threads they share), and each reaches only
	 * its own sandbox. The test starts the two itself: JUnit's parallel execution does not promise two at a time.
	 */
	@Test
	void sandboxesRunningAtTheSameTimeEachReachTheirOwnFromTheirTasks() throws Exception {
		ExecutorService tests = Executors.newFixedThreadPool(2);
		try {
			for (boolean shared : new boolean[] { false, true }) {
				java.util.List<java.util.concurrent.Future<String>> runs = new java.util.ArrayList<>();
				for (int test = 1; test <= 2; test++) {
					String item = "item of test " + test + (shared ? " (shared pool)" : "");
					runs.add(tests.submit(() -> checkOneSandbox(item, shared)));
				}
				for (java.util.concurrent.Future<String> run : runs) {
					assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo("ok");
				}
			}
		}
		finally {
			tests.shutdownNow();
		}
	}

	private static String checkOneSandbox(String item, boolean shared) {
		try (Sandbox sandbox = Sandbox.create(HandlerTasksTests.class)) {
			String requestId = sandbox.invoke("fan-out", "{\"item\": \"" + item + "\", \"meet\": true, \"shared\": " + shared
					+ "}").requestId();

			assertThat(sandbox.queue("work").messages()).extracting(SqsMessage::body).containsExactly(item);
			assertThat(sandbox.function("fan-out").logs()).filteredOn(line -> line.startsWith("sending"))
					.containsExactly("sending " + item);
			assertThat(sandbox.journal().ofRequest(requestId)).anySatisfy(entry -> assertThat(entry)
				.isInstanceOfSatisfying(JournalEntry.MessageSent.class, sent -> assertThat(sent.resource()).isEqualTo("sqs:work")));
			return "ok";
		}
	}

	@Test
	void aSynchronousInvokeFromATaskIsRefusedWithTheReason(Sandbox sandbox) {
		String answer = sandbox.invoke("fan-out", "{\"item\": \"never\", \"invoke\": true}").payload();

		assertThat(answer).contains("A synchronous invoke of \\\"greeter\\\" cannot wait on thread")
				.contains("only the handler's own thread waits in virtual time");
		assertThat(sandbox.function("greeter").metric("Invocations")).isZero();
		assertThat(sandbox.queue("work").messages()).isEmpty();
	}

	@Test
	void aThreadTheTestStartsFindsNoSandbox(Sandbox sandbox) {
		SqsClient sqs = SqsClient.create();

		Throwable error = catchThrowable(() -> CompletableFuture.runAsync(() -> sqs.getQueueUrl(b -> b.queueName("work")))
			.join());

		assertThat(error).isInstanceOf(CompletionException.class).cause().isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("where no lambda-sandbox sandbox is open")
			.hasMessageContaining("on a thread the test started itself");
		assertThat(sqs.getQueueUrl(b -> b.queueName("work")).queueUrl()).as("on the test's own thread").endsWith("/work");
	}
}
