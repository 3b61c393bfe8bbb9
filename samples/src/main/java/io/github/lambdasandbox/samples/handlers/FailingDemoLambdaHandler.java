package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * {@code demo-lambda} of the asynchronous invocation lab once the {@code raise} line is uncommented: it logs
 * the event, then fails with {@code RuntimeException("Something went wrong!")}.
 */
public class FailingDemoLambdaHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
		context.getLogger().log("Received event: " + event);
		throw new RuntimeException("Something went wrong!");
	}
}
