package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

@DisplayName("Tests end promptly and report what they leave behind; user code cannot poison the engine")
class TestEndsTests {

	/** Computes for real until interrupted; its timeout is 15 minutes. */
	public static class Spinning implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.onSpinWait();
			}
			return "interrupted";
		}
	}

	/** Throws an exception whose getMessage() throws. */
	public static class Treacherous implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			throw new RuntimeException() {

				private static final long serialVersionUID = 1L;

				@Override
				public String getMessage() {
					throw new IllegalStateException("no message for you");
				}
			};
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "spinning", handler = Spinning.class, timeout = 900)
	static class TimeoutTestCase {

		@Test
		@Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
		void endsAtItsTimeout(Sandbox sandbox) {
			sandbox.invoke("spinning", "{}");
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "boom", handler = Handlers.Boom.class)
	static class PendingTestCase {

		@Test
		void leavesRetriesBehind(Sandbox sandbox) {
			sandbox.clock().pause();
			sandbox.invokeAsync("boom", "{}");
			sandbox.settle();
		}
	}

	@LambdaSandbox(failOnPendingWork = true)
	@LambdaFunction(name = "boom", handler = Handlers.Boom.class)
	static class StrictPendingTestCase {

		@Test
		void leavesRetriesBehind(Sandbox sandbox) {
			sandbox.clock().pause();
			sandbox.invokeAsync("boom", "{}");
			sandbox.settle();
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "boom", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "sqs:failures")
	static class ManyEventsTestCase {

		@Test
		void tenThousandEventsAndAWrongExpectation(Sandbox sandbox) {
			for (int i = 0; i < 10_000; i++) {
				sandbox.invokeAsync("boom", "{\"n\": " + i + "}");
			}
			sandbox.settle();
			throw new AssertionError("the report entry is what this test is about");
		}
	}

	@Test
	void jUnitsTimeoutEndsATestWhoseHandlerRunsForRealWithoutWaitingForItsFunctionTimeout() {
		long started = System.nanoTime();
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TimeoutTestCase.class))
				.execute();

		results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
		// the handler's timeout is 15 minutes: the test ended on JUnit's, and the handler was interrupted
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
		Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow().getPayload(
				org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
		assertThat(failure).hasMessageContaining("timed out after 500 milliseconds");
	}

	@Test
	void workLeftOnAPausedClockIsReportedAfterTheTest() {
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(PendingTestCase.class))
				.execute();

		results.testEvents().assertStatistics(stats -> stats.succeeded(1));
		assertThat(reportEntries(results)).anySatisfy(entry -> assertThat(entry.getKeyValuePairs())
				.containsKey("lambda-sandbox pending work")
				.hasEntrySatisfying("lambda-sandbox pending work", text -> assertThat(text).startsWith("The test ended with work "
						+ "still to come: 1 action scheduled, the next at +60s (retry 1 of request ")));
	}

	@Test
	void workLeftOnAPausedClockFailsTheTestWhenAskedTo() {
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(StrictPendingTestCase.class))
				.execute();

		results.testEvents().assertStatistics(stats -> stats.failed(1));
		Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow().getPayload(
				org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
		assertThat(failure).hasMessageStartingWith("The test ended with work still to come: 1 action scheduled, the next at +60s");
	}

	@Test
	void theTimelineInTheReportIsBoundedHoweverManyEvents() {
		EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ManyEventsTestCase.class))
				.execute();

		String timeline = reportEntries(results).stream().map(e -> e.getKeyValuePairs().get("lambda-sandbox timeline"))
				.filter(t -> t != null).findFirst().orElseThrow();
		assertThat(timeline.length()).isLessThan(20_000);
		assertThat(timeline).contains("… 9980 more requests (sandbox.journal() has every entry)");
	}

	@LambdaFunction(name = "treacherous", handler = Treacherous.class, maximumRetryAttempts = 0, onFailure = "sqs:failures",
			deadLetterQueue = "sqs:dlq")
	static class TreacherousDeclarations {
	}

	@Test
	void anExceptionWhoseMessageThrowsIsReportedAndTheSandboxGoesOn() {
		try (Sandbox sandbox = Sandbox.create(TreacherousDeclarations.class)) {
			String requestId = sandbox.invokeAsync("treacherous", "{}").requestId();
			sandbox.settle();

			assertThat(sandbox.queue("failures").messages()).singleElement().satisfies(m -> assertThat(m.body())
					.contains("\"errorMessage\":\"(" + Treacherous.class.getName() + "$1.getLocalizedMessage() threw "
							+ "java.lang.IllegalStateException)\""));
			assertThat(sandbox.queue("dlq").messages()).singleElement()
					.satisfies(m -> assertThat(m.attribute("RequestID")).isEqualTo(requestId));
			assertThat(sandbox.invoke("treacherous", "{}").functionError()).isEqualTo("Unhandled");
		}
	}

	private static List<ReportEntry> reportEntries(EngineExecutionResults results) {
		return results.allEvents().reportingEntryPublished().stream().map(Event::getPayload)
				.map(p -> p.map(ReportEntry.class::cast).orElseThrow()).toList();
	}
}
