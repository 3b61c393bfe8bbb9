package io.github.lambdasandbox;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * An event source mapping of the sandbox, declared with {@link EventSourceMapping @EventSourceMapping}: what it is
 * set to, the batches it invoked its function with, and the changes {@code UpdateEventSourceMapping} makes.
 *
 * <pre>{@code
 * EventSourceMappingHandle mapping = sandbox.eventSourceMapping("worker", "sqs:orders");
 * mapping.disable();
 * sandbox.queue("orders").sendMessage("{}");   // stays in the queue
 * mapping.update(u -> u.batchSize(1).reportBatchItemFailures(true));
 * mapping.enable();                             // the worker gets it now
 * }</pre>
 *
 * @since 0.2
 */
public interface EventSourceMappingHandle {

	/** The mapping's identifier ({@code UUID}). */
	String uuid();

	/** The function it invokes. */
	String functionName();

	/** {@code FunctionArn}: the function's unqualified ARN. */
	String functionArn();

	/** {@code EventSourceArn}: the queue, the stream, or the table's stream. */
	String eventSourceArn();

	/** The source in short form: {@code sqs:orders}, {@code kinesis:clicks}, {@code dynamodb:users}. */
	String source();

	/** {@code State}: {@code Enabled} or {@code Disabled}. */
	String state();

	boolean isEnabled();

	/** Resumes polling where the mapping left off. */
	void enable();

	/**
	 * Stops polling: nothing more is read from the source; a batch already invoked finishes. What is in the source
	 * stays there.
	 */
	void disable();

	int batchSize();

	int maximumBatchingWindowInSeconds();

	boolean reportBatchItemFailures();

	/** Streams: {@code MaximumRetryAttempts}, -1 for infinite. */
	int maximumRetryAttempts();

	/** Streams: {@code MaximumRecordAgeInSeconds}, -1 for infinite. */
	int maximumRecordAgeInSeconds();

	boolean bisectBatchOnFunctionError();

	int parallelizationFactor();

	/** Streams: the on-failure destination in short form ({@code sqs:failures}), or {@code null}. */
	String onFailure();

	/**
	 * Changes settings, as {@code UpdateEventSourceMapping} does: checked as a declaration is, applied to the
	 * batches read from now on.
	 *
	 * @throws IllegalArgumentException with AWS's message for a value AWS refuses
	 */
	void update(Consumer<Update> changes);

	/** The batches the mapping invoked its function with, oldest first. */
	List<Batch> batches();

	/** The settings {@link #update} may change; those not set stay as they are. */
	interface Update {

		Update batchSize(int batchSize);

		Update maximumBatchingWindowInSeconds(int seconds);

		Update reportBatchItemFailures(boolean report);

		Update maximumRetryAttempts(int attempts);

		Update maximumRecordAgeInSeconds(int seconds);

		Update bisectBatchOnFunctionError(boolean bisect);

		Update parallelizationFactor(int factor);

		/** {@code ""} removes the destination, as {@code {"OnFailure":{"Destination":""}}} does in AWS. */
		Update onFailure(String destination);
	}

	/**
	 * One invocation of the function with a batch.
	 *
	 * @param shardId the shard of a stream batch; null for a queue
	 * @param items the message ids (queue) or sequence numbers (stream), in the order the function got them
	 * @param attempt 1 for a batch's first invocation, 2 for its first retry (streams) …
	 * @param outcome how it ended; null while the function runs
	 * @param failedItems what failed: everything after a failure, the reported items after a partial failure
	 */
	record Batch(String requestId, Instant at, String shardId, List<String> items, int attempt,
			JournalEntry.BatchOutcome outcome, List<String> failedItems) {

		public Batch {
			items = List.copyOf(items);
			failedItems = List.copyOf(failedItems);
		}

		public int size() {
			return items.size();
		}
	}
}
