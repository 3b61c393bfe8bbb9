package io.github.lambdasandbox;

import java.util.List;

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
}
