package io.github.lambdasandbox.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;

/**
 * Asynchronous events through the engine, against the bare work of an event measured in the same JVM.
 *
 * <p>The <b>floor</b> of one event is what any simulator must do for it: read the payload with the Java runtime's
 * serialiser (Jackson), call the handler, write the handler's answer and the invocation record as JSON. The
 * engine adds the queue, the virtual clock, the journal, the environments and the destination.
 */
public final class Throughput {

	/** Answers {@code {"statusCode":200,"body":"ok"}}, as the labs' functions do. */
	public static class Ok implements RequestHandler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("statusCode", 200);
			response.put("body", "ok");
			return response;
		}
	}

	/** Success path: every event ends with a record in an SQS queue. */
	@LambdaSandbox(seed = 1)
	@LambdaFunction(name = "ok", handler = Ok.class, onSuccess = "sqs:done")
	public static final class Success {

		private Success() {
		}
	}

	/** Failure path: three attempts over 3 virtual minutes, then a record and a dead letter. */
	@LambdaSandbox(seed = 1)
	@LambdaFunction(name = "boom", handler = Boom.class, onFailure = "sqs:failed", deadLetterQueue = "sqs:dead")
	public static final class Failure {

		private Failure() {
		}
	}

	private static final JsonFactory JSON = new JsonFactory();

	private Throughput() {
	}

	/** The payload of event {@code i}. */
	static String payload(int i) {
		return "{\"order\": " + i + ", \"item\": \"book\"}";
	}

	/** The bare work of {@code events} events, in ns; {@code sink} keeps the results alive. */
	static long floor(int events, int[] sink) {
		PojoSerializer<Object> input = mapSerializer();
		@SuppressWarnings({ "unchecked", "rawtypes" })
		PojoSerializer<Object> output = (PojoSerializer) JacksonFactory.getInstance().getSerializer(LinkedHashMap.class);
		Ok handler = new Ok();
		long started = System.nanoTime();
		for (int i = 0; i < events; i++) {
			String payload = payload(i);
			@SuppressWarnings("unchecked")
			Map<String, Object> event = (Map<String, Object>) input.fromJson(payload);
			Object result = handler.handleRequest(event, null);
			ByteArrayOutputStream response = new ByteArrayOutputStream(64);
			output.toJson(result, response);
			sink[0] += record(payload, response.toString()).length();
		}
		return System.nanoTime() - started;
	}

	/**
	 * The bare work of {@code events} failing events, in ns: three attempts each (read the payload, call a handler
	 * that throws, write the runtime's error payload), then one invocation record.
	 */
	static long floorOfFailures(int events, int[] sink) {
		PojoSerializer<Object> input = mapSerializer();
		Boom handler = new Boom();
		long started = System.nanoTime();
		for (int i = 0; i < events; i++) {
			String payload = payload(i);
			String error = null;
			for (int attempt = 0; attempt < 3; attempt++) {
				@SuppressWarnings("unchecked")
				Map<String, Object> event = (Map<String, Object>) input.fromJson(payload);
				try {
					handler.handleRequest(event, null);
				}
				catch (RuntimeException e) {
					error = errorPayload(e);
				}
			}
			sink[0] += record(payload, error).length();
		}
		return System.nanoTime() - started;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static PojoSerializer<Object> mapSerializer() {
		return (PojoSerializer) JacksonFactory.getInstance().getSerializer((Class) Map.class);
	}

	private static String errorPayload(Throwable e) {
		StringWriter text = new StringWriter(256);
		try (JsonGenerator out = JSON.createGenerator(text)) {
			out.writeStartObject();
			out.writeStringField("errorMessage", e.getMessage());
			out.writeStringField("errorType", e.getClass().getName());
			out.writeArrayFieldStart("stackTrace");
			StackTraceElement[] frames = e.getStackTrace();
			for (int i = 0; i < Math.min(2, frames.length); i++) {
				out.writeString(frames[i].toString());
			}
			out.writeEndArray();
			out.writeEndObject();
		}
		catch (IOException io) {
			throw new UncheckedIOException(io);
		}
		return text.toString();
	}

	/** The invocation record, as the floor writes it: one streaming pass. */
	private static String record(String payload, String response) {
		StringWriter text = new StringWriter(256);
		try (JsonGenerator out = JSON.createGenerator(text)) {
			out.writeStartObject();
			out.writeStringField("version", "1.0");
			out.writeStringField("timestamp", "2025-01-01T00:00:00.000Z");
			out.writeObjectFieldStart("requestContext");
			out.writeStringField("requestId", "0b1e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
			out.writeStringField("functionArn", "arn:aws:lambda:us-east-1:123456789012:function:ok:$LATEST");
			out.writeStringField("condition", "Success");
			out.writeNumberField("approximateInvokeCount", 1);
			out.writeEndObject();
			out.writeFieldName("requestPayload");
			out.writeRawValue(payload);
			out.writeObjectFieldStart("responseContext");
			out.writeNumberField("statusCode", 200);
			out.writeStringField("executedVersion", "$LATEST");
			out.writeEndObject();
			out.writeFieldName("responsePayload");
			out.writeRawValue(response);
			out.writeEndObject();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return text.toString();
	}

	/**
	 * {@code events} events through a sandbox of {@code declarations}: accepted one after the other, then the
	 * sandbox settles. Returns the ns it took, from the first invokeAsync to the end of settle().
	 */
	static long throughSandbox(Class<?> declarations, String function, int events) {
		try (Sandbox sandbox = Sandbox.create(declarations)) {
			long started = System.nanoTime();
			for (int i = 0; i < events; i++) {
				sandbox.invokeAsync(function, payload(i));
			}
			sandbox.settle();
			long took = System.nanoTime() - started;
			int expected = function.equals("ok") ? events : 2 * events;
			int delivered = sandbox.queues().stream().mapToInt(q -> q.messages().size()).sum();
			if (delivered != expected) {
				throw new IllegalStateException(delivered + " messages delivered, " + expected + " expected");
			}
			return took;
		}
	}

	/** Accepts {@code events} events without letting them run: the sandbox then holds them all in flight. */
	static Sandbox inFlight(int events) {
		Sandbox sandbox = Sandbox.create(Success.class);
		for (int i = 0; i < events; i++) {
			sandbox.invokeAsync("ok", payload(i));
		}
		return sandbox;
	}
}
