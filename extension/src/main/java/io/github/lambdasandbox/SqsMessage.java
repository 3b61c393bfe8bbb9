package io.github.lambdasandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A message in an SQS queue.
 *
 * @since 0.1
 */
public interface SqsMessage {

	/** The message id (a UUID). */
	String messageId();

	/** The body, e.g. an invocation record or, in a dead-letter queue, the original event. */
	String body();

	/** The string value of the message attribute {@code name} (e.g. {@code ErrorMessage}), or {@code null}. */
	String attribute(String name);

	/** The data type of the message attribute {@code name} ({@code String}, {@code Number}…), or {@code null}. */
	String attributeDataType(String name);

	/** All message attributes, name to string value, in the order they were set. */
	Map<String, String> attributes();

	/** The virtual instant at which the message was sent. */
	Instant sentAt();

	/**
	 * {@code ApproximateReceiveCount}: how many times the message was received, as it was when this view was
	 * taken (0 for a message never received).
	 *
	 * @since 0.2
	 */
	int approximateReceiveCount();

	/**
	 * The message group of a message of a FIFO queue; {@code null} in a standard queue.
	 *
	 * @since 0.2
	 */
	String messageGroupId();
}
