package io.github.lambdasandbox.internal.engine;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** One event in the asynchronous invocation queue, with what happened to it so far. */
final class AsyncEvent {

	final String requestId;

	final FunctionRuntime function;

	/** The event exactly as sent: the body of a dead-letter message. */
	final String payload;

	/** The event as JSON: the {@code requestPayload} of a record. */
	final JsonNode payloadJson;

	final Instant enqueuedAt;

	/** Retries used up by function errors (0..MaximumRetryAttempts). */
	int retries;

	/** Times the handler ran: {@code approximateInvokeCount}. */
	int attempts;

	/** Throttles in a row: the exponent of the next throttle back-off. */
	int throttles;

	/** The last attempt; null while none ran. */
	FunctionRuntime.Attempt last;

	AsyncEvent(String requestId, FunctionRuntime function, String payload, JsonNode payloadJson, Instant enqueuedAt) {
		this.requestId = requestId;
		this.function = function;
		this.payload = payload;
		this.payloadJson = payloadJson;
		this.enqueuedAt = enqueuedAt;
	}

	Instant expiresAt() {
		return enqueuedAt.plusSeconds(function.config().maximumEventAgeInSeconds());
	}
}
