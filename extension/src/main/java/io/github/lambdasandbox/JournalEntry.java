package io.github.lambdasandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One thing that happened in a sandbox, at a virtual instant: an event accepted, an attempt, a retry, a
 * delivery, a message sent, an object stored, a log line. Entries are immutable; the sandbox's
 * {@link Journal} keeps them in the order they happened.
 *
 * <p>Every entry names, where it applies, the request it belongs to ({@link #requestId()}), the function
 * ({@link #function()}) and the resource ({@link #resource()}: {@code sqs:name}, {@code sns:name},
 * {@code events:name}, {@code s3:name}, {@code lambda:name}).
 *
 * @since 0.2
 */
public sealed interface JournalEntry {

	/** The entry's position in the journal: 0, 1, 2 … in the order things happened. */
	long sequence();

	/** The virtual instant it happened. */
	Instant at();

	/** The request it belongs to, or {@code null}. */
	default String requestId() {
		return null;
	}

	/** The function it concerns, or {@code null}. */
	default String function() {
		return null;
	}

	/** The resource it concerns ({@code sqs:orders}, {@code s3:images} …), or {@code null}. */
	default String resource() {
		return null;
	}

	/** How the invocation was asked for: {@code Event} (asynchronous) or {@code RequestResponse} (synchronous). */
	enum InvocationType {
		EVENT("Event"), REQUEST_RESPONSE("RequestResponse");

		private final String awsName;

		InvocationType(String awsName) {
			this.awsName = awsName;
		}

		/** {@code Event} or {@code RequestResponse}. */
		public String awsName() {
			return awsName;
		}
	}

	/** How an attempt ended. */
	enum Outcome {
		/** The handler returned. */
		SUCCESS,
		/** The handler (or its constructor) threw, or the runtime failed it. */
		FUNCTION_ERROR,
		/** The function's timeout ran out. */
		TIMEOUT
	}

	/**
	 * Lambda accepted an invocation: {@code Event} (202, queued) or {@code RequestResponse}.
	 *
	 * @param origin who asked: {@code invokeAsync}, {@code invoke}, {@code s3:images}, {@code lambda:f} (a
	 * destination or a handler), …
	 * @param qualifier the version or alias the caller named ({@code "1"}, {@code "prod"}, {@code "$LATEST"}), or
	 * {@code null} for an unqualified invocation (which runs {@code $LATEST})
	 */
	record Accepted(long sequence, Instant at, String requestId, String function, InvocationType type, String origin,
			String qualifier) implements JournalEntry {

		/** An unqualified invocation. */
		public Accepted(long sequence, Instant at, String requestId, String function, InvocationType type, String origin) {
			this(sequence, at, requestId, function, type, origin, null);
		}

		/** The function as the caller named it: {@code f}, or {@code f:prod}. @since 0.3 */
		public String invokedAs() {
			return qualifier == null ? function : function + ":" + qualifier;
		}
	}

	/**
	 * The handler started on an execution environment.
	 *
	 * @param attempt 1 for the first attempt of a request, 2 for its first retry, …
	 * @param environment the environment's log stream, e.g. {@code 2025/01/01/[$LATEST]8f3a…}
	 * @param coldStart whether the environment was created for this attempt
	 * @param version the version that runs: {@code "$LATEST"}, or a published version ({@code "1"}) when the caller
	 * named one or an alias
	 */
	record AttemptStarted(long sequence, Instant at, String requestId, String function, int attempt, String environment,
			boolean coldStart, String version) implements JournalEntry {

		/** An attempt of {@code $LATEST}. */
		public AttemptStarted(long sequence, Instant at, String requestId, String function, int attempt, String environment,
				boolean coldStart) {
			this(sequence, at, requestId, function, attempt, environment, coldStart, "$LATEST");
		}
	}

	/**
	 * The handler ended.
	 *
	 * @param errorType the error's type ({@code java.lang.RuntimeException}, {@code Sandbox.Timedout}); null on success
	 * @param errorMessage the error's message; null on success
	 * @param duration the virtual time the attempt took (the time the handler waited on the sandbox clock)
	 * @param runTime the real time the handler's code ran
	 * @param initDuration the real time the environment took to start (the handler's constructor), or null for a
	 * warm start
	 * @param memorySize the function's memory size in MB
	 * @param maxMemoryUsed the memory the environment used, in MB, as the REPORT line shows it
	 */
	record AttemptEnded(long sequence, Instant at, String requestId, String function, int attempt, Outcome outcome,
			String errorType, String errorMessage, Duration duration, Duration runTime, Duration initDuration,
			int memorySize, int maxMemoryUsed) implements JournalEntry {

		/** Whether the handler returned. */
		public boolean succeeded() {
			return outcome == Outcome.SUCCESS;
		}
	}

	/**
	 * An invocation was throttled: no environment was free within the function's or the account's concurrency,
	 * the function's reserved concurrency is 0, or a throttle was simulated.
	 *
	 * @param reason AWS's reason: {@code ReservedFunctionConcurrentInvocationLimitExceeded},
	 * {@code ConcurrentInvocationLimitExceeded}, …
	 */
	record Throttled(long sequence, Instant at, String requestId, String function, String reason)
			implements JournalEntry {
	}

	/**
	 * An asynchronous event goes back to Lambda's queue for another attempt.
	 *
	 * @param retry the retry's number among function-error retries (1 or 2); 0 for a throttle's retry, which
	 * does not use one up
	 * @param delay how long the event waits
	 */
	record RetryScheduled(long sequence, Instant at, String requestId, String function, int retry, Duration delay,
			boolean afterThrottle) implements JournalEntry {
	}

	/**
	 * An asynchronous event is too old for another attempt: it reached {@code MaximumEventAgeInSeconds}, or
	 * the next attempt would be at or past it (Lambda does not wait for a retry it knows is too late).
	 *
	 * @param wouldRetryIn the retry delay that would have passed the maximum age; null if the age is reached
	 */
	record EventAgeExceeded(long sequence, Instant at, String requestId, String function, Duration age,
			Duration maximumAge, Duration wouldRetryIn) implements JournalEntry {
	}

	/**
	 * An asynchronous event failed for good ({@code AsyncEventsDropped}): its invocation record goes to the
	 * on-failure destination and the event to the dead-letter queue, if there are such; otherwise it is lost.
	 *
	 * @param routed whether it has an on-failure destination or a dead-letter queue
	 */
	record EventDropped(long sequence, Instant at, String requestId, String function, Condition condition,
			boolean routed) implements JournalEntry {
	}

	/**
	 * Lambda stopped an invocation because the function was invoked more than 16 times in the same chain of requests
	 * (recursive loop detection, {@code RecursiveLoop} {@code Terminate}): it did not run. A counted drop
	 * ({@code RecursiveInvocationsDropped}). An asynchronous event then goes to the on-failure destination and the
	 * dead-letter queue, a synchronous caller gets {@code RecursiveInvocationException}, an SQS queue's batch fails.
	 *
	 * @param resource the source of an event source mapping's batch ({@code sqs:orders}); null for an invocation
	 * @param invocationType {@code Event}, {@code RequestResponse}, or the mapping's source for a batch
	 * @param chain how many times each function ran in the chain so far, by name, e.g. {@code {f=16, g=16}}
	 * @since 0.3
	 */
	record RecursiveInvocationDropped(long sequence, Instant at, String requestId, String function, String resource,
			String invocationType, java.util.Map<String, Integer> chain) implements JournalEntry {

		public RecursiveInvocationDropped {
			chain = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(chain));
		}
	}

	/**
	 * An invocation record reached a destination.
	 *
	 * @param resource the destination ({@code sqs:S3-failure}, …)
	 * @param messageId the id of what the destination holds now (message, event, object key, or the request id
	 * of a Lambda destination's invocation)
	 */
	record RecordDelivered(long sequence, Instant at, String requestId, String function, Condition condition,
			String resource, String messageId) implements JournalEntry {
	}

	/** A failed event reached the dead-letter queue (with {@code RequestID}, {@code ErrorCode}, {@code ErrorMessage}). */
	record DeadLetterDelivered(long sequence, Instant at, String requestId, String function, String resource,
			String messageId) implements JournalEntry {
	}

	/**
	 * A record or a dead letter could not be delivered ({@code DestinationDeliveryFailures} or
	 * {@code DeadLetterErrors}): it is lost, as in AWS.
	 *
	 * @param deadLetter whether it was the dead letter (else the invocation record)
	 * @param condition the record's condition; null for a dead letter
	 * @param reason why, e.g. "FIFO queues are not supported as destinations"
	 */
	record DeliveryFailed(long sequence, Instant at, String requestId, String function, String resource,
			boolean deadLetter, Condition condition, String reason) implements JournalEntry {
	}

	/**
	 * A message reached an SQS queue.
	 *
	 * @param requestId the request whose outcome it is (a record, a dead letter), or null
	 */
	record MessageSent(long sequence, Instant at, String requestId, String function, String resource,
			SqsMessage message) implements JournalEntry {
	}

	/** A message left an SQS queue (received and deleted). */
	record MessageDeleted(long sequence, Instant at, String resource, String messageId) implements JournalEntry {
	}

	/** A message was published to an SNS topic. */
	record Published(long sequence, Instant at, String requestId, String function, String resource,
			SnsMessage message) implements JournalEntry {
	}

	/**
	 * An event was put on an EventBridge bus.
	 *
	 * @param event the event as the bus's targets receive it
	 */
	record EventPut(long sequence, Instant at, String requestId, String function, String resource, String eventId,
			String event) implements JournalEntry {
	}

	/** An object was stored in an S3 bucket. */
	record ObjectPut(long sequence, Instant at, String requestId, String function, String resource, String key,
			long size, String eTag) implements JournalEntry {
	}

	/** An object was deleted from an S3 bucket (DeleteObject of a key the bucket held). */
	record ObjectDeleted(long sequence, Instant at, String requestId, String function, String resource, String key)
			implements JournalEntry {
	}

	/**
	 * A message published to an SNS topic reached one of its subscriptions.
	 *
	 * @param resource the topic, {@code sns:<name>}
	 * @param endpoint the subscription's endpoint: {@code sqs:<queue>} or {@code lambda:<function>}
	 * @param messageId the SNS message id
	 * @param rawMessageDelivery whether the queue received the message itself rather than SNS's envelope
	 * @param deliveredId the id of the SQS message, or the request id of the function's asynchronous invocation
	 */
	record SubscriptionDelivered(long sequence, Instant at, String requestId, String function, String resource,
			String endpoint, String messageId, boolean rawMessageDelivery, String deliveredId) implements JournalEntry {
	}

	/**
	 * A subscription's filter policy kept a message of its topic from it.
	 *
	 * @param resource the topic, {@code sns:<name>}
	 * @param endpoint the subscription's endpoint
	 * @param filterPolicy the policy, as declared
	 * @param filterPolicyScope {@code MessageAttributes} or {@code MessageBody}
	 */
	record MessageFiltered(long sequence, Instant at, String requestId, String function, String resource,
			String endpoint, String messageId, String filterPolicy, String filterPolicyScope) implements JournalEntry {
	}

	/**
	 * An event put on an EventBridge bus matched a rule's pattern and went to the rule's target.
	 *
	 * @param resource the bus, {@code events:<name>}
	 * @param target {@code sqs:<queue>}, {@code sns:<topic>} or {@code lambda:<function>}
	 * @param deliveredId the id of the SQS message or SNS message, or the request id of the function's invocation
	 */
	record RuleMatched(long sequence, Instant at, String requestId, String function, String resource, String rule,
			String eventId, String target, String deliveredId) implements JournalEntry {
	}

	/**
	 * An event put on an EventBridge bus matched none of the bus's rules: it goes nowhere.
	 *
	 * @param rules the rules of the bus, by name
	 */
	record EventUnmatched(long sequence, Instant at, String requestId, String function, String resource, String eventId,
			List<String> rules) implements JournalEntry {

		public EventUnmatched {
			rules = List.copyOf(rules);
		}
	}

	/**
	 * PutEvents named an event bus that does not exist. EventBridge answers with an event id all the same and drops
	 * the event, without an error ({@code FailedEntryCount} 0); the sandbox does the same and notes it here.
	 *
	 * @param resource {@code events:<name>} of the bus that does not exist
	 */
	record PutToMissingBus(long sequence, Instant at, String requestId, String function, String resource, String eventId)
			implements JournalEntry {
	}

	/**
	 * An S3 bucket sent an event notification (or, when the configuration was made, S3's {@code s3:TestEvent}).
	 *
	 * @param resource the bucket, {@code s3:<name>}
	 * @param configurationId the configuration's id ({@code configurationId} in the event)
	 * @param eventName {@code ObjectCreated:Put}, {@code ObjectCreated:Copy}, {@code ObjectRemoved:Delete} …, or
	 * {@code s3:TestEvent}
	 * @param key the object key as the event writes it (URL-encoded); null for the test event
	 * @param target {@code lambda:<function>}, {@code sqs:<queue>} or {@code sns:<topic>}
	 * @param deliveredId the id of the SQS or SNS message, or the request id of the function's invocation
	 */
	record NotificationSent(long sequence, Instant at, String requestId, String function, String resource,
			String configurationId, String eventName, String key, String target, String deliveredId) implements JournalEntry {
	}

	/**
	 * An event of an S3 bucket was not for one of the bucket's notification configurations: another event type, or a
	 * key its prefix or suffix leaves out.
	 *
	 * @param reason why, e.g. {@code the key does not end with ".jpg"}
	 */
	record NotificationFiltered(long sequence, Instant at, String requestId, String function, String resource,
			String configurationId, String eventName, String key, String target, String reason) implements JournalEntry {
	}

	/**
	 * A subscription, a rule or a notification could not deliver to its target; the message or event is lost for that
	 * target, as in AWS (for example an SNS message with more than 10 attributes to a raw-delivery queue, or an
	 * EventBridge event larger than what its target takes).
	 *
	 * @param resource what routes: {@code sns:<topic>}, {@code events:<bus>}, {@code s3:<bucket>}
	 * @param route the subscription's endpoint, the rule's name, or the configuration's id
	 * @param target where it could not go
	 * @param messageId the SNS message id, EventBridge event id or S3 object key
	 */
	record NotDelivered(long sequence, Instant at, String requestId, String function, String resource, String route,
			String target, String messageId, String reason) implements JournalEntry {
	}

	/** A line of a function's log that its handler wrote (its {@code LambdaLogger}, {@code System.out}, an error). */
	record LogLine(long sequence, Instant at, String requestId, String function, String text) implements JournalEntry {
	}

	// --- SQS queues -----------------------------------------------------------------------------------------

	/**
	 * A message was received from an SQS queue: it stays in the queue, hidden, until it is deleted or its
	 * visibility timeout ends.
	 *
	 * @param receiveCount its {@code ApproximateReceiveCount} now
	 * @param visibleAgainAt when it becomes visible again unless deleted first
	 * @param by who received it: an event source mapping's UUID, {@code test} or {@code sdk}
	 * @since 0.2
	 */
	record MessageReceived(long sequence, Instant at, String resource, String messageId, int receiveCount,
			Instant visibleAgainAt, String by) implements JournalEntry {
	}

	/**
	 * A message was received more often than the queue's redrive policy allows ({@code maxReceiveCount}): SQS
	 * moved it to the dead-letter queue, keeping its id, body and attributes.
	 *
	 * @param deadLetterQueue the queue it is in now: {@code sqs:orders-dlq}
	 * @since 0.2
	 */
	record MessageMovedToDeadLetterQueue(long sequence, Instant at, String resource, String messageId, int receiveCount,
			String deadLetterQueue) implements JournalEntry {
	}

	/**
	 * A message outlived the queue's {@code MessageRetentionPeriod}: SQS deleted it. A counted drop.
	 *
	 * @since 0.2
	 */
	record MessageExpired(long sequence, Instant at, String resource, String messageId, Duration retention)
			implements JournalEntry {
	}

	/**
	 * A message sent to a FIFO queue within 5 minutes of one with the same deduplication id: SQS accepted it and
	 * dropped it. A counted drop.
	 *
	 * @param messageId the id of the earlier message, which SQS answered with
	 * @since 0.2
	 */
	record MessageDeduplicated(long sequence, Instant at, String resource, String messageId, String deduplicationId)
			implements JournalEntry {
	}

	// --- streams and tables ---------------------------------------------------------------------------------

	/**
	 * A record was put on a Kinesis data stream.
	 *
	 * @since 0.2
	 */
	record RecordPut(long sequence, Instant at, String requestId, String function, String resource, String shardId,
			String sequenceNumber, String partitionKey) implements JournalEntry {
	}

	/**
	 * An item of a DynamoDB table changed; its stream got a record.
	 *
	 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
	 * @param keys the item's keys, plain JSON
	 * @since 0.2
	 */
	record ItemChanged(long sequence, Instant at, String requestId, String function, String resource, String eventName,
			String keys, String sequenceNumber) implements JournalEntry {
	}

	// --- event source mappings -----------------------------------------------------------------------------

	/** How a batch's invocation ended. */
	enum BatchOutcome {
		/** The handler returned, with no failed items. */
		SUCCESS,
		/** The handler reported some items as failed ({@code ReportBatchItemFailures}). */
		PARTIAL_FAILURE,
		/** The handler failed, timed out, or reported the whole batch as failed. */
		FAILURE,
		/** Lambda throttled the invocation: the batch did not reach the function. */
		THROTTLED
	}

	/**
	 * An event source mapping invoked its function with a batch.
	 *
	 * @param mapping the mapping's UUID
	 * @param shardId the shard of a stream batch; null for a queue
	 * @param items the batch's message ids (queue) or sequence numbers (stream), in order
	 * @param attempt 1 for a batch's first invocation, 2 for its first retry (streams), …
	 * @since 0.2
	 */
	record BatchInvoked(long sequence, Instant at, String requestId, String function, String mapping, String resource,
			String shardId, List<String> items, int attempt) implements JournalEntry {

		public BatchInvoked {
			items = List.copyOf(items);
		}
	}

	/**
	 * A batch's invocation ended.
	 *
	 * @param failedItems the items that failed: all of them after a failure, those reported after a partial one
	 * @since 0.2
	 */
	record BatchEnded(long sequence, Instant at, String requestId, String function, String mapping, String resource,
			BatchOutcome outcome, List<String> failedItems) implements JournalEntry {

		public BatchEnded {
			failedItems = List.copyOf(failedItems);
		}
	}

	/**
	 * A stream batch that failed will be retried: the shard waits.
	 *
	 * @param requestId the request of the invocation that failed
	 * @param retry the retry's number (1, 2 …); 0 after a throttle, which does not use one up
	 * @since 0.2
	 */
	record BatchRetryScheduled(long sequence, Instant at, String requestId, String function, String mapping,
			String resource, String shardId, int retry, Duration delay, List<String> items) implements JournalEntry {

		public BatchRetryScheduled {
			items = List.copyOf(items);
		}
	}

	/**
	 * A stream batch that failed was split in two ({@code BisectBatchOnFunctionError}); the halves go one after
	 * the other, and the split does not use up a retry.
	 *
	 * @param requestId the request of the invocation that failed
	 * @since 0.2
	 */
	record BatchSplit(long sequence, Instant at, String requestId, String function, String mapping, String resource,
			String shardId, List<String> first, List<String> second) implements JournalEntry {

		public BatchSplit {
			first = List.copyOf(first);
			second = List.copyOf(second);
		}
	}

	/**
	 * A stream mapping's checkpoint moved: the records up to {@code sequenceNumber} are done with.
	 *
	 * @param requestId the request of the batch that moved it (processed or given up), or null
	 * @since 0.2
	 */
	record Checkpointed(long sequence, Instant at, String requestId, String function, String mapping, String resource,
			String shardId, String sequenceNumber) implements JournalEntry {
	}

	/**
	 * A stream mapping gave up on records: retries exhausted or records too old. A record of them went to the
	 * on-failure destination if there is one; without one they are lost, as in AWS. A counted drop.
	 *
	 * @param destination the on-failure destination ({@code sqs:…}), or null
	 * @since 0.2
	 */
	record RecordsDiscarded(long sequence, Instant at, String requestId, String function, String mapping,
			String resource, String shardId, Condition condition, List<String> items, String destination)
			implements JournalEntry {

		public RecordsDiscarded {
			items = List.copyOf(items);
		}
	}

	/**
	 * An event source mapping was enabled, disabled or updated.
	 *
	 * @param change what changed, e.g. {@code Disabled}, {@code BatchSize 10 → 5}
	 * @since 0.2
	 */
	record MappingChanged(long sequence, Instant at, String function, String mapping, String resource, String change)
			implements JournalEntry {
	}

	// --- faults -------------------------------------------------------------------------------------------------

	/**
	 * A fault injected on purpose ({@link Fault}, {@code @InjectFault}) happened: an attempt failed, timed out, took
	 * longer or was refused; a delivery failed; an event or a message was delivered twice.
	 *
	 * @param fault what happened, e.g. {@code function error java.io.IOException: db down}, {@code duplicate delivery}
	 * @since 0.2
	 */
	record FaultInjected(long sequence, Instant at, String requestId, String function, String resource, String fault)
			implements JournalEntry {
	}
}
