package io.github.lambdasandbox.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error payloads and error log lines of the Java runtime (aws-lambda-java-runtime-interface-client, as AWS
 * ships it): {@code {"errorMessage":…,"errorType":…,"stackTrace":[…]}} — the top-level throwable only, no
 * {@code cause} (the runtime writes none; the {@code cause} chain of older documentation was the retired java8
 * runtime's) — and the log line {@code <message>: <type>} followed by the stack trace as
 * {@code printStackTrace} prints it, causes included.
 *
 * <p>Frames from the sandbox's engine down are cut, as the runtime cuts its own. Reading a throwable is
 * calling user code ({@code getMessage()} may be overridden and throw): every read is guarded.
 */
public final class ErrorPayloads {

	/** Frames from here down are the simulator's, not the function's. */
	private static final String ENGINE_PACKAGE = "io.github.lambdasandbox.internal.";

	private ErrorPayloads() {
	}

	/**
	 * A throwable as the runtime reports it.
	 *
	 * @param payload the error payload (JSON)
	 * @param errorType the throwable's class name
	 * @param errorMessage its message, or its class name when it has none
	 * @param logText what the runtime logs for it (without the trailing new lines)
	 */
	public record Described(String payload, String errorType, String errorMessage, String logText) {
	}

	/**
	 * What the runtime reports for a fault of its own (it cannot load the handler, the constructor threw):
	 * {@code {"errorMessage":…,"errorType":…}} without {@code stackTrace} ("for compatibility with the legacy
	 * runtime"), and without {@code errorType} when no exception stands behind it; the log shows the message, the
	 * type and the exception's stack trace.
	 *
	 * @param exception the exception behind the fault, or null
	 */
	public static Described fault(String message, Throwable exception) {
		if (message == null) {
			String own = exception == null ? null : message(exception);
			message = own != null ? own : exception == null ? "" : exception.getClass().getName();
		}
		else if (exception instanceof ExceptionInInitializerError && message(exception) != null) {
			message = message + ": " + message(exception);
		}
		String errorMessage = message;
		String type = exception == null ? null : exception.getClass().getName();
		String payload = Json.write(out -> {
			out.writeStartObject();
			out.writeStringField("errorMessage", errorMessage);
			if (type != null) {
				out.writeStringField("errorType", type);
			}
			out.writeEndObject();
		});
		if (exception == null) {
			return new Described(payload, null, errorMessage, errorMessage);
		}
		StringBuilder log = new StringBuilder(errorMessage).append(": ").append(type).append('\n');
		printStackTrace(log, exception, frames(exception), null, "", "", Collections.newSetFromMap(new IdentityHashMap<>()));
		return new Described(payload, type, errorMessage, log.toString().stripTrailing());
	}

	/** The payload and the log text of a throwable. */
	public static Described describe(Throwable error) {
		String type = error.getClass().getName();
		String message = message(error);
		String errorMessage = message != null ? message : type;
		StackTraceElement[] frames = frames(error);
		String payload = Json.write(out -> {
			out.writeStartObject();
			out.writeStringField("errorMessage", errorMessage);
			out.writeStringField("errorType", type);
			out.writeArrayFieldStart("stackTrace");
			for (StackTraceElement frame : frames) {
				out.writeString(frame.toString());
			}
			out.writeEndArray();
			out.writeEndObject();
		});
		StringBuilder log = new StringBuilder(errorMessage).append(": ").append(type).append('\n');
		printStackTrace(log, error, frames, null, "", "", Collections.newSetFromMap(new IdentityHashMap<>()));
		return new Described(payload, type, errorMessage, log.toString().stripTrailing());
	}

	/** {@code Throwable.printStackTrace()}'s text, of the frames the function owns. */
	private static void printStackTrace(StringBuilder out, Throwable error, StackTraceElement[] frames,
			StackTraceElement[] enclosing, String caption, String prefix, Set<Throwable> seen) {
		if (!seen.add(error)) {
			out.append(prefix).append(caption).append("[CIRCULAR REFERENCE: ").append(describeLine(error)).append("]\n");
			return;
		}
		int last = frames.length - 1;
		int framesInCommon = 0;
		if (enclosing != null) {
			int e = enclosing.length - 1;
			while (last >= 0 && e >= 0 && frames[last].equals(enclosing[e])) {
				last--;
				e--;
			}
			framesInCommon = frames.length - 1 - last;
		}
		out.append(prefix).append(caption).append(describeLine(error)).append('\n');
		for (int i = 0; i <= last; i++) {
			out.append(prefix).append("\tat ").append(frames[i]).append('\n');
		}
		if (framesInCommon != 0) {
			out.append(prefix).append("\t... ").append(framesInCommon).append(" more\n");
		}
		for (Throwable suppressed : suppressed(error)) {
			printStackTrace(out, suppressed, frames(suppressed), frames, "Suppressed: ", prefix + "\t", seen);
		}
		Throwable cause = cause(error);
		if (cause != null) {
			printStackTrace(out, cause, frames(cause), frames, "Caused by: ", prefix, seen);
		}
	}

	/** {@code Throwable.toString()}: the class name, then {@code ": "} and the localized message if there is one. */
	private static String describeLine(Throwable error) {
		String message = message(error);
		return message != null ? error.getClass().getName() + ": " + message : error.getClass().getName();
	}

	private static String message(Throwable error) {
		try {
			return error.getLocalizedMessage();
		}
		catch (RuntimeException | LinkageError | StackOverflowError e) {
			return "(" + error.getClass().getName() + ".getLocalizedMessage() threw " + e.getClass().getName() + ")";
		}
	}

	/** The throwable's frames above the engine's. */
	private static StackTraceElement[] frames(Throwable error) {
		StackTraceElement[] frames;
		try {
			frames = error.getStackTrace();
		}
		catch (RuntimeException | LinkageError | StackOverflowError e) {
			return new StackTraceElement[0];
		}
		if (frames == null) {
			return new StackTraceElement[0];
		}
		for (int i = 0; i < frames.length; i++) {
			if (frames[i] == null || frames[i].getClassName().startsWith(ENGINE_PACKAGE)) {
				StackTraceElement[] cut = new StackTraceElement[i];
				System.arraycopy(frames, 0, cut, 0, i);
				return cut;
			}
		}
		return frames;
	}

	private static Throwable cause(Throwable error) {
		try {
			return error.getCause();
		}
		catch (RuntimeException | LinkageError | StackOverflowError e) {
			return null;
		}
	}

	private static List<Throwable> suppressed(Throwable error) {
		try {
			return List.of(error.getSuppressed());
		}
		catch (RuntimeException | LinkageError | StackOverflowError e) {
			return new ArrayList<>();
		}
	}

	/** A runtime error without stack trace, e.g. {@code Sandbox.Timedout}. */
	public static ObjectNode of(String errorType, String errorMessage) {
		ObjectNode payload = Json.object();
		payload.put("errorType", errorType);
		payload.put("errorMessage", errorMessage);
		return payload;
	}

	/**
	 * What the runtime reports when it cannot read the input: {@code An error occurred during JSON parsing}, its own
	 * RuntimeException, created in the runtime (so with no frames of the function's), caused by the parser's error.
	 */
	public static Described parseError(Throwable cause) {
		RuntimeException wrapper = new RuntimeException("An error occurred during JSON parsing", cause);
		wrapper.setStackTrace(new StackTraceElement[0]);
		return describe(wrapper);
	}

	public static String write(ObjectNode payload) {
		return Json.write(payload);
	}
}
