package io.github.lambdasandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A message published to an SNS topic.
 *
 * @since 0.1
 */
public interface SnsMessage {

	/** The message id (a UUID). */
	String messageId();

	/** The {@code Message}: an invocation record, an S3 notification, a dead-letter event. */
	String message();

	/** The {@code Subject}, or {@code null} (Lambda sets none; S3 sets "Amazon S3 Notification"). */
	String subject();

	/** The string value of the message attribute {@code name}, or {@code null}. */
	String attribute(String name);

	/** All message attributes, name to string value, in the order they were set. */
	Map<String, String> attributes();

	/** The virtual instant at which it was published. */
	Instant publishedAt();
}
