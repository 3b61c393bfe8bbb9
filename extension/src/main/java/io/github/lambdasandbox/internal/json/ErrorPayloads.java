package io.github.lambdasandbox.internal.json;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The error payloads of the Java runtime. */
public final class ErrorPayloads {

	/** Frames from here down are the simulator's, not the function's, and are cut as the runtime cuts its own. */
	private static final String ENGINE_PACKAGE = "io.github.lambdasandbox.internal.";

	private ErrorPayloads() {
	}

	/**
	 * {@code {"errorMessage":…,"errorType":…,"stackTrace":[…],"cause":{…}}}: the message, the class name, the
	 * function's own frames as {@code StackTraceElement.toString()}, and the cause chain.
	 */
	public static ObjectNode of(Throwable error) {
		return of(error, new IdentityHashMap<>());
	}

	private static ObjectNode of(Throwable error, Map<Throwable, Boolean> seen) {
		seen.put(error, Boolean.TRUE);
		ObjectNode payload = Json.object();
		// the Java runtime writes the class name when there is no message
		payload.put("errorMessage", error.getMessage() != null ? error.getMessage() : error.getClass().getName());
		payload.put("errorType", error.getClass().getName());
		ArrayNode trace = payload.putArray("stackTrace");
		Arrays.stream(error.getStackTrace())
				.takeWhile(frame -> !frame.getClassName().startsWith(ENGINE_PACKAGE))
				.forEach(frame -> trace.add(frame.toString()));
		Throwable cause = error.getCause();
		if (cause != null && !seen.containsKey(cause)) {
			payload.set("cause", of(cause, seen));
		}
		return payload;
	}

	/** A runtime error without stack trace, e.g. {@code Sandbox.Timedout}. */
	public static ObjectNode of(String errorType, String errorMessage) {
		ObjectNode payload = Json.object();
		payload.put("errorType", errorType);
		payload.put("errorMessage", errorMessage);
		return payload;
	}
}
