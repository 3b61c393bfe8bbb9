package io.github.lambdasandbox.samples.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Charges each order it reads from the queue {@code orders} by sending a charge to the queue {@code charges} (the
 * payment provider's inbox). Not idempotent: an order delivered twice is charged twice.
 */
public class ChargeHandler implements RequestHandler<SQSEvent, Void> {

	private static final SqsClient SQS = SqsClient.create();

	@Override
	public Void handleRequest(SQSEvent event, Context context) {
		String charges = SQS.getQueueUrl(b -> b.queueName("charges")).queueUrl();
		for (SQSEvent.SQSMessage order : event.getRecords()) {
			SQS.sendMessage(b -> b.queueUrl(charges).messageBody(order.getBody()));
		}
		return null;
	}
}
