package io.github.lambdasandbox.samples.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * The classic bug: each failure is caught and logged, and the handler returns no {@code batchItemFailures}, so
 * Lambda reads the batch as a complete success and deletes every message, the failed ones too.
 */
public class ForgetfulOrderQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

	@Override
	public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
		for (SQSEvent.SQSMessage message : event.getRecords()) {
			try {
				Orders.process(message.getBody());
			}
			catch (IllegalArgumentException e) {
				context.getLogger().log("order " + message.getMessageId() + " failed: " + e.getMessage());
			}
		}
		return new SQSBatchResponse(java.util.List.of());
	}
}
