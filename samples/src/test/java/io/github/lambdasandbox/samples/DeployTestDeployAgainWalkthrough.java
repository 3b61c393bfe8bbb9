package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.util.Map;

import io.github.lambdasandbox.EventInvokeConfig;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.PercentCouponPriceHandler;
import io.github.lambdasandbox.samples.handlers.PriceHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Walk-through: deploy, test, deploy again — with versions and an alias, as a release in AWS goes.
 *
 * <p>Nothing is declared: the test deploys at run time. Release 1 of {@code price} is published as version 1 and the
 * alias {@code prod} points at it; clients invoke {@code price:prod}. Release 2 is deployed and published as version 2
 * while {@code prod} still serves version 1; a canary alias sends a share of the traffic to it; then {@code prod} moves
 * to version 2, a failure is recorded with the alias's ARN and the version that ran, and {@code prod} goes back to 1.
 *
 * <p>What AWS does, and the sandbox with it: a version is a snapshot that later deploys do not change; each qualifier
 * ({@code $LATEST}, a version, an alias) has its own configuration for asynchronous invocation, and a new version has
 * none until one is put on it; the dead-letter queue belongs to the function.
 */
@LambdaSandbox
@DisplayName("Walk-through: deploy, test, deploy again with versions and an alias")
@Order(8)
class DeployTestDeployAgainWalkthrough {

	static final String ORDER = """
			{"item": "book", "coupon": "TEN"}""";

	@Test
	@Order(1)
	@DisplayName("release 1: create the function, publish version 1, point prod at it")
	void releaseOneServesProd(Sandbox sandbox) {
		FunctionHandle price = releaseOne(sandbox);

		assertThat(price.versions()).containsExactly("$LATEST", "1");
		assertThat(sandbox.invoke("price:prod", ORDER))
				.hasStatusCode(200)
				.hasNoFunctionError()
				.hasExecutedVersion("1")
				.hasPayload("{\"item\": \"book\", \"cents\": 90, \"version\": \"1\"}");
		assertThat(function("price:prod")).wasInvoked(1).succeeded().hasLogLineMatching("START .* Version: 1");
	}

	@Test
	@Order(2)
	@DisplayName("release 2 is deployed and published as version 2; prod still runs version 1")
	void aNewVersionDoesNotChangeWhatProdRuns(Sandbox sandbox) {
		FunctionHandle price = releaseOne(sandbox);

		String two = releaseTwo(price);

		assertThat(two).isEqualTo("2");
		assertThat(price.publishVersion()).as("nothing changed since: no new version").isEqualTo("2");
		assertThat(sandbox.invoke("price:prod", ORDER)).hasExecutedVersion("1").hasPayloadContaining("{\"cents\": 90}");
		assertThat(sandbox.invoke("price", ORDER)).as("$LATEST runs release 2")
				.hasExecutedVersion("$LATEST")
				.hasFunctionError("Unhandled")
				.hasErrorType(IllegalArgumentException.class)
				.hasErrorMessage("coupon TEN is not a percentage");
	}

	@Test
	@Order(3)
	@DisplayName("a canary alias sends 20 % of the traffic to version 2, the same requests on every run")
	void aCanarySplitsTheTraffic(Sandbox sandbox) {
		FunctionHandle price = releaseOne(sandbox);
		releaseTwo(price);
		price.createAlias("canary", "1", Map.of("2", 0.2));

		int onTwo = 0;
		for (int i = 0; i < 50; i++) {
			InvokeResult result = sandbox.invoke("price:canary", "{\"item\": \"pen\", \"coupon\": \"5%\"}");
			onTwo += result.executedVersion().equals("2") ? 1 : 0;
		}

		// the share is drawn from the sandbox's seeded ids: about 10 of 50, and the same number on every run
		assertThat(onTwo).isBetween(4, 18);
		assertThat(function("price:canary")).wasInvoked(50).hasMetric("Errors", 0);
	}

	@Test
	@Order(4)
	@DisplayName("prod moves to version 2: the failure is recorded with the alias's ARN and version 2")
	void prodOnVersionTwoRecordsTheFailure(Sandbox sandbox) {
		FunctionHandle price = releaseOne(sandbox);
		releaseTwo(price);

		price.updateAlias("prod", "2");
		String requestId = sandbox.invokeAsync("price:prod", ORDER).requestId();

		assertThat(queue("price-failures")).receivesRecord()
				.withRequestId(requestId)
				.withCondition(RETRIES_EXHAUSTED)
				.withApproximateInvokeCount(1)                                  // prod's configuration: no retries
				.withFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:price:prod")
				.withExecutedVersion("2")
				.withErrorType("java.lang.IllegalArgumentException")
				.withErrorMessage("coupon TEN is not a percentage");
		assertThat(function("price:prod"))
				.hasMetric("Errors", 1)
				.failedWith(IllegalArgumentException.class, "coupon TEN is not a percentage")
				.hasLogLineMatching("START .* Version: 2");
	}

	@Test
	@Order(5)
	@DisplayName("roll back: prod points at version 1 again, and the same order succeeds")
	void rollingBackIsMovingTheAlias(Sandbox sandbox) {
		FunctionHandle price = releaseOne(sandbox);
		releaseTwo(price);
		price.updateAlias("prod", "2");
		sandbox.invokeAsync("price:prod", ORDER);
		// an event runs the version its alias names when its attempt runs: let this one run before rolling back
		sandbox.settle();

		price.updateAlias("prod", "1");
		sandbox.invokeAsync("price:prod", ORDER);
		sandbox.settle();

		assertThat(queue("price-failures")).receivesRecord().withExecutedVersion("2");
		assertThat(queue("price-failures")).receivesNoRecord();
		assertThat(function("price:prod")).wasInvoked(2).succeeded();
		assertThat(function("price")).as("the function's own metrics count every version").hasMetric("Invocations", 2);
	}

	/**
	 * Deploys release 1 at run time and publishes it: version 1, alias {@code prod}, whose failures go to a queue created
	 * for them (without retries).
	 */
	private static FunctionHandle releaseOne(Sandbox sandbox) {
		FunctionHandle price = sandbox.createFunction("price", PriceHandler.class);
		sandbox.createQueue("price-failures");
		String one = price.publishVersion();
		price.createAlias("prod", one);
		sandbox.function("price:prod").putEventInvokeConfig(EventInvokeConfig.builder()
				.maximumRetryAttempts(0)
				.onFailure("sqs:price-failures")
				.build());
		return price;
	}

	/** Deploys release 2 to {@code $LATEST} and publishes it. */
	private static String releaseTwo(FunctionHandle price) {
		price.updateCode(PercentCouponPriceHandler.class);
		return price.publishVersion();
	}
}
