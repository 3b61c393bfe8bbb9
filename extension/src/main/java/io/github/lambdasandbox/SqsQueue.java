package io.github.lambdasandbox;

import java.util.List;
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

	/** The messages now in the queue, oldest first. Reading them does not remove them. */
	List<SqsMessage> messages();

	/** Removes and returns the oldest message (ReceiveMessage then DeleteMessage), if any. */
	Optional<SqsMessage> receive();

	/** Sends a message with no attributes and returns its id. */
	String sendMessage(String body);
}
