package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Deploy, test, deploy again: PublishVersion snapshots the code, aliases name versions and move, and each qualifier has
 * its own configuration for asynchronous invocation, as in AWS.
 */
@DisplayName("Versions and aliases: snapshots, qualifiers, records and contexts as AWS writes them")
class VersionsAndAliasesTests {

	/** Answers "v1". */
	public static class V1 implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "v1";
		}
	}

	/** Answers "v2". */
	public static class V2 implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "v2";
		}
	}

	/** Fails with "v2 is broken". */
	public static class BrokenV2 implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			throw new IllegalStateException("v2 is broken");
		}
	}

	/** Answers what its Context says about the invocation. */
	public static class ContextReporter implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			context.getLogger().log("running " + context.getFunctionVersion());
			return Map.of("invokedArn", context.getInvokedFunctionArn(), "version", context.getFunctionVersion(),
					"logStream", context.getLogStreamName());
		}
	}

	@LambdaFunction(name = "orders", handler = V1.class, onFailure = "sqs:latest-failures")
	@LambdaFunction(name = "reporter", handler = ContextReporter.class)
	@LambdaFunction(name = "boom", handler = Handlers.Boom.class)
	@Queue(name = "prod-failures")
	@Queue(name = "prod-successes")
	@Queue(name = "dlq")
	@LambdaSandbox(seed = 7)
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void publishingAgainWithoutAChangeAnswersWithTheLatestVersion() {
		FunctionHandle orders = sandbox.function("orders");

		String first = orders.publishVersion();
		String again = orders.publishVersion();
		orders.updateCode(V2.class);
		String second = orders.publishVersion();

		assertThat(List.of(first, again, second)).containsExactly("1", "1", "2");
		assertThat(orders.versions()).containsExactly("$LATEST", "1", "2");
	}

	@Test
	void aVersionKeepsTheCodeItWasPublishedWith() {
		FunctionHandle orders = sandbox.function("orders");
		orders.publishVersion();
		orders.updateCode(V2.class);

		InvokeResult one = sandbox.invoke("orders:1", "{}");
		InvokeResult latest = sandbox.invoke("orders", "{}");

		assertThat(one.payload()).isEqualTo("\"v1\"");
		assertThat(one.executedVersion()).isEqualTo("1");
		assertThat(latest.payload()).isEqualTo("\"v2\"");
		assertThat(latest.executedVersion()).isEqualTo("$LATEST");
	}

	@Test
	void anAliasInvokesItsVersionUntilItIsMoved() {
		FunctionHandle orders = sandbox.function("orders");
		orders.createAlias("prod", orders.publishVersion());
		orders.updateCode(V2.class);
		String two = orders.publishVersion();

		InvokeResult before = sandbox.invoke("orders:prod", "{}");
		AliasConfiguration moved = orders.updateAlias("prod", two);
		InvokeResult after = sandbox.invoke("arn:aws:lambda:us-east-1:123456789012:function:orders:prod", "{}");

		assertThat(before.payload()).isEqualTo("\"v1\"");
		assertThat(before.executedVersion()).isEqualTo("1");
		assertThat(moved).isEqualTo(new AliasConfiguration("prod", "arn:aws:lambda:us-east-1:123456789012:function:orders:prod",
				"2", Map.of()));
		assertThat(after.payload()).isEqualTo("\"v2\"");
		assertThat(after.executedVersion()).isEqualTo("2");
		assertThat(orders.aliases()).containsExactly(moved);
	}

	@Test
	void theContextHasTheArnAsInvokedAndTheVersionThatRuns() {
		FunctionHandle reporter = sandbox.function("reporter");
		reporter.createAlias("live", reporter.publishVersion());

		JsonNode unqualified = Fixtures.parse(sandbox.invoke("reporter", "{}").payload());
		JsonNode alias = Fixtures.parse(sandbox.invoke("reporter:live", "{}").payload());
		JsonNode version = Fixtures.parse(reporter.sandbox().function("reporter:1").invoke("{}").payload());

		assertThat(unqualified.get("invokedArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:reporter");
		assertThat(unqualified.get("version").asText()).isEqualTo("$LATEST");
		assertThat(unqualified.get("logStream").asText()).matches("2025/01/01/\\[\\$LATEST][0-9a-f]{32}");
		assertThat(alias.get("invokedArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:reporter:live");
		assertThat(alias.get("version").asText()).isEqualTo("1");
		assertThat(alias.get("logStream").asText()).matches("2025/01/01/\\[1][0-9a-f]{32}");
		assertThat(version.get("invokedArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:reporter:1");
		assertThat(version.get("logStream").asText()).as("version 1's environment serves the alias and the version")
				.isEqualTo(alias.get("logStream").asText());
	}

	@Test
	void aNewVersionStartsColdInEnvironmentsOfItsOwnAndLogsItsVersion() {
		FunctionHandle reporter = sandbox.function("reporter");
		sandbox.invoke("reporter", "{}");
		reporter.publishVersion();

		sandbox.invoke("reporter:1", "{}");

		List<JournalEntry.AttemptStarted> starts = sandbox.journal().entries(JournalEntry.AttemptStarted.class);
		assertThat(starts).extracting(JournalEntry.AttemptStarted::version).containsExactly("$LATEST", "1");
		assertThat(starts).extracting(JournalEntry.AttemptStarted::coldStart).containsExactly(true, true);
		assertThat(reporter.logs()).filteredOn(line -> line.startsWith("START")).hasSize(2)
				.anySatisfy(line -> assertThat(line).endsWith(" Version: $LATEST"))
				.anySatisfy(line -> assertThat(line).endsWith(" Version: 1"));
		assertThat(reporter.logs()).contains("running 1");
	}

	@Test
	void anEventSentToAnAliasFollowsTheAliasConfigurationAndItsRecordNamesTheAlias() {
		FunctionHandle boom = sandbox.function("boom");
		boom.createAlias("prod", boom.publishVersion());
		sandbox.function("boom:prod").putEventInvokeConfig(EventInvokeConfig.builder().maximumRetryAttempts(0)
				.onFailure("sqs:prod-failures").build());

		String requestId = sandbox.invokeAsync("boom:prod", "{\"order\": 7}").requestId();
		sandbox.settle();

		JsonNode record = Fixtures.parse(sandbox.queue("prod-failures").messages().get(0).body());
		assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
		assertThat(record.at("/requestContext/functionArn").asText())
				.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:boom:prod");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("1");
		assertThat(sandbox.timeline()).contains("(function boom:prod)", "attempt 1 (version 1) → function error");
	}

	@Test
	void aPublishedVersionDoesNotInheritTheFunctionsConfigurationForAsynchronousInvocation() {
		FunctionHandle orders = sandbox.function("orders");
		orders.updateCode(Handlers.Boom.class);
		orders.publishVersion();

		sandbox.invokeAsync("orders:1", "{}");
		sandbox.invokeAsync("orders", "{}");
		sandbox.settle();

		// version 1 has no EventInvokeConfig: Lambda's defaults, 3 attempts and no destination
		assertThat(sandbox.function("orders:1").eventInvokeConfig()).isEmpty();
		assertThat(sandbox.function("orders:1").metric("Invocations")).isEqualTo(3);
		assertThat(sandbox.function("orders:1").metric("AsyncEventsDropped")).isEqualTo(1);
		JsonNode record = Fixtures.parse(sandbox.queue("latest-failures").messages().get(0).body());
		assertThat(sandbox.queue("latest-failures").messages()).hasSize(1);
		assertThat(record.at("/requestContext/functionArn").asText())
				.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST");
		assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
	}

	@Test
	void eachQualifierHasItsOwnEventInvokeConfig() {
		FunctionHandle orders = sandbox.function("orders");
		orders.createAlias("prod", orders.publishVersion());
		FunctionHandle prod = sandbox.function("orders:prod");

		prod.putEventInvokeConfig(EventInvokeConfig.builder().maximumEventAgeInSeconds(120).onSuccess("sqs:prod-successes")
				.build());

		assertThat(prod.eventInvokeConfig()).contains(new EventInvokeConfig(null, 120,
				"arn:aws:sqs:us-east-1:123456789012:prod-successes", null));
		assertThat(prod.onSuccess()).contains("sqs:prod-successes");
		assertThat(sandbox.function("orders:1").eventInvokeConfig()).isEmpty();
		assertThat(orders.eventInvokeConfig()).contains(new EventInvokeConfig(null, null, null,
				"arn:aws:sqs:us-east-1:123456789012:latest-failures"));
		prod.deleteEventInvokeConfig();
		assertThat(prod.eventInvokeConfig()).isEmpty();
		assertThat(orders.onFailure()).contains("sqs:latest-failures");
	}

	@Test
	void theDeadLetterQueueIsTheFunctionsAndServesEveryVersion() {
		FunctionHandle boom = sandbox.function("boom");
		String one = boom.publishVersion();
		boom.updateDeadLetterConfig("sqs:dlq");

		String requestId = sandbox.invokeAsync("boom:" + one, "{\"order\": 1}").requestId();
		sandbox.settle();

		assertThat(sandbox.function("boom:1").deadLetterQueue()).contains("sqs:dlq");
		SqsMessage deadLetter = sandbox.queue("dlq").messages().get(0);
		assertThat(deadLetter.body()).isEqualTo("{\"order\": 1}");
		assertThat(deadLetter.attribute("RequestID")).isEqualTo(requestId);
	}

	@Test
	void anAliasMovedWhileAnEventWaitsForItsRetryRunsTheRetryOnTheNewVersion() {
		FunctionHandle orders = sandbox.function("orders");
		orders.updateCode(BrokenV2.class);
		String broken = orders.publishVersion();
		orders.updateCode(V1.class);
		String fixed = orders.publishVersion();
		orders.createAlias("prod", broken);
		sandbox.function("orders:prod").putEventInvokeConfig(EventInvokeConfig.builder().onSuccess("sqs:prod-successes")
				.build());
		sandbox.clock().pause();
		sandbox.invokeAsync("orders:prod", "{}");
		sandbox.settle();

		orders.updateAlias("prod", fixed);
		sandbox.clock().advance(Duration.ofMinutes(1));

		JsonNode record = Fixtures.parse(sandbox.queue("prod-successes").messages().get(0).body());
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
		assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo(fixed);
		assertThat(record.at("/responsePayload").asText()).isEqualTo("v1");
		assertThat(sandbox.journal().entries(JournalEntry.AttemptStarted.class))
				.extracting(JournalEntry.AttemptStarted::version).containsExactly(broken, fixed);
	}

	@Test
	void aRoutingConfigurationSplitsInvocationsTheSameWayOnEveryRun() {
		List<String> first = routedVersions();
		List<String> second = routedVersions();

		assertThat(second).isEqualTo(first);
		assertThat(first).containsOnly("1", "2");
		assertThat(first.stream().filter("2"::equals).count()).as("about 30 of 100 to version 2").isBetween(15L, 45L);
	}

	private static List<String> routedVersions() {
		try (Sandbox sandbox = Sandbox.create(Declarations.class)) {
			FunctionHandle orders = sandbox.function("orders");
			String one = orders.publishVersion();
			orders.updateCode(V2.class);
			String two = orders.publishVersion();
			AliasConfiguration canary = orders.createAlias("canary", one, Map.of(two, 0.3));
			assertThat(canary.additionalVersionWeights()).isEqualTo(Map.of("2", 0.3));
			List<String> versions = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				InvokeResult result = sandbox.invoke("orders:canary", "{}");
				versions.add(result.executedVersion());
				assertThat(result.payload()).isEqualTo(result.executedVersion().equals("1") ? "\"v1\"" : "\"v2\"");
			}
			return versions;
		}
	}

	@Test
	void aVersionsOrAliasesMetricsAndLogsAreThoseOfTheInvocationsMadeThroughIt() {
		FunctionHandle orders = sandbox.function("orders");
		orders.createAlias("prod", orders.publishVersion());

		sandbox.invoke("orders:prod", "{}");
		sandbox.invoke("orders:prod", "{}");
		sandbox.invoke("orders", "{}");

		assertThat(sandbox.function("orders:prod").metric("Invocations")).isEqualTo(2);
		assertThat(sandbox.function("orders:1").metric("Invocations")).as("none was made through version 1's name").isZero();
		assertThat(orders.metric("Invocations")).isEqualTo(3);
		assertThat(sandbox.function("orders:prod").logs()).filteredOn(line -> line.startsWith("START")).hasSize(2)
				.allSatisfy(line -> assertThat(line).endsWith("Version: 1"));
	}

	@Test
	void anUnknownVersionOrAliasIsNotFoundWithWhatTheFunctionHas() {
		FunctionHandle orders = sandbox.function("orders");
		orders.createAlias("prod", orders.publishVersion());

		Throwable invoke = catchThrowable(() -> sandbox.invokeAsync("orders:staging", "{}"));
		Throwable handle = catchThrowable(() -> sandbox.function("orders:3"));

		assertThat(invoke).isInstanceOf(LambdaServiceException.class).hasMessage("Function not found: "
				+ "arn:aws:lambda:us-east-1:123456789012:function:orders:staging. Function \"orders\" has versions $LATEST, 1 "
				+ "and alias \"prod\". Publish a version with function(\"orders\").publishVersion(); name one with "
				+ "createAlias(name, version).");
		assertThat(((LambdaServiceException) invoke).statusCode()).isEqualTo(404);
		assertThat(handle).hasMessageStartingWith("Function not found: "
				+ "arn:aws:lambda:us-east-1:123456789012:function:orders:3. ");
	}

	@Test
	void whatBelongsToTheFunctionIsChangedThroughTheFunctionsHandle() {
		FunctionHandle orders = sandbox.function("orders");
		orders.createAlias("prod", orders.publishVersion());

		Throwable error = catchThrowable(() -> sandbox.function("orders:prod").publishVersion());

		assertThat(error).isInstanceOf(LambdaServiceException.class).hasMessage("This operation is permitted on Lambda "
				+ "functions only. Aliases and versions do not support this operation. Please specify either a function name or "
				+ "an unqualified function ARN. Call publishVersion() on sandbox.function(\"orders\").");
		assertThat(sandbox.function("orders:prod").qualifier()).isEqualTo("prod");
		assertThat(sandbox.function("orders:prod").arn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders:prod");
		assertThat(orders.qualifier()).isNull();
	}

	@Test
	void aDeletedAliasCannotBeInvokedAndDeletingItAgainIsNoError() {
		FunctionHandle orders = sandbox.function("orders");
		orders.createAlias("prod", orders.publishVersion());

		orders.deleteAlias("prod");
		orders.deleteAlias("prod");

		assertThat(orders.aliases()).isEmpty();
		assertThat(catchThrowable(() -> sandbox.invoke("orders:prod", "{}"))).isInstanceOf(LambdaServiceException.class)
				.hasMessageStartingWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:orders:prod.");
	}
}
