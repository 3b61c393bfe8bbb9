package io.github.lambdasandbox.internal.json;

import java.util.IdentityHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error payloads of the Java runtime. Reading a throwable is calling user code ({@code getMessage()} may be
 * overridden): every read is guarded, so that a throwable that throws still gives a payload.
 */
public final class ErrorPayloads {

	/** Frames from here down are the simulator's, not the function's, and are cut as the runtime cuts its own. */
	private static final String ENGINE_PACKAGE = "io.github.lambdasandbox.internal.";

	private ErrorPayloads() {
	}

	/** A payload with the type and message it reports. */
	public record Described(String payload, String errorType, String errorMessage) {
	}

	/** The payload of a throwable, with its type and message. */
	public static Described describe(Throwable error) {
		ObjectNode payload = of(error);
		return new Described(write(payload), payload.path("errorType").asText(), payload.path("errorMessage").asText());
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
		String type = error.getClass().getName();
		String message = message(error);
		// the Java runtime writes the class name when there is no message
		payload.put("errorMessage", message != null ? message : type);
		payload.put("errorType", type);
		ArrayNode trace = payload.putArray("stackTrace");
		for (StackTraceElement frame : frames(error)) {
			if (frame.getClassName().startsWith(ENGINE_PACKAGE)) {
				break;
			}
			trace.add(frame.toString());
		}
		Throwable cause = cause(error);
		if (cause != null && !seen.containsKey(cause)) {
			payload.set("cause", of(cause, seen));
		}
		return payload;
	}

	private static String message(Throwable error) {
		try {
			return error.getMessage();
		}
		catch (RuntimeException | LinkageError | StackOverflowError e) {
			return "(" + error.getClass().getName() + ".getMessage() threw " + e.getClass().getName() + ")";
		}
	}

	private static StackTraceElement[] frames(Throwable error) {
		try {
			StackTraceElement[] frames = error.getStackTrace();
			return frames == null ? new StackTraceElement[0] : frames;
		}
		catch (RuntimeException | LinkageError | StackOverflowError e) {
			return new StackTraceElement[0];
		}
	}

	private static Throwable cause(Throwable error) {
		try {
			return error.getCause();
		}
		catch (RuntimeException | LinkageError | StackOverflowError e) {
			return null;
		}
	}

	/** A runtime error without stack trace, e.g. {@code Sandbox.Timedout}. */
	public static ObjectNode of(String errorType, String errorMessage) {
		ObjectNode payload = Json.object();
		payload.put("errorType", errorType);
		payload.put("errorMessage", errorMessage);
		return payload;
	}

	/** What the runtime reports when it cannot read the input: its own RuntimeException, no frames, the cause. */
	public static String parseError(String message, Throwable cause) {
		ObjectNode payload = Json.object();
		payload.put("errorMessage", message);
		payload.put("errorType", "java.lang.RuntimeException");
		payload.putArray("stackTrace");
		if (cause != null) {
			payload.set("cause", of(cause));
		}
		return write(payload);
	}

	public static String write(ObjectNode payload) {
		return Json.write(payload);
	}

	/**
	 * The line the runtime logs for an error it reports: {@code <message>: <class>} and the frames; null for
	 * a payload that is not one of its error payloads.
	 */
	public static String logLine(String payloadJson) {
		JsonNode payload;
		try {
			payload = Json.parse(payloadJson);
		}
		catch (Json.InvalidJsonException e) {
			return null;
		}
		if (!payload.has("errorType") || !payload.has("stackTrace")) {
			return null;
		}
		StringBuilder logged = new StringBuilder(payload.path("errorMessage").asText()).append(": ")
				.append(payload.path("errorType").asText());
		payload.path("stackTrace").forEach(frame -> logged.append("\n\tat ").append(frame.asText()));
		return logged.toString();
	}
}
