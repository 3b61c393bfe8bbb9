package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;

/**
 * The same function after the lab's edit for the failure scenario: every invocation throws
 * {@code RuntimeException("boom!")} (the lab's Python code: {@code raise Exception("boom!")}).
 */
public class S3UploadBoomHandler implements RequestHandler<S3Event, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(S3Event event, Context context) {
		throw new RuntimeException("boom!");
	}
}
