package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.lambdasandbox.internal.json.MessageAttributeValue;
import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.EventBridgeEvents;
import io.github.lambdasandbox.internal.json.InvocationRecords;

/**
 * Where the outcome of an asynchronous invocation goes: the invocation record to the on-success or on-failure
 * destination, the original event to the dead-letter queue. A delivery that fails is not retried; it is
 * counted ({@code DestinationDeliveryFailures}, {@code DeadLetterErrors}) and journaled; so is one the function's
 * execution role may not make. What is delivered belongs to the event's chain of requests (recursive loop
 * detection), except an EventBridge event. Every failed event is counted in {@code AsyncEventsDropped}. Engine only.
 */
final class Router {

	/** The dead-letter message keeps the first 1 KB of the error message. */
	private static final int ERROR_MESSAGE_BYTES = 1024;

	private static final DateTimeFormatter S3_KEY_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd/yyyy-MM-dd'T'HH.mm.ss")
			.withZone(ZoneOffset.UTC);

	private final SandboxEngine engine;

	Router(SandboxEngine engine) {
		this.engine = engine;
	}

	void succeeded(AsyncEvent event) {
		TargetRef target = event.config().onSuccess();
		if (target != null) {
			engine.recursion.within(chain(event), () -> deliverRecord(event, Condition.SUCCESS, target));
		}
	}

	/** The chain of requests of what Lambda sends for an event: the one its attempts ran in. */
	private static Lineage chain(AsyncEvent event) {
		return event.lineage.after(event.function.name());
	}

	void failed(AsyncEvent event, Condition condition) {
		FunctionConfig config = event.config();
		boolean routed = config.onFailure() != null || config.deadLetterQueue() != null;
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.EventDropped(journal.next(), engine.executive.instant(), event.requestId,
				config.name(), condition, routed));
		engine.recursion.within(chain(event), () -> {
			if (config.onFailure() != null) {
				deliverRecord(event, condition, config.onFailure());
			}
			if (config.deadLetterQueue() != null) {
				deliverToDeadLetterQueue(event, condition, config.deadLetterQueue());
			}
		});
	}

	private void deliverRecord(AsyncEvent event, Condition condition, TargetRef target) {
		AttemptResult last = event.last;
		// qualified as invoked (…:f:$LATEST, …:f:1, …:f:prod), with the version that ran
		String functionArn = event.functionArn();
		String record = InvocationRecords.record(engine.executive.instant(), event.requestId, functionArn,
				condition.awsName(), event.attempts, event.payload, last == null ? null : last.payload(),
				last == null || last.json(), last == null ? null : last.functionError(), event.executedVersion);
		String function = event.function.name();
		String denied = engine.roles.deliveryDenied(function, target);
		String problem = denied != null ? denied : deliveryProblem(target, record, condition, functionArn);
		if (problem != null) {
			failedDelivery(event, target, false, condition, problem);
			return;
		}
		String id = switch (target.service()) {
			case SQS -> engine.queueImpl(target.name()).deliver(record, Map.of(), event.requestId, function);
			case SNS -> engine.topicImpl(target.name()).publish(record, null, Map.of(), event.requestId, function);
			case EVENTS -> {
				SimulatedBus bus = engine.busImpl(target.name());
				String eventId = engine.ids.uuid();
				// a chain of requests does not go on through EventBridge: Lambda cannot follow it there
				engine.recursion.unfollowed(() -> {
					bus.put(eventId, EventBridgeEvents.invocationResult(eventId, engine.executive.instant(),
							condition == Condition.SUCCESS, bus.arn(), functionArn, record), event.requestId, function);
					return null;
				});
				yield eventId;
			}
			case LAMBDA -> engine.asyncInvoker.accept(engine.runtime(target.name()), record,
					"the destination of " + function);
			case S3 -> {
				String key = "aws/lambda/async/" + function + "/" + S3_KEY_TIME.format(engine.executive.instant()) + "-"
						+ engine.ids.uuid();
				engine.bucketImpl(target.name()).put(key, record.getBytes(StandardCharsets.UTF_8), event.requestId, function);
				yield key;
			}
		};
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.RecordDelivered(journal.next(), engine.executive.instant(), event.requestId,
				function, condition, target.toString(), id));
	}

	/** Why a record cannot go to {@code target}, or null if it can. */
	private String deliveryProblem(TargetRef target, String record, Condition condition, String functionArn) {
		if (engine.faults.unavailable(target)) {
			return "the destination is unavailable (an injected fault)";
		}
		return switch (target.service()) {
			case SQS -> engine.queueImpl(target.name()).isFifo() ? "FIFO queues are not supported as destinations"
					: Bytes.utf8Length(record) > SimulatedQueue.MAX_MESSAGE_BYTES
							? "the record is larger than SQS's 1 MiB message limit" : null;
			case SNS -> engine.topicImpl(target.name()).isFifo() ? "FIFO topics are not supported as destinations"
					: Bytes.utf8Length(record) > SimulatedTopic.MAX_MESSAGE_BYTES
							? "the record is larger than SNS's 256 KB message limit" : null;
			case LAMBDA -> Bytes.utf8Length(record) > engine.config().maxAsyncPayloadBytes()
					? "the record is larger than the " + engine.config().maxAsyncPayloadBytes() + "-byte limit of asynchronous "
							+ "invocations" : null;
			case EVENTS -> eventBridgeEntrySize(record, condition, engine.busImpl(target.name()).arn(), functionArn)
					> SimulatedBus.MAX_ENTRY_BYTES ? "the event is larger than EventBridge's 1 MB PutEvents limit" : null;
			case S3 -> null;
		};
	}

	/**
	 * What EventBridge counts of a PutEvents entry: {@code Time} (14 bytes), then the UTF-8 bytes of {@code Source},
	 * {@code DetailType}, {@code Detail} and each of {@code Resources}.
	 */
	private static int eventBridgeEntrySize(String record, Condition condition, String busArn, String functionArn) {
		String detailType = "Lambda Function Invocation Result - " + (condition == Condition.SUCCESS ? "Success" : "Failure");
		return 14 + "lambda".length() + detailType.length() + Bytes.utf8Length(record)
				+ Bytes.utf8Length(busArn) + Bytes.utf8Length(functionArn);
	}

	private void failedDelivery(AsyncEvent event, TargetRef target, boolean deadLetter, Condition condition, String problem) {
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.DeliveryFailed(journal.next(), engine.executive.instant(), event.requestId,
				event.function.name(), target.toString(), deadLetter, deadLetter ? null : condition, problem));
	}

	private void deliverToDeadLetterQueue(AsyncEvent event, Condition condition, TargetRef target) {
		boolean sns = target.service() == TargetRef.Service.SNS;
		boolean fifo = sns ? engine.topicImpl(target.name()).isFifo() : engine.queueImpl(target.name()).isFifo();
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("RequestID", Bytes.string(event.requestId));
		AttemptResult last = event.last;
		if (last != null) {
			attributes.put("ErrorCode", Bytes.ERROR_CODE_200);
			attributes.put("ErrorMessage", Bytes.string(truncate(last.errorMessage() == null
					? String.valueOf(last.errorType()) : last.errorMessage())));
		}
		else if (condition == Condition.RECURSIVE_INVOCATION) {
			// stopped as a recursive loop: AWS does not document these values; those of RecursiveInvocationException
			attributes.put("ErrorCode", Bytes.number(400));
			attributes.put("ErrorMessage", Bytes.string(RecursionGuard.MESSAGE));
		}
		else {
			// no attempt ran (throttled): AWS does not document these values; the throttle's own are used
			attributes.put("ErrorCode", Bytes.number(429));
			attributes.put("ErrorMessage", Bytes.string("Rate Exceeded."));
		}
		int limit = sns ? SimulatedTopic.MAX_MESSAGE_BYTES : SimulatedQueue.MAX_MESSAGE_BYTES;
		String denied = engine.roles.deliveryDenied(event.function.name(), target);
		String problem = denied != null ? denied
				: engine.faults.unavailable(target) ? "the dead-letter queue is unavailable (an injected fault)"
				: fifo ? "FIFO " + (sns ? "topics" : "queues") + " are not supported as dead-letter queues"
				: Bytes.size(event.payload, attributes) > limit
						? "the event and its attributes are larger than the " + (sns ? "SNS 256 KB" : "SQS 1 MiB")
								+ " message limit" : null;
		if (problem != null) {
			failedDelivery(event, target, true, null, problem);
			return;
		}
		String function = event.function.name();
		String id = sns ? engine.topicImpl(target.name()).publish(event.payload, null, attributes, event.requestId, function)
				: engine.queueImpl(target.name()).deliver(event.payload, attributes, event.requestId, function);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.DeadLetterDelivered(journal.next(), engine.executive.instant(), event.requestId,
				function, target.toString(), id));
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
