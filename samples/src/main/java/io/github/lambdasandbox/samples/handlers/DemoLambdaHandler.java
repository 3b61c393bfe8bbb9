package io.github.lambdasandbox.samples.handlers;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * {@code demo-lambda} of the asynchronous invocation lab, with the {@code raise} line still commented out:
 * it logs the event and answers {@code {"statusCode": 200, "body": "\"Hello from Lambda!\""}}.
 */
public class DemoLambdaHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
		context.getLogger().log("Received event: " + event);

		Map<String, Object> response = new LinkedHashMap<>();
		response.put("statusCode", 200);
		response.put("body", "\"Hello from Lambda!\""); // json.dumps('Hello from Lambda!')
		return response;
	}
}
