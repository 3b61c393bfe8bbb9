package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

class EventBridgeTests {

	private static final EventBridgeClient EVENTS = EventBridgeClient.create();

	private static final SqsClient SQS = SqsClient.create();

	@RegisterExtension
	final FakeAws aws = new FakeAws().withQueue("seen").withEventBus("default", "seen").withEventBus("orders", "seen");

	private static String seen() {
		String url = SQS.getQueueUrl(b -> b.queueName("seen")).queueUrl();
		return SQS.receiveMessage(b -> b.queueUrl(url)).messages().get(0).body();
	}

	@Test
	void putEventsDeliversTheEventWithItsTimeAndResources() {
		PutEventsResponse response = EVENTS.putEvents(b -> b.entries(e -> e.source("com.example.orders")
			.detailType("Order Placed")
			.detail("{\"id\":\"42\",\"total\":9.5}")
			.resources("arn:aws:s3:::orders")
			.time(Instant.parse("2026-11-27T08:00:00.123Z"))));

		assertThat(response.failedEntryCount()).isZero();
		assertThat(response.entries()).singleElement().satisfies(entry -> {
			assertThat(entry.eventId()).isNotBlank();
			assertThat(entry.errorCode()).isNull();
		});
		assertThat(seen()).contains("\"detail-type\":\"Order Placed\"", "\"source\":\"com.example.orders\"",
				"\"time\":\"2026-11-27T08:00:00.123Z\"", "\"resources\":[\"arn:aws:s3:::orders\"]",
				"\"detail\":{\"id\":\"42\",\"total\":9.5}");
	}

	@Test
	void eachEntrySucceedsOrFailsOnItsOwn() {
		PutEventsResponse response = EVENTS.putEvents(b -> b.entries(
				e -> e.source("a").detailType("ok").detail("{}").eventBusName("orders"),
				e -> e.source("b").detailType("lost").detail("{}").eventBusName("missing")));

		assertThat(response.failedEntryCount()).isEqualTo(1);
		assertThat(response.entries().get(0).eventId()).isNotBlank();
		assertThat(response.entries().get(1).errorCode()).isEqualTo("NotFoundException");
		assertThat(response.entries().get(1).errorMessage()).isEqualTo("Event bus missing does not exist.");
	}
}
