package io.github.lambdasandbox.support;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Handlers the tests share. */
public final class Handlers {

	private Handlers() {
	}

	/** Always throws {@code RuntimeException("boom!")}. */
	public static class Boom implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			throw new RuntimeException("boom!");
		}
	}

	/** Returns {@code {"statusCode":200,"body":"\"Hello from Lambda!\""}} as the seed lab's function does. */
	public static class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			context.getLogger().log("Received event: " + event);
			Map<String, Object> response = new java.util.LinkedHashMap<>();
			response.put("statusCode", 200);
			response.put("body", "\"Hello from Lambda!\"");
			return response;
		}
	}

	/** Echoes its event. */
	public static class Echo implements RequestHandler<Object, Object> {

		@Override
		public Object handleRequest(Object event, Context context) {
			return event;
		}
	}

	/** Returns how often this instance was called: 1, 2, 3 … while its environment is reused. */
	public static class Counting implements RequestHandler<Map<String, Object>, Integer> {

		private int calls;

		@Override
		public Integer handleRequest(Map<String, Object> event, Context context) {
			return ++calls;
		}
	}
}
