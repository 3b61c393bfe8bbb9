package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.AttemptStarted;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code System.exit} in handler code, as AWS's Java runtime has it: the runtime process exits, the invocation fails
 * with {@code Runtime.ExitError}, and the execution environment is gone. The test's JVM goes on.
 */
@DisplayName("System.exit in a handler: Runtime.ExitError, the environment discarded, the JVM alive")
class RuntimeExitTests {

	/** Counts its calls (per instance: per environment); exits with {@code "exit"} if the event has one. */
	public static class Exiting implements RequestHandler<Map<String, Object>, Integer> {

		private int calls;

		@Override
		public Integer handleRequest(Map<String, Object> event, Context context) {
			calls++;
			Object status = event.get("exit");
			if (status != null) {
				System.out.println("exiting with " + status);
				switch (String.valueOf(event.getOrDefault("how", "System.exit"))) {
					case "Runtime.exit" -> Runtime.getRuntime().exit(((Number) status).intValue());
					case "Runtime.halt" -> Runtime.getRuntime().halt(((Number) status).intValue());
					default -> System.exit(((Number) status).intValue());
				}
			}
			return calls;
		}
	}

	/** Exits, and wraps what that throws as code that catches everything would. */
	public static class ExitsInsideCatchAll implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			try {
				System.exit(2);
				return "unreachable";
			}
			catch (Throwable t) {
				throw new IllegalStateException("cleanup failed", t);
			}
		}
	}

	/** Exits while it is constructed: during the cold start. */
	public static class ExitsOnColdStart implements RequestHandler<Map<String, Object>, String> {

		public ExitsOnColdStart() {
			System.exit(1);
		}

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "unreachable";
		}
	}

	@LambdaFunction(name = "exiting", handler = Exiting.class, onFailure = "sqs:failures")
	@LambdaFunction(name = "catch-all", handler = ExitsInsideCatchAll.class)
	@LambdaFunction(name = "cold-exit", handler = ExitsOnColdStart.class)
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void anExitWithAStatusFailsTheInvocationWithRuntimeExitError() {
		InvokeResult result = sandbox.invoke("exiting", "{\"exit\": 3}");

		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.functionError()).isEqualTo("Unhandled");
		// AWS's payload, its keys in AWS's order
		assertThat(result.payload()).isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
				+ result.requestId() + " Error: Runtime exited with error: exit status 3\"}");
	}

	@Test
	void anExitWithStatusZeroFailsWithoutAReason() {
		InvokeResult result = sandbox.invoke("exiting", "{\"exit\": 0}");

		assertThat(result.functionError()).isEqualTo("Unhandled");
		assertThat(result.payload()).isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
				+ result.requestId() + " Error: Runtime exited without providing a reason\"}");
	}

	@Test
	void theStatusIsWhatTheProcessReportsItsLowEightBits() {
		assertThat(sandbox.invoke("exiting", "{\"exit\": -1}").payload()).endsWith("exit status 255\"}");
		assertThat(sandbox.invoke("exiting", "{\"exit\": 256}").payload())
				.endsWith("Runtime exited without providing a reason\"}");
	}

	@Test
	void runtimeExitAndHaltEndTheInvocationTheSameWay() {
		assertThat(sandbox.invoke("exiting", "{\"exit\": 4, \"how\": \"Runtime.exit\"}").payload())
				.startsWith("{\"errorType\":\"Runtime.ExitError\"").endsWith("exit status 4\"}");
		assertThat(sandbox.invoke("exiting", "{\"exit\": 5, \"how\": \"Runtime.halt\"}").payload())
				.startsWith("{\"errorType\":\"Runtime.ExitError\"").endsWith("exit status 5\"}");
	}

	@Test
	void theEnvironmentIsDiscardedAndTheNextInvocationStartsCold() {
		assertThat(sandbox.invoke("exiting", "{}").payload()).isEqualTo("1");
		assertThat(sandbox.invoke("exiting", "{}").payload()).isEqualTo("2");
		sandbox.invoke("exiting", "{\"exit\": 1}");

		assertThat(sandbox.invoke("exiting", "{}").payload()).isEqualTo("1");
		assertThat(sandbox.journal().entries(AttemptStarted.class)).extracting(AttemptStarted::coldStart)
				.containsExactly(true, false, false, true);
		List<String> streams = sandbox.journal().entries(AttemptStarted.class).stream().map(AttemptStarted::environment)
				.distinct().toList();
		assertThat(streams).hasSize(2);
	}

	@Test
	void theLogShowsLambdasLinesAndTheReportSaysTheRuntimeExited() {
		InvokeResult result = sandbox.invoke("exiting", "{\"exit\": 1}");
		String id = result.requestId();

		List<String> logs = sandbox.function("exiting").logs();
		assertThat(logs.subList(0, 5)).containsExactly("START RequestId: " + id + " Version: $LATEST", "exiting with 1",
				"RequestId: " + id + " Error: Runtime exited with error: exit status 1", "Runtime.ExitError",
				"END RequestId: " + id);
		assertThat(logs.get(5)).startsWith("REPORT RequestId: " + id + "\tDuration: ").contains("\tInit Duration: ")
				.endsWith("\tStatus: error\tError Type: Runtime.ExitError\t");
	}

	@Test
	void anAsynchronousEventIsRetriedAsAFunctionErrorAndItsRecordCarriesTheExitError() {
		String requestId = sandbox.invokeAsync("exiting", "{\"exit\": 7}").requestId();
		sandbox.settle();

		assertThat(sandbox.function("exiting").metric("Invocations")).isEqualTo(3);
		assertThat(sandbox.journal().entries(AttemptStarted.class)).allMatch(AttemptStarted::coldStart);
		JsonNode record = Fixtures.parse(sandbox.queue("failures").messages().get(0).body());
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
		assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
		assertThat(record.at("/responsePayload/errorType").asText()).isEqualTo("Runtime.ExitError");
		assertThat(record.at("/responsePayload/errorMessage").asText())
				.isEqualTo("RequestId: " + requestId + " Error: Runtime exited with error: exit status 7");
	}

	@Test
	void codeThatCatchesTheExitAndWrapsItCannotStopIt() {
		InvokeResult result = sandbox.invoke("catch-all", "{}");

		assertThat(result.payload()).isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
				+ result.requestId() + " Error: Runtime exited with error: exit status 2\"}");
	}

	@Test
	void anExitDuringTheColdStartFailsEveryInvocationWithANewEnvironmentEachTime() {
		InvokeResult first = sandbox.invoke("cold-exit", "{}");
		InvokeResult second = sandbox.invoke("cold-exit", "{}");

		assertThat(first.payload()).endsWith("Error: Runtime exited with error: exit status 1\"}");
		assertThat(second.payload()).endsWith("Error: Runtime exited with error: exit status 1\"}");
		assertThat(sandbox.journal().entries(AttemptStarted.class)).allMatch(AttemptStarted::coldStart).hasSize(2);
	}

	@Test
	void theLastErrorIsTheExitForAssertionMessages() {
		sandbox.invoke("exiting", "{\"exit\": 9}");

		assertThat(sandbox.function("exiting").lastError()).get().asString()
				.contains("System.exit(9) in handler code: the runtime exits with status 9");
	}
}
