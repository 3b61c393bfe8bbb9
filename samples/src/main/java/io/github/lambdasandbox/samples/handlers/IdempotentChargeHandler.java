package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Charges each order once, however often it is delivered: the message id of what it charged is kept in the DynamoDB
 * table {@code charged}, and a message seen before is skipped. (One environment handles one batch at a time, so
 * read-then-write is enough here; with concurrent environments use a conditional write.)
 */
public class IdempotentChargeHandler implements RequestHandler<SQSEvent, Void> {

	private static final SqsClient SQS = SqsClient.create();

	private static final DynamoDbClient DYNAMODB = DynamoDbClient.create();

	@Override
	public Void handleRequest(SQSEvent event, Context context) {
		String charges = SQS.getQueueUrl(b -> b.queueName("charges")).queueUrl();
		for (SQSEvent.SQSMessage order : event.getRecords()) {
			Map<String, AttributeValue> key = Map.of("messageId", AttributeValue.builder().s(order.getMessageId()).build());
			if (DYNAMODB.getItem(b -> b.tableName("charged").key(key)).hasItem()) {
				context.getLogger().log("already charged: " + order.getMessageId());
				continue;
			}
			SQS.sendMessage(b -> b.queueUrl(charges).messageBody(order.getBody()));
			DYNAMODB.putItem(b -> b.tableName("charged").item(key));
		}
		return null;
	}
}
