package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.JsonShape;
import org.junit.jupiter.api.Test;

class EventBridgeRuleEventsTests {

	private static final String ID = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";

	@Test
	void envelopeHasTheShapeOfAwsSample() {
		JsonNode sample = Fixtures.json("eventbridge-destination-success.json");
		JsonNode event = Fixtures.parse(EventBridgeRuleEvents.event(ID, "Order Placed", "com.example.orders", "111111111111",
				Instant.parse("2025-11-24T23:21:20Z"), "us-east-1", List.of("arn:aws:events:us-east-1:111111111111:event-bus/my-bus"),
				"{\"orderId\": \"o-1\", \"total\": 12.50}"));

		ObjectNode envelopeOnly = sample.deepCopy();
		envelopeOnly.putObject("detail");
		ObjectNode eventEnvelope = event.deepCopy();
		eventEnvelope.putObject("detail");
		assertThat(JsonShape.differences(envelopeOnly, eventEnvelope)).isEmpty();
		assertThat(event.get("version").asText()).isEqualTo("0");
		assertThat(event.get("time").asText()).isEqualTo(sample.get("time").asText());
	}

	@Test
	void envelopeIsCompactAndEmbedsTheDetailAsItIs() {
		String event = EventBridgeRuleEvents.event(ID, "Order Placed", "com.example.orders", "123456789012",
				Instant.parse("2025-11-24T23:21:20.870Z"), "us-east-1", List.of(), " {\"total\": 1e1} ");

		assertThat(event).isEqualTo("{\"version\":\"0\",\"id\":\"" + ID + "\",\"detail-type\":\"Order Placed\","
				+ "\"source\":\"com.example.orders\",\"account\":\"123456789012\",\"time\":\"2025-11-24T23:21:20Z\","
				+ "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"total\": 1e1}}");
	}

	@Test
	void timeIsCutToTheSecondNotRounded() {
		JsonNode event = Fixtures.parse(EventBridgeRuleEvents.event(ID, "t", "s", "123456789012",
				Instant.parse("2025-01-01T00:00:59.999Z"), "us-east-1", List.of(), "{}"));

		assertThat(event.get("time").asText()).isEqualTo("2025-01-01T00:00:59Z");
	}

	@Test
	void scheduledEventIsFromAwsEvents() {
		JsonNode event = Fixtures.parse(EventBridgeRuleEvents.scheduled(ID, "123456789012", Instant.parse("2025-01-01T00:05:00Z"),
				"us-east-1", "arn:aws:events:us-east-1:123456789012:rule/every-5-minutes"));

		assertThat(event.get("source").asText()).isEqualTo("aws.events");
		assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
		assertThat(event.get("resources")).containsExactly(
				Fixtures.parse("\"arn:aws:events:us-east-1:123456789012:rule/every-5-minutes\""));
		assertThat(event.get("detail").isObject()).isTrue();
		assertThat(event.get("detail").size()).isZero();
	}

	@Test
	void idMustBeEightFourFourFourTwelveHex() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventBridgeRuleEvents.event("1a2b3c4d5e6f", "t", "s",
				"123456789012", Instant.EPOCH, "us-east-1", List.of(), "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> EventBridgeRuleEvents.event(ID.toUpperCase(), "t", "s",
				"123456789012", Instant.EPOCH, "us-east-1", List.of(), "{}"));
	}
}
