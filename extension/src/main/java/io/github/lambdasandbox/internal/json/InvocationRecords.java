package io.github.lambdasandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The invocation record of asynchronous invocations, field for field and in AWS's order. */
public final class InvocationRecords {

	/** ISO-8601 UTC with milliseconds, e.g. {@code 2019-11-14T18:16:05.568Z}. */
	public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC);

	private InvocationRecords() {
	}

	/**
	 * {@code version, timestamp, requestContext{requestId, functionArn, condition, approximateInvokeCount},
	 * requestPayload, responseContext{statusCode, executedVersion[, functionError]}, responsePayload}.
	 *
	 * @param responsePayload the last attempt's result or error payload as text; {@code null} when no attempt
	 * ran, in which case the record has no {@code responseContext} and no {@code responsePayload}
	 * @param functionError {@code "Unhandled"} or {@code null}
	 */
	public static ObjectNode record(Instant timestamp, String requestId, String qualifiedFunctionArn, String condition,
			int approximateInvokeCount, JsonNode requestPayload, String responsePayload, String functionError) {
		ObjectNode record = Json.object();
		record.put("version", "1.0");
		record.put("timestamp", TIMESTAMP.format(timestamp));
		ObjectNode context = record.putObject("requestContext");
		context.put("requestId", requestId);
		context.put("functionArn", qualifiedFunctionArn);
		context.put("condition", condition);
		context.put("approximateInvokeCount", approximateInvokeCount);
		record.set("requestPayload", requestPayload);
		if (responsePayload != null) {
			ObjectNode response = record.putObject("responseContext");
			response.put("statusCode", 200);
			response.put("executedVersion", "$LATEST");
			if (functionError != null) {
				response.put("functionError", functionError);
			}
			record.set("responsePayload", asJson(responsePayload));
		}
		return record;
	}

	/** The payload as JSON; a payload that is not JSON (a stream handler's bytes) as a JSON string. */
	private static JsonNode asJson(String payload) {
		try {
			return Json.parse(payload);
		}
		catch (Json.InvalidJsonException e) {
			return TextNode.valueOf(payload);
		}
	}
}
