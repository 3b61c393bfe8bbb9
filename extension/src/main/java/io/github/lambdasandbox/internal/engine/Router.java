package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.EventBridgeEvents;
import io.github.lambdasandbox.internal.json.InvocationRecords;
import io.github.lambdasandbox.internal.json.Json;
import io.github.lambdasandbox.internal.services.EventBusImpl;
import io.github.lambdasandbox.internal.services.MessageAttribute;
import io.github.lambdasandbox.internal.services.Metrics;
import io.github.lambdasandbox.internal.services.S3BucketImpl;
import io.github.lambdasandbox.internal.services.SnsTopicImpl;

/**
 * Where the outcome of an asynchronous invocation goes: the invocation record to the on-success or
 * on-failure destination, the original event to the dead-letter queue. A delivery that fails is not
 * retried; it is counted ({@code DestinationDeliveryFailures}, {@code DeadLetterErrors}) and shown on the
 * timeline. Every failed event is counted in {@code AsyncEventsDropped}.
 */
final class Router {

	/** SQS's maximum message size (1 MiB since 2025). */
	static final int SQS_MAX_MESSAGE_BYTES = 1_048_576;

	/** EventBridge's maximum event size (PutEvents entry): 256 KB. */
	static final int EVENTBRIDGE_MAX_EVENT_BYTES = 262_144;

	/** The dead-letter message keeps the first 1 KB of the error message. */
	private static final int ERROR_MESSAGE_BYTES = 1024;

	private static final DateTimeFormatter S3_KEY_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd/yyyy-MM-dd'T'HH.mm.ss")
			.withZone(ZoneOffset.UTC);

	private final SandboxEngine sandbox;

	private final Scheduler scheduler;

	private final Ids ids;

	private final Metrics metrics;

	private final Timeline timeline;

	Router(SandboxEngine sandbox, Scheduler scheduler, Ids ids, Metrics metrics, Timeline timeline) {
		this.sandbox = sandbox;
		this.scheduler = scheduler;
		this.ids = ids;
		this.metrics = metrics;
		this.timeline = timeline;
	}

	void succeeded(AsyncEvent event) {
		TargetRef target = event.function.config().onSuccess();
		if (target != null) {
			deliverRecord(event, Condition.SUCCESS, target);
		}
	}

	void failed(AsyncEvent event, Condition condition) {
		Instant now = scheduler.now();
		FunctionConfig config = event.function.config();
		metrics.increment(config.name(), Metrics.ASYNC_EVENTS_DROPPED);
		if (config.onFailure() == null && config.deadLetterQueue() == null) {
			timeline.add(event.requestId, now, "failed (" + condition.awsName() + "), dropped: no on-failure destination "
					+ "and no dead-letter queue (AsyncEventsDropped)");
			return;
		}
		if (config.onFailure() != null) {
			deliverRecord(event, condition, config.onFailure());
		}
		if (config.deadLetterQueue() != null) {
			deliverToDeadLetterQueue(event, config.deadLetterQueue());
		}
	}

	private void deliverRecord(AsyncEvent event, Condition condition, TargetRef target) {
		Instant now = scheduler.now();
		FunctionRuntime.Attempt last = event.last;
		ObjectNode record = InvocationRecords.record(now, event.requestId,
				Arns.functionVersion(event.function.name(), "$LATEST"), condition.awsName(), event.attempts,
				event.payloadJson, last == null ? null : last.payload(), last == null ? null : last.functionError());
		String body = Json.write(record);
		String what = "record (" + condition.awsName() + ") → " + target;
		String cause = "record of " + event.requestId + " to " + target;
		String problem = deliveryProblem(target, body.getBytes(StandardCharsets.UTF_8).length);
		if (problem != null) {
			metrics.increment(event.function.name(), Metrics.DESTINATION_DELIVERY_FAILURES);
			timeline.add(event.requestId, now, what + " NOT delivered: " + problem + " (DestinationDeliveryFailures)");
			return;
		}
		switch (target.service()) {
			case SQS -> {
				sandbox.queueImpl(target.name()).send(body, Map.of(), cause);
				timeline.add(event.requestId, now, what);
			}
			case SNS -> {
				sandbox.topicImpl(target.name()).publish(body, null, Map.of(), cause);
				timeline.add(event.requestId, now, what);
			}
			case EVENTS -> {
				EventBusImpl bus = sandbox.eventBusImpl(target.name());
				bus.put(Json.write(EventBridgeEvents.invocationResult(ids.uuid(cause), now, condition == Condition.SUCCESS,
						bus.arn(), Arns.functionVersion(event.function.name(), "$LATEST"), record)));
				timeline.add(event.requestId, now, what);
			}
			case LAMBDA -> {
				String requestId = sandbox.acceptAsync(target.name(), body, "the destination of " + event.function.name(), cause);
				timeline.add(event.requestId, now, what + " (request " + requestId + ")");
			}
			case S3 -> {
				String key = "aws/lambda/async/" + event.function.name() + "/" + S3_KEY_TIME.format(now) + "-"
						+ ids.uuid(cause);
				S3BucketImpl bucket = sandbox.bucketImpl(target.name());
				bucket.putObject(key, body);
				timeline.add(event.requestId, now, what + " as " + key);
			}
		}
	}

	/** Why a record of {@code bytes} cannot go to {@code target}, or null if it can. */
	private String deliveryProblem(TargetRef target, int bytes) {
		return switch (target.service()) {
			case SQS -> sandbox.queueImpl(target.name()).isFifo() ? "FIFO queues are not supported as destinations"
					: bytes > SQS_MAX_MESSAGE_BYTES ? "the record is larger than SQS's 1 MiB message limit" : null;
			case SNS -> sandbox.topicImpl(target.name()).isFifo() ? "FIFO topics are not supported as destinations"
					: bytes > SnsTopicImpl.MAX_MESSAGE_BYTES ? "the record is larger than SNS's 256 KB message limit" : null;
			case LAMBDA -> bytes > SandboxEngine.MAX_ASYNC_PAYLOAD_BYTES
					? "the record is larger than the 1 MB limit of asynchronous invocations" : null;
			case EVENTS -> bytes > EVENTBRIDGE_MAX_EVENT_BYTES ? "the record is larger than EventBridge's 256 KB event limit"
					: null;
			case S3 -> null;
		};
	}

	private void deliverToDeadLetterQueue(AsyncEvent event, TargetRef target) {
		Instant now = scheduler.now();
		boolean sns = target.service() == TargetRef.Service.SNS;
		boolean fifo = sns ? sandbox.topicImpl(target.name()).isFifo() : sandbox.queueImpl(target.name()).isFifo();
		int limit = sns ? SnsTopicImpl.MAX_MESSAGE_BYTES : SQS_MAX_MESSAGE_BYTES;
		String problem = fifo ? "FIFO " + (sns ? "topics" : "queues") + " are not supported as dead-letter queues"
				: event.payload.getBytes(StandardCharsets.UTF_8).length > limit
						? "the event is larger than the " + (sns ? "SNS" : "SQS") + " message limit" : null;
		if (problem != null) {
			metrics.increment(event.function.name(), Metrics.DEAD_LETTER_ERRORS);
			timeline.add(event.requestId, now, "event → dead-letter queue " + target + " NOT delivered: " + problem
					+ " (DeadLetterErrors)");
			return;
		}
		Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
		attributes.put("RequestID", MessageAttribute.string(event.requestId));
		FunctionRuntime.Attempt last = event.last;
		if (last != null) {
			attributes.put("ErrorCode", MessageAttribute.number(200));
			attributes.put("ErrorMessage", MessageAttribute.string(truncate(last.errorMessage() == null
					? last.errorType() : last.errorMessage())));
		}
		else {
			// no attempt ran (throttled): AWS does not document these values; the throttle's own are used
			attributes.put("ErrorCode", MessageAttribute.number(429));
			attributes.put("ErrorMessage", MessageAttribute.string("Rate Exceeded."));
		}
		if (sns) {
			sandbox.topicImpl(target.name()).publish(event.payload, null, attributes, "dead letter of " + event.requestId);
		}
		else {
			sandbox.queueImpl(target.name()).send(event.payload, attributes, "dead letter of " + event.requestId);
		}
		timeline.add(event.requestId, now, "event → dead-letter queue " + target);
	}

	/** The first 1 KB (1024 bytes of UTF-8), never cutting a character in two. */
	static String truncate(String message) {
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= ERROR_MESSAGE_BYTES) {
			return message;
		}
		int end = ERROR_MESSAGE_BYTES;
		while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
			end--;
		}
		return new String(bytes, 0, end, StandardCharsets.UTF_8);
	}
}
