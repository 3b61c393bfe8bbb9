package io.github.lambdasandbox.benchmarks;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The handler of the S3 failure lab: it always fails. */
public class Boom implements RequestHandler<Map<String, Object>, String> {

	@Override
	public String handleRequest(Map<String, Object> event, Context context) {
		throw new RuntimeException("boom!");
	}
}
