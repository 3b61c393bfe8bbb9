package io.github.lambdasandbox;

import java.util.List;
import java.util.Map;

/**
 * An SNS topic of the sandbox. It keeps what was published to it, so tests can read it.
 *
 * @since 0.1
 */
public interface SnsTopic {

	/** The sandbox this topic belongs to. */
	Sandbox sandbox();

	/** The topic name. */
	String name();

	/** {@code arn:aws:sns:us-east-1:123456789012:<name>}. */
	String arn();

	/** Whether this is a FIFO topic (its name ends in {@code .fifo}). */
	boolean isFifo();

	/** What was published so far, oldest first. */
	List<SnsMessage> messages();

	/**
	 * Publishes a message, as SNS's Publish does: the topic keeps it and delivers it to its
	 * {@link Subscription @Subscription}s.
	 *
	 * @return the message id
	 * @throws IllegalArgumentException with SNS's message if SNS would refuse it (an empty message, over 256 KB, a FIFO
	 * topic without a message group id: publish to FIFO topics with the AWS SDK)
	 * @since 0.3
	 */
	String publish(String message);

	/**
	 * Publishes a message with message attributes of data type {@code String}, as {@link #publish(String)}; filter
	 * policies see them. For {@code Number}, {@code String.Array} or {@code Binary} attributes, publish with the AWS
	 * SDK's {@code SnsClient}.
	 *
	 * @since 0.3
	 */
	String publish(String message, Map<String, String> attributes);
}
