package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Subscription;
import io.github.lambdasandbox.Table;
import io.github.lambdasandbox.Topic;
import io.github.lambdasandbox.samples.handlers.OrderAuditHandler;
import io.github.lambdasandbox.samples.handlers.PlaceOrderHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: an order, written to a table and announced on a topic, by a function that calls DynamoDB and SNS itself.
 *
 * <ol>
 * <li>{@code place-order} writes the order to the table {@code orders} with {@code DynamoDbClient.updateItem} (an
 * update expression) and publishes {@code OrderPlaced} to the topic {@code order-events} with
 * {@code SnsClient.publish}.
 * <li>The topic delivers it to the queue {@code shipping}, raw (the message as the body, its attributes as the
 * message's), where the shipping service would pick it up.
 * <li>The table's stream feeds {@code order-audit}, which writes an audit line for each change.
 * </ol>
 */
@LambdaSandbox // the clock starts at 2025-01-01T00:00:00Z
@LambdaFunction(name = "place-order", handler = PlaceOrderHandler.class)
@LambdaFunction(name = "order-audit", handler = OrderAuditHandler.class)
@Table(name = "orders", partitionKey = "orderId")
@EventSourceMapping(function = "order-audit", source = "dynamodb:orders")
@Topic(name = "order-events")
@Subscription(topic = "order-events", endpoint = "sqs:shipping", rawMessageDelivery = true,
		filterPolicy = "{\"eventType\": [\"OrderPlaced\"]}")
@DisplayName("Lab: an order to a DynamoDB table and an SNS topic, with DynamoDbClient and SnsClient in the handler")
@Order(9)
class OrderEventsLab {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String ORDER = """
			{"orderId": "A-17", "customer": "ada", "amount": 42}""";

	@Test
	@Order(1)
	@DisplayName("place order A-17 → the item in orders, OrderPlaced on the topic and in shipping, an INSERT audited")
	void aPlacedOrderIsStoredAnnouncedAndAudited(Sandbox sandbox) throws Exception {
		assertThat(sandbox.invoke("place-order", ORDER).payload()).isEqualTo("""
				{"orderId":"A-17","status":"PLACED","placements":1}""");

		// the table holds what the update expression wrote
		assertThat(json(sandbox.table("orders").getItem("{\"orderId\": \"A-17\"}").orElseThrow())).isEqualTo(json("""
				{"orderId": "A-17", "status": "PLACED", "customer": "ada", "amount": 42,
				 "placedAt": "2025-01-01T00:00:00Z", "placements": 1}"""));

		// the topic got the event, and passed it on to shipping, raw
		assertThat(topic("order-events")).receivesMessage()
				.withBody(ORDER)
				.withAttribute("eventType", "OrderPlaced");
		assertThat(queue("shipping")).receivesMessage()
				.withBody(ORDER)
				.withAttribute("eventType", "OrderPlaced");

		// the stream gave the new item to the auditor
		sandbox.settle();
		assertThat(function("order-audit").logs())
				.contains("AUDIT INSERT order A-17: PLACED, 42 for ada, placed 1x");
	}

	@Test
	@Order(2)
	@DisplayName("place A-17 again a minute later → the same item, placed 2x since 00:00; a MODIFY audited")
	void placingAnOrderAgainCountsItAndKeepsWhenItWasFirstPlaced(Sandbox sandbox) throws Exception {
		sandbox.invoke("place-order", ORDER);
		sandbox.clock().advance(Duration.ofMinutes(1));   // the client did not hear back, and tries again

		assertThat(sandbox.invoke("place-order", ORDER).payload()).contains("\"placements\":2");

		JsonNode order = json(sandbox.table("orders").getItem("{\"orderId\": \"A-17\"}").orElseThrow());
		assertThat(order.get("placements").asInt()).isEqualTo(2);
		assertThat(order.get("placedAt").asText()).isEqualTo("2025-01-01T00:00:00Z");   // if_not_exists kept the first
		assertThat(sandbox.table("orders").items()).hasSize(1);

		// each placement was announced: shipping must not ship twice (an idempotent consumer is its own lab)
		assertThat(queue("shipping")).hasMessageCount(2);

		sandbox.settle();
		assertThat(function("order-audit").logs()).filteredOn(line -> line.contains("AUDIT")).satisfiesExactly(
				line -> assertThat(line).contains("AUDIT INSERT order A-17: PLACED, 42 for ada, placed 1x"),
				line -> assertThat(line).contains("AUDIT MODIFY order A-17: PLACED, 42 for ada, placed 2x"));
	}

	private static JsonNode json(String text) throws Exception {
		return JSON.readTree(text);
	}
}
