package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EventBridge rules: patterns route events to queues, topics and functions")
@LambdaSandbox
@LambdaFunction(name = "resize", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "events:default")
@LambdaFunction(name = "thumbnail", handler = Handlers.Hello.class, onSuccess = "events:default")
@EventRule(name = "failures", pattern = "{\"detail-type\": [\"Lambda Function Invocation Result - Failure\"]}",
		target = "sqs:failures-seen")
class EventRuleTests {

	@Test
	void aRuleOnDetailTypeRoutesLambdaFailureResultsAndOnlyThem(Sandbox sandbox) {
		String failed = sandbox.invokeAsync("resize", "{\"image\": \"beach.jpeg\"}").requestId();
		sandbox.invokeAsync("thumbnail", "{}");
		sandbox.settle();

		List<SqsMessage> seen = sandbox.queue("failures-seen").messages();
		assertThat(seen).hasSize(1);
		JsonNode event = Fixtures.parse(seen.get(0).body());
		assertThat(event.get("detail-type").asText()).isEqualTo("Lambda Function Invocation Result - Failure");
		assertThat(event.get("source").asText()).isEqualTo("lambda");
		assertThat(event.at("/detail/requestContext/requestId").asText()).isEqualTo(failed);
		assertThat(event.at("/detail/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
		assertThat(seen.get(0).body()).as("the event as the bus holds it").isEqualTo(sandbox.eventBus("default").events().get(0));
		assertThat(sandbox.journal().entries(JournalEntry.RuleMatched.class)).singleElement().satisfies(matched -> {
			assertThat(matched.rule()).isEqualTo("failures");
			assertThat(matched.resource()).isEqualTo("events:default");
			assertThat(matched.target()).isEqualTo("sqs:failures-seen");
			assertThat(matched.requestId()).isEqualTo(failed);
		});
		assertThat(sandbox.journal().entries(JournalEntry.EventUnmatched.class)).singleElement()
				.satisfies(unmatched -> assertThat(unmatched.rules()).containsExactly("failures"));
	}

	@Test
	void theRuleEventHasTheShapeOfAwsSample(Sandbox sandbox) {
		sandbox.invokeAsync("resize", "{}");
		sandbox.settle();

		JsonNode event = Fixtures.parse(sandbox.queue("failures-seen").messages().get(0).body());
		JsonNode sample = Fixtures.json("eventbridge-destination-success.json");
		List<String> names = new java.util.ArrayList<>();
		event.fieldNames().forEachRemaining(names::add);
		List<String> sampleNames = new java.util.ArrayList<>();
		sample.fieldNames().forEachRemaining(sampleNames::add);
		assertThat(names).isEqualTo(sampleNames);
		assertThat(event.get("resources")).hasSize(2);
		assertThat(event.at("/resources/0").asText()).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/default");
	}

	@Test
	@LambdaFunction(name = "on-call", handler = Handlers.Echo.class, onSuccess = "sqs:handled")
	@EventRule(name = "failures", pattern = "{\"detail-type\": [{\"suffix\": \"Failure\"}]}", target = "lambda:on-call")
	void aFunctionTargetIsInvokedAsynchronouslyWithTheEventUnchanged(Sandbox sandbox) {
		sandbox.invokeAsync("resize", "{}");
		sandbox.settle();

		JournalEntry.RuleMatched matched = sandbox.journal().entries(JournalEntry.RuleMatched.class).get(0);
		JournalEntry.Accepted accepted = sandbox.journal().ofRequest(matched.deliveredId()).stream()
				.filter(JournalEntry.Accepted.class::isInstance).map(JournalEntry.Accepted.class::cast).findFirst().orElseThrow();
		assertThat(accepted.type()).isEqualTo(JournalEntry.InvocationType.EVENT);
		assertThat(accepted.origin()).isEqualTo("events:default rule failures");
		JsonNode record = Fixtures.parse(sandbox.queue("handled").messages().get(0).body());
		assertThat(record.get("requestPayload")).isEqualTo(Fixtures.parse(sandbox.eventBus("default").events().get(0)));
	}

	@Test
	@EventRule(name = "failures", pattern = "{\"detail\": {\"requestContext\": {\"condition\": [\"RetriesExhausted\"]}}}",
			target = "sns:alerts")
	@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", rawMessageDelivery = true)
	void aTopicTargetPublishesTheEventToItsSubscriptions(Sandbox sandbox) {
		sandbox.invokeAsync("resize", "{}");
		sandbox.settle();

		assertThat(sandbox.topic("alerts").messages()).singleElement()
				.satisfies(message -> assertThat(message.subject()).isNull());
		assertThat(sandbox.queue("alerts-inbox").messages().get(0).body())
				.isEqualTo(sandbox.eventBus("default").events().get(0));
	}

	@Test
	@EventRule(name = "big-orders", bus = "orders",
			pattern = "{\"source\": [{\"prefix\": \"com.example\"}], \"detail\": {\"total\": [{\"numeric\": [\">\", 100]}]}}",
			target = "sqs:big-orders")
	void eventsPutByTheTestAreMatchedWithEventBridgeOperators(Sandbox sandbox) {
		EventBus orders = sandbox.eventBus("orders");
		orders.putEvent("com.example.shop", "Order Placed", "{\"total\": 250}");
		orders.putEvent("com.example.shop", "Order Placed", "{\"total\": 20}");
		orders.putEvent("org.other", "Order Placed", "{\"total\": 999}");

		assertThat(sandbox.queue("big-orders").messages()).singleElement()
				.satisfies(message -> assertThat(Fixtures.parse(message.body()).at("/detail/total").asInt()).isEqualTo(250));
		assertThat(orders.events()).hasSize(3);
	}

	@Test
	void theDefaultBusExistsWithoutDeclaration(Sandbox sandbox) {
		try (Sandbox bare = Sandbox.create(Bare.class)) {
			String id = bare.eventBus("default").putEvent("me", "ping", "{}");

			assertThat(bare.eventBus("default").events()).singleElement()
					.satisfies(event -> assertThat(Fixtures.parse(event).get("id").asText()).isEqualTo(id));
			assertThat(bare.eventBuses()).extracting(EventBus::name).containsExactly("default");
		}
	}

	static class Bare {
	}

	@Test
	void putEventRefusesWhatPutEventsRefusesInEventBridgeWords(Sandbox sandbox) {
		EventBus bus = sandbox.eventBus("default");

		assertThatIllegalArgumentException().isThrownBy(() -> bus.putEvent("", "t", "{}")).withMessage("EventBridge refuses "
				+ "the event: \"Parameter Source is not valid. Reason: Source is a required argument.\" (InvalidArgument).");
		assertThatIllegalArgumentException().isThrownBy(() -> bus.putEvent("s", "t", "[1]"))
				.withMessage("EventBridge refuses the event: \"Detail is malformed.\" (MalformedDetail).");
		assertThat(bus.events()).isEmpty();
	}

	@Test
	void theTimelineShowsTheRuleThatRoutedARecord(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("resize", "{}").requestId();
		sandbox.settle();

		assertThat(sandbox.journal().timeline(requestId)).contains("record (RetriesExhausted) → events:default",
				"events:default rule failures → sqs:failures-seen");
	}
}
