package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

@DisplayName("@Topic, @Subscription, @EventRule and @BucketNotification as meta-annotations, and on test methods")
class RoutingMetaAnnotationTests {

	/** A team's own composed annotation: an upload pipeline with an alert topic and a rule. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@LambdaSandbox
	@LambdaFunction(name = "resize", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "events:default")
	@Bucket(name = "images")
	@BucketNotification(bucket = "images", suffix = ".jpg", target = "resize")
	@Topic(name = "alerts")
	@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", rawMessageDelivery = true)
	@EventRule(name = "failures", pattern = "{\"detail-type\": [{\"suffix\": \"Failure\"}]}", target = "sns:alerts")
	@interface UploadPipeline {
	}

	@UploadPipeline
	static class ComposedTestCase {

		@Test
		void declarationsComeFromTheComposedAnnotation(Sandbox sandbox) {
			sandbox.bucket("images").putObject("a.jpg", "jpeg");
			sandbox.settle();
			// the failure event, through the rule, the topic and its raw subscription, is the queue's body
			assertThat(sandbox.queue("alerts-inbox").messages()).singleElement()
					.satisfies(message -> assertThat(message.body()).contains("Lambda Function Invocation Result - Failure"));
		}

		@Test
		@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", filterPolicyScope = "MessageBody",
				filterPolicy = "{\"source\": [\"somebody-else\"]}")
		void aMethodReplacesTheSubscriptionOfTheSameTopicAndEndpoint(Sandbox sandbox) {
			sandbox.bucket("images").putObject("a.jpg", "jpeg");
			sandbox.settle();
			assertThat(sandbox.queue("alerts-inbox").messages()).isEmpty();
			assertThat(sandbox.journal().entries(JournalEntry.MessageFiltered.class)).hasSize(1);
		}
	}

	@Test
	void theRoutingAnnotationsWorkAsMetaAnnotationsAndOnMethods() {
		EngineTestKit.engine("junit-jupiter").selectors(selectClass(ComposedTestCase.class)).execute().testEvents()
				.assertStatistics(stats -> stats.started(2).succeeded(2));
	}
}
