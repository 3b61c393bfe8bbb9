package io.github.lambdasandbox.samples.handlers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * {@code place-order}: takes {@code {"orderId": …, "customer": …, "amount": n}}, writes the order to the DynamoDB
 * table {@code orders} with one {@code UpdateItem} and publishes an {@code OrderPlaced} event to the SNS topic
 * {@code order-events}. Written as for AWS, with the SDK's {@code DynamoDbClient} and {@code SnsClient}.
 *
 * <p>The update expression makes placing an order twice (a client that retries) harmless: the order keeps the
 * instant it was first placed ({@code if_not_exists}) and counts how often it was placed ({@code ADD}).
 */
public class PlaceOrderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	/** In AWS this would come from the function's environment. */
	static final String ORDER_EVENTS = "arn:aws:sns:us-east-1:123456789012:order-events";

	private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

	private static final SnsClient SNS = SnsClient.create();

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
		String orderId = (String) order.get("orderId");
		String customer = (String) order.get("customer");
		String amount = String.valueOf(order.get("amount"));

		UpdateItemResponse saved = DYNAMODB.updateItem(b -> b.tableName("orders")
				.key(Map.of("orderId", string(orderId)))
				.updateExpression("SET #status = :placed, customer = :customer, amount = :amount, "
						+ "placedAt = if_not_exists(placedAt, :now) ADD placements :one")
				.expressionAttributeNames(Map.of("#status", "status"))          // "status" is a reserved word
				.expressionAttributeValues(Map.of(
						":placed", string("PLACED"),
						":customer", string(customer),
						":amount", number(amount),
						":now", string(Instant.now().toString()),           // the sandbox's clock, in virtual time
						":one", number("1")))
				.returnValues(ReturnValue.ALL_NEW));
		String placements = saved.attributes().get("placements").n();

		SNS.publish(b -> b.topicArn(ORDER_EVENTS)
				.message("{\"orderId\":\"" + orderId + "\",\"customer\":\"" + customer + "\",\"amount\":" + amount + "}")
				.messageAttributes(Map.of("eventType",
						MessageAttributeValue.builder().dataType("String").stringValue("OrderPlaced").build())));
		context.getLogger().log("placed order " + orderId + " (placement " + placements + ")");

		Map<String, Object> result = new LinkedHashMap<>();
		result.put("orderId", orderId);
		result.put("status", "PLACED");
		result.put("placements", Integer.parseInt(placements));
		return result;
	}

	private static AttributeValue string(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue number(String value) {
		return AttributeValue.fromN(value);
	}
}
