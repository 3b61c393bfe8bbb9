package io.github.lambdasandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
	public static ObjectNode invocationResult(String id, Instant time, boolean success, String busArn,
			String qualifiedFunctionArn, JsonNode record) {
		ObjectNode event = Json.object();
		event.put("version", "0");
		event.put("id", id);
		event.put("detail-type", "Lambda Function Invocation Result - " + (success ? "Success" : "Failure"));
		event.put("source", "lambda");
		event.put("account", Sandbox.ACCOUNT_ID);
		event.put("time", TIME.format(time));
		event.put("region", Sandbox.REGION);
		event.putArray("resources").add(busArn).add(qualifiedFunctionArn);
		event.set("detail", record);
		return event;
	}
}
