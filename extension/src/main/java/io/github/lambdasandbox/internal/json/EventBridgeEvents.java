package io.github.lambdasandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.github.lambdasandbox.Sandbox;

/** The events Lambda puts on an EventBridge destination. */
public final class EventBridgeEvents {

	/** EventBridge's {@code time}: seconds, no fraction. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
			.withZone(ZoneOffset.UTC);

	private EventBridgeEvents() {
	}

	/**
	 * The envelope around an invocation record. AWS writes {@code "source":"lambda"} (observed in 2025; the
	 * current documentation says {@code aws.lambda}) and lists the bus, then the function, in {@code resources}.
	 */
	public static String invocationResult(String id, Instant time, boolean success, String busArn,
			String qualifiedFunctionArn, String record) {
		return Json.write(out -> {
			out.writeStartObject();
			out.writeStringField("version", "0");
			out.writeStringField("id", id);
			out.writeStringField("detail-type", "Lambda Function Invocation Result - " + (success ? "Success" : "Failure"));
			out.writeStringField("source", "lambda");
			out.writeStringField("account", Sandbox.ACCOUNT_ID);
			out.writeStringField("time", TIME.format(time));
			out.writeStringField("region", Sandbox.REGION);
			out.writeArrayFieldStart("resources");
			out.writeString(busArn);
			out.writeString(qualifiedFunctionArn);
			out.writeEndArray();
			out.writeFieldName("detail");
			out.writeRawValue(record);
			out.writeEndObject();
		});
	}
}
