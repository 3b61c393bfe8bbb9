package io.github.lambdasandbox.samples.handlers;

import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * Processes orders from an SQS queue and reports the ones it could not process, so that Lambda deletes the
 * others ({@code ReportBatchItemFailures}).
 */
public class OrderQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

	@Override
	public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
		List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
		for (SQSEvent.SQSMessage message : event.getRecords()) {
			try {
				Orders.process(message.getBody());
			}
			catch (IllegalArgumentException e) {
				context.getLogger().log("order " + message.getMessageId() + " failed: " + e.getMessage());
				failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
			}
		}
		return new SQSBatchResponse(failures);
	}
}
