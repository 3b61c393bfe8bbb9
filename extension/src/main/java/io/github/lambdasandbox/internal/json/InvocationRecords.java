package io.github.lambdasandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The invocation record of asynchronous invocations, field for field and in AWS's order, written in one pass.
 * The event and the response are embedded as they are (numbers as the caller wrote them: {@code 1e3} stays
 * {@code 1e3}), without leading or trailing white space.
 */
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
	 * @param requestPayload the event, JSON
	 * @param responsePayload the last attempt's result or error payload; {@code null} when no attempt ran, in
	 * which case the record has no {@code responseContext} and no {@code responsePayload}
	 * @param responseIsJson whether {@code responsePayload} is JSON (a stream handler may answer anything; it is
	 * then embedded as a string)
	 * @param functionError {@code "Unhandled"} or {@code null}
	 */
	public static String record(Instant timestamp, String requestId, String qualifiedFunctionArn, String condition,
			int approximateInvokeCount, String requestPayload, String responsePayload, boolean responseIsJson,
			String functionError) {
		return record(timestamp, requestId, qualifiedFunctionArn, condition, approximateInvokeCount, requestPayload,
				responsePayload, responseIsJson, functionError, "$LATEST");
	}

	/** @param executedVersion the version that ran: {@code $LATEST}, {@code 1}, … */
	public static String record(Instant timestamp, String requestId, String qualifiedFunctionArn, String condition,
			int approximateInvokeCount, String requestPayload, String responsePayload, boolean responseIsJson,
			String functionError, String executedVersion) {
		return Json.write(out -> {
			out.writeStartObject();
			out.writeStringField("version", "1.0");
			out.writeStringField("timestamp", TIMESTAMP.format(timestamp));
			out.writeObjectFieldStart("requestContext");
			out.writeStringField("requestId", requestId);
			out.writeStringField("functionArn", qualifiedFunctionArn);
			out.writeStringField("condition", condition);
			out.writeNumberField("approximateInvokeCount", approximateInvokeCount);
			out.writeEndObject();
			out.writeFieldName("requestPayload");
			out.writeRawValue(requestPayload.strip());
			if (responsePayload != null) {
				out.writeObjectFieldStart("responseContext");
				out.writeNumberField("statusCode", 200);
				out.writeStringField("executedVersion", executedVersion);
				if (functionError != null) {
					out.writeStringField("functionError", functionError);
				}
				out.writeEndObject();
				out.writeFieldName("responsePayload");
				if (responseIsJson) {
					out.writeRawValue(responsePayload.strip());
				}
				else {
					out.writeString(responsePayload);
				}
			}
			out.writeEndObject();
		});
	}
}
