package io.github.lambdasandbox.samples.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;

/**
 * Pages the on-call engineer (here: writes to its log) for each alert an SNS topic delivers to it.
 */
public class OnCallPagerHandler implements RequestHandler<SNSEvent, String> {

	@Override
	public String handleRequest(SNSEvent event, Context context) {
		for (SNSEvent.SNSRecord record : event.getRecords()) {
			context.getLogger().log("PAGE on-call: alert " + record.getSNS().getMessageId() + " from "
					+ record.getSNS().getTopicArn());
		}
		return "paged";
	}
}
