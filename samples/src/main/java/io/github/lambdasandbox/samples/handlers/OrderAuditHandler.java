package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

/** {@code order-audit}: an audit line for each change of the orders table, from its DynamoDB stream. */
public class OrderAuditHandler implements RequestHandler<DynamodbEvent, Void> {

	@Override
	public Void handleRequest(DynamodbEvent event, Context context) {
		for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
			Map<String, AttributeValue> order = record.getDynamodb().getNewImage();
			context.getLogger().log("AUDIT " + record.getEventName() + " order " + order.get("orderId").getS() + ": "
					+ order.get("status").getS() + ", " + order.get("amount").getN() + " for " + order.get("customer").getS()
					+ ", placed " + order.get("placements").getN() + "x");
		}
		return null;
	}
}
