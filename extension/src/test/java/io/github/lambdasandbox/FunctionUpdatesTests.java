package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.AttemptStarted;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Edit, deploy, test again: a running sandbox's functions change as in AWS — PutFunctionEventInvokeConfig,
 * DeleteFunctionEventInvokeConfig, UpdateFunctionCode and a dead-letter queue set by UpdateFunctionConfiguration.
 */
@DisplayName("Changing a function while the sandbox runs: event invoke config, code, dead-letter queue")
class FunctionUpdatesTests {

	/** Answers "v1" after waiting {@code "wait"} virtual seconds. */
	public static class Version1 implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			if (event.containsKey("wait")) {
				try {
					Thread.sleep(((Number) event.get("wait")).longValue() * 1000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			return "v1";
		}
	}

	/** Answers "v2". */
	public static class Version2 implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "v2";
		}
	}

	@LambdaFunction(name = "boom", handler = Handlers.Boom.class, onFailure = "sqs:declared-failures")
	@LambdaFunction(name = "plain", handler = Handlers.Boom.class)
	@LambdaFunction(name = "deployed", handler = Version1.class, timeout = 60, onSuccess = "sqs:done")
	@Queue(name = "other-failures")
	@Queue(name = "dlq")
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void aDeclaredFunctionHasTheEventInvokeConfigItsDeclarationSets() {
		assertThat(sandbox.function("boom").eventInvokeConfig()).contains(new EventInvokeConfig(null, null, null,
				"arn:aws:sqs:us-east-1:123456789012:declared-failures"));
		assertThat(sandbox.function("plain").eventInvokeConfig()).isEmpty();
	}

	@Test
	void aPutConfigReplacesTheWholeConfigAndAppliesToTheNextEvent() {
		FunctionHandle boom = sandbox.function("boom");

		boom.putEventInvokeConfig(EventInvokeConfig.builder().maximumRetryAttempts(0).onFailure("sqs:other-failures").build());
		sandbox.invokeAsync("boom", "{}");
		sandbox.settle();

		assertThat(boom.eventInvokeConfig()).contains(new EventInvokeConfig(0, null, null,
				"arn:aws:sqs:us-east-1:123456789012:other-failures"));
		assertThat(boom.onFailure()).contains("sqs:other-failures");
		assertThat(boom.metric("Invocations")).isEqualTo(1);
		JsonNode record = Fixtures.parse(sandbox.queue("other-failures").messages().get(0).body());
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(sandbox.queue("declared-failures").messages()).isEmpty();
	}

	@Test
	void aPutConfigAppliesToAnEventAlreadyWaitingForItsRetry() {
		sandbox.clock().pause();
		sandbox.invokeAsync("boom", "{}");
		sandbox.settle();
		assertThat(sandbox.function("boom").metric("Invocations")).isEqualTo(1);

		sandbox.function("boom").putEventInvokeConfig(EventInvokeConfig.builder().maximumRetryAttempts(0)
				.onFailure("arn:aws:sqs:us-east-1:123456789012:other-failures").build());
		sandbox.clock().resume();
		sandbox.settle();

		// the retry scheduled before the change still runs; then the new limit (no retries) ends the event
		assertThat(sandbox.function("boom").metric("Invocations")).isEqualTo(2);
		JsonNode record = Fixtures.parse(sandbox.queue("other-failures").messages().get(0).body());
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
	}

	@Test
	void deletingTheConfigGoesBackToLambdasDefaults() {
		FunctionHandle boom = sandbox.function("boom");

		boom.deleteEventInvokeConfig();
		sandbox.invokeAsync("boom", "{}");
		sandbox.settle();

		assertThat(boom.eventInvokeConfig()).isEmpty();
		assertThat(boom.onFailure()).isEmpty();
		assertThat(boom.metric("Invocations")).isEqualTo(3);
		assertThat(boom.metric("AsyncEventsDropped")).isEqualTo(1);
		assertThat(sandbox.queue("declared-failures").messages()).isEmpty();
	}

	@Test
	void aDeadLetterQueueSetAtRunTimeReceivesTheNextFailedEvent() {
		FunctionHandle plain = sandbox.function("plain");

		plain.updateDeadLetterConfig("sqs:dlq");
		sandbox.invokeAsync("plain", "{\"n\": 1}");
		sandbox.settle();
		plain.updateDeadLetterConfig("");
		sandbox.invokeAsync("plain", "{\"n\": 2}");
		sandbox.settle();

		assertThat(sandbox.queue("dlq").messages()).singleElement()
				.satisfies(message -> assertThat(message.body()).isEqualTo("{\"n\": 1}"));
		assertThat(plain.deadLetterQueue()).isEmpty();
	}

	@Test
	void newCodeServesNewEnvironmentsWhileARunningAttemptFinishesWithTheOld() {
		FunctionHandle deployed = sandbox.function("deployed");
		sandbox.clock().pause();
		sandbox.invokeAsync("deployed", "{\"wait\": 10}");
		sandbox.settle();

		deployed.updateCode(Version2.class);
		String whileTheOldRuns = deployed.invoke("{}").payload();
		sandbox.clock().advance(Duration.ofSeconds(10));
		String afterwards = deployed.invoke("{}").payload();

		assertThat(whileTheOldRuns).isEqualTo("\"v2\"");
		assertThat(afterwards).isEqualTo("\"v2\"");
		JsonNode record = Fixtures.parse(sandbox.queue("done").messages().get(0).body());
		assertThat(record.get("responsePayload").asText()).isEqualTo("v1");
		// the old environment was retired when its attempt ended: the v2 environment served the last call
		assertThat(sandbox.journal().entries(AttemptStarted.class)).extracting(AttemptStarted::coldStart)
				.containsExactly(true, true, false);
	}

	@Test
	void newCodeRetiresIdleEnvironments() {
		FunctionHandle deployed = sandbox.function("deployed");
		assertThat(deployed.invoke("{}").payload()).isEqualTo("\"v1\"");

		deployed.updateCode(Version2.class);

		assertThat(deployed.invoke("{}").payload()).isEqualTo("\"v2\"");
		assertThat(sandbox.journal().entries(AttemptStarted.class)).extracting(AttemptStarted::coldStart)
				.containsExactly(true, true);
		assertThat(deployed.onSuccess()).contains("sqs:done");
	}
}
