package io.github.lambdasandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SQS queue of the sandbox.
 *
 * @since 0.1
 */
public interface SqsQueue {

	/** The sandbox this queue belongs to. */
	Sandbox sandbox();

	/** The queue name. */
	String name();

	/** {@code arn:aws:sqs:us-east-1:123456789012:<name>}. */
	String arn();

	/** Whether this is a FIFO queue (its name ends in {@code .fifo}). */
	boolean isFifo();

	/**
	 * Every message the queue holds, visible, in flight (received and not yet deleted) or delayed, oldest first.
	 * Reading them does not receive them.
	 */
	List<SqsMessage> messages();

	/**
	 * Receives the oldest visible message and deletes it at once (ReceiveMessage then DeleteMessage), if there is
	 * one. A message due for the queue's dead-letter queue moves there instead, as a receive makes SQS move it.
	 */
	Optional<SqsMessage> receive();

	/**
	 * Sends a message with no attributes and returns its id. On a FIFO queue, use
	 * {@link #sendMessage(String, String)}: every FIFO message belongs to a message group.
	 */
	String sendMessage(String body);

	/**
	 * Sends a message with {@code String} message attributes (name to value, in this order) and returns its id.
	 *
	 * @since 0.2
	 */
	String sendMessage(String body, Map<String, String> attributes);

	/**
	 * Sends a message of a FIFO queue to the message group {@code messageGroupId}; its deduplication id is the
	 * SHA-256 of the body, which needs {@code @Queue(contentBasedDeduplication = true)}, as in SQS. Returns its id
	 * (that of the earlier message, for a duplicate within 5 minutes, which SQS accepts and drops).
	 *
	 * @since 0.2
	 */
	String sendMessage(String body, String messageGroupId);

	/**
	 * Sends a message of a FIFO queue with an explicit deduplication id.
	 *
	 * @since 0.2
	 */
	String sendMessage(String body, String messageGroupId, String messageDeduplicationId);

	/**
	 * {@code ApproximateNumberOfMessages}: the messages available for retrieval now.
	 *
	 * @since 0.2
	 */
	int approximateNumberOfMessages();

	/**
	 * {@code ApproximateNumberOfMessagesNotVisible}: the messages in flight (received, not yet deleted, their
	 * visibility timeout not yet over).
	 *
	 * @since 0.2
	 */
	int approximateNumberOfMessagesNotVisible();

	/**
	 * {@code ApproximateNumberOfMessagesDelayed}: the messages not yet visible because of a delay.
	 *
	 * @since 0.2
	 */
	int approximateNumberOfMessagesDelayed();

	/**
	 * Delivers the next message an event source mapping receives from this (standard) queue twice, in two batches,
	 * as SQS may (at least once). For testing idempotent handlers.
	 *
	 * @since 0.2
	 */
	void deliverNextMessageTwice();
}
