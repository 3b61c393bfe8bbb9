package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;

/** Writes an audit line for each change of the users table, from its DynamoDB stream. */
public class UserAuditHandler implements RequestHandler<DynamodbEvent, Void> {

	@Override
	public Void handleRequest(DynamodbEvent event, Context context) {
		for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
			Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
			Map<String, AttributeValue> after = record.getDynamodb().getNewImage();
			Map<String, AttributeValue> before = record.getDynamodb().getOldImage();
			context.getLogger().log("AUDIT " + record.getEventName() + " user " + keys.get("id").getS()
					+ (before == null ? "" : " was " + name(before)) + (after == null ? "" : " is " + name(after)));
		}
		return null;
	}

	private static String name(Map<String, AttributeValue> image) {
		AttributeValue name = image.get("name");
		return name == null ? "(no name)" : name.getS();
	}
}
