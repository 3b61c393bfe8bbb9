package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Pages the on-call engineer (here: writes to its log) for each EventBridge event an {@code @EventRule} sends it: a
 * Lambda function's failure, as its EventBridge destination describes it.
 */
public class OnCallEventHandler implements RequestHandler<Map<String, Object>, String> {

	@Override
	@SuppressWarnings("unchecked")
	public String handleRequest(Map<String, Object> event, Context context) {
		Map<String, Object> detail = (Map<String, Object>) event.get("detail");
		Map<String, Object> requestContext = (Map<String, Object>) detail.get("requestContext");
		context.getLogger().log("PAGE on-call: " + event.get("detail-type") + " of " + requestContext.get("functionArn")
				+ " (" + requestContext.get("condition") + ")");
		return "paged";
	}
}
