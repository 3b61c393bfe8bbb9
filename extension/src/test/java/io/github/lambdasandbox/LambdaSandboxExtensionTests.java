package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@DisplayName("@LambdaSandbox extension")
@Isolated("counts the threads of every sandbox in the JVM")
class LambdaSandboxExtensionTests {

	// --- fixtures, run through the engine ---

	@LambdaSandbox
	@LambdaFunction(name = "lambda-s3", handler = Handlers.Boom.class, onFailure = "sqs:S3-failure")
	static class InjectionTestCase {

		static final Set<Sandbox> SEEN = ConcurrentHashMap.newKeySet();

		Sandbox fromBeforeEach;

		@BeforeEach
		void remember(Sandbox sandbox) {
			fromBeforeEach = sandbox;
		}

		@RepeatedTest(3)
		void eachTestGetsItsOwnSandbox(Sandbox sandbox) {
			assertThat(sandbox).isSameAs(fromBeforeEach);
			assertThat(SEEN.add(sandbox)).isTrue();
			sandbox.invokeAsync("lambda-s3", "{}");
			sandbox.settle();
			assertThat(sandbox.queue("S3-failure").messages()).hasSize(1);
		}

		@Nested
		class Inner {

			@Test
			void nestedClassesSeeTheEnclosingDeclarations(Sandbox sandbox) {
				assertThat(sandbox.function("lambda-s3").name()).isEqualTo("lambda-s3");
			}
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, maximumRetryAttempts = 5)
	static class TooManyRetriesTestCase {

		@Test
		void neverRuns() {
			throw new AssertionError("the test body must not run");
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, maximumEventAgeInSeconds = 30)
	static class TooYoungTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, onFailure = "lambda:audti")
	@LambdaFunction(name = "audit", handler = Handlers.Echo.class)
	static class UnknownFunctionTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, onFailure = "S3-failure")
	static class BareQueueNameTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class)
	@Bucket(name = "images", onObjectCreated = "fm")
	static class UnknownNotificationTargetTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, onSuccess = "lambda:fn")
	static class SelfDestinationTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, onSuccess = "s3:archive")
	static class S3OnSuccessTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, onFailure = "arn:aws:sqs:eu-west-1:111111111111:q")
	static class ForeignArnTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "big", handler = Handlers.Boom.class, reservedConcurrency = 600)
	@LambdaFunction(name = "bigger", handler = Handlers.Boom.class, reservedConcurrency = 301)
	static class TooMuchReservedTestCase {

		@Test
		void neverRuns() {
		}
	}

	@LambdaSandbox
	@LambdaFunction(name = "fn", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "sqs:failures")
	static class ParallelTestCase {

		static final Set<String> REQUEST_IDS = ConcurrentHashMap.newKeySet();

		@RepeatedTest(40)
		void runsInParallel(Sandbox sandbox) {
			String requestId = sandbox.invokeAsync("fn", "{}").requestId();
			sandbox.settle();
			assertThat(sandbox.queue("failures").messages()).singleElement()
					.satisfies(m -> assertThat(m.body()).contains(requestId));
			REQUEST_IDS.add(requestId);
		}
	}

	/** A team's own composed annotation. */
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
	@LambdaSandbox
	@LambdaFunction(name = "lambda-s3", handler = Handlers.Boom.class, onFailure = "sqs:S3-failure")
	@Bucket(name = "images", onObjectCreated = "lambda-s3")
	@interface ImageLab {
	}

	@ImageLab
	static class ComposedAnnotationTestCase {

		@Test
		void declarationsComeFromTheComposedAnnotation(Sandbox sandbox) {
			sandbox.bucket("images").putObject("a.png", "png");
			sandbox.settle();
			assertThat(sandbox.queue("S3-failure").messages()).hasSize(1);
		}
	}

	// --- tests ---

	@Test
	void theAnnotationsWorkAsMetaAnnotations() {
		EngineTestKit.engine("junit-jupiter").selectors(selectClass(ComposedAnnotationTestCase.class)).execute().testEvents()
				.assertStatistics(stats -> stats.started(1).succeeded(1));
	}

	@Test
	void sandboxesAreFreshPerTestAndInjectedIntoLifecycleMethods() {
		InjectionTestCase.SEEN.clear();

		Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InjectionTestCase.class)).execute()
				.testEvents();

		tests.assertStatistics(stats -> stats.started(4).succeeded(4));
		assertThat(InjectionTestCase.SEEN).hasSize(3).allMatch(sandbox -> ((io.github.lambdasandbox.internal.engine.SandboxEngine) sandbox).isClosed());
	}

	@Test
	void invalidDeclarationsFailBeforeTheTestBodyWithAMessageThatNamesTheProblem() {
		assertConfigurationError(TooManyRetriesTestCase.class,
				"@LambdaFunction(name = \"fn\") on TooManyRetriesTestCase: maximumRetryAttempts = 5 must be 0..2, as in AWS (MaximumRetryAttempts).");
		assertConfigurationError(TooYoungTestCase.class,
				"@LambdaFunction(name = \"fn\") on TooYoungTestCase: maximumEventAgeInSeconds = 30 must be 60..21600, as in AWS (MaximumEventAgeInSeconds).");
		assertConfigurationError(UnknownFunctionTestCase.class,
				"@LambdaFunction(name = \"fn\") on UnknownFunctionTestCase: onFailure = \"lambda:audti\": AWS refuses it: \"The destination ARN arn:aws:lambda:us-east-1:123456789012:function:audti is invalid.\" Declared functions: \"fn\", \"audit\".");
		assertConfigurationError(BareQueueNameTestCase.class,
				"@LambdaFunction(name = \"fn\") on BareQueueNameTestCase: onFailure = \"S3-failure\" is neither an ARN nor one of sqs:, sns:, lambda:, events:, s3: followed by a name. Did you mean \"sqs:S3-failure\"?");
		assertConfigurationError(UnknownNotificationTargetTestCase.class,
				"@Bucket(name = \"images\") on UnknownNotificationTargetTestCase: onObjectCreated = \"fm\" names a function that is not declared. Declared functions: \"fn\".");
		assertConfigurationError(SelfDestinationTestCase.class,
				"@LambdaFunction(name = \"fn\") on SelfDestinationTestCase: onSuccess = \"lambda:fn\": AWS refuses it: \"You can't specify the function as a destination for itself.\"");
		assertConfigurationError(S3OnSuccessTestCase.class,
				"@LambdaFunction(name = \"fn\") on S3OnSuccessTestCase: onSuccess = \"s3:archive\": AWS refuses it: \"The provided destination config DestinationConfig(onSuccess=OnSuccess(destination=arn:aws:s3:::archive), onFailure=null) is invalid.\" S3 buckets are supported only for on-failure destinations: use onFailure, or an SQS queue for onSuccess.");
		assertConfigurationError(TooMuchReservedTestCase.class,
				"@LambdaFunction(name = \"bigger\") on TooMuchReservedTestCase: reservedConcurrency = 301 is refused, as AWS refuses it: "
						+ "\"Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below "
						+ "its minimum value of [100].\" The account's concurrency is 1000 (@LambdaSandbox(accountConcurrency)), of "
						+ "which 100 must stay unreserved and 600 is reserved by other functions: reserve at most 300, or raise "
						+ "accountConcurrency.");
		assertConfigurationError(ForeignArnTestCase.class,
				"@LambdaFunction(name = \"fn\") on ForeignArnTestCase: onFailure = \"arn:aws:sqs:eu-west-1:111111111111:q\" is in account 111111111111, region eu-west-1; the sandbox is account 123456789012 in us-east-1. Use the short form (e.g. \"sqs:name\") or an ARN of that account and region.");
	}

	@Test
	void testsMayRunInParallelEachWithItsOwnSandboxAndIdsOfItsOwn() {
		ParallelTestCase.REQUEST_IDS.clear();
		runInParallel(ParallelTestCase.class);
		Set<String> first = Set.copyOf(ParallelTestCase.REQUEST_IDS);

		ParallelTestCase.REQUEST_IDS.clear();
		runInParallel(ParallelTestCase.class);

		// each test derives its seed from its unique id: 40 tests, 40 request ids, the same on every run
		assertThat(first).hasSize(40);
		assertThat(ParallelTestCase.REQUEST_IDS).isEqualTo(first);
	}

	@LambdaSandbox(seed = 42)
	@LambdaFunction(name = "fn", handler = Handlers.Echo.class)
	static class FixedSeedTestCase {

		static final Set<String> REQUEST_IDS = ConcurrentHashMap.newKeySet();

		@RepeatedTest(5)
		void sameSeed(Sandbox sandbox) {
			REQUEST_IDS.add(sandbox.invokeAsync("fn", "{}").requestId());
		}
	}

	@Test
	void aFixedSeedGivesEveryTestTheSameIds() {
		FixedSeedTestCase.REQUEST_IDS.clear();

		runInParallel(FixedSeedTestCase.class);

		assertThat(FixedSeedTestCase.REQUEST_IDS).hasSize(1);
	}

	private static void runInParallel(Class<?> testCase) {
		int tests = testCase == ParallelTestCase.class ? 40 : 5;
		EngineTestKit.engine("junit-jupiter")
				.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
				.configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
				.configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
				.configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
				.selectors(selectClass(testCase)).execute().testEvents()
				.assertStatistics(stats -> stats.started(tests).succeeded(tests));
	}

	@Test
	void noThreadOfASandboxOutlivesItsTest() {
		Set<Thread> before = sandboxThreads();

		EngineTestKit.engine("junit-jupiter").selectors(selectClass(ParallelTestCase.class)).execute();

		Set<Thread> leftovers = sandboxThreads();
		leftovers.removeAll(before);
		assertThat(leftovers).isEmpty();
	}

	private static Set<Thread> sandboxThreads() {
		Set<Thread> threads = ConcurrentHashMap.newKeySet();
		Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lambda-sandbox-")).forEach(threads::add);
		return threads;
	}

	private static void assertConfigurationError(Class<?> testCase, String expectedMessage) {
		EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute().testEvents()
				.assertStatistics(stats -> stats.started(1).failed(1))
				.assertThatEvents().haveExactly(1, finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
						message(expectedMessage)));
	}
}
