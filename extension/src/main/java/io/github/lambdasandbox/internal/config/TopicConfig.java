package io.github.lambdasandbox.internal.config;

/**
 * An SNS topic of the sandbox: declared with {@code @Topic}, or named by a destination, a dead-letter queue, a
 * subscription, a rule or a notification (then with SNS's defaults).
 *
 * @param contentBasedDeduplication a FIFO topic's {@code ContentBasedDeduplication}
 */
public record TopicConfig(String name, boolean contentBasedDeduplication) {

	public boolean fifo() {
		return name.endsWith(".fifo");
	}
}
