package io.github.lambdasandbox.internal.config;

/**
 * A queue of the sandbox: declared with {@code @Queue}, or named by a destination, a dead-letter queue or a
 * notification (then with SQS's defaults).
 *
 * @param deadLetterQueue the queue's redrive target (a queue name), or null
 */
public record QueueConfig(String name, int visibilityTimeoutSeconds, String deadLetterQueue, int maxReceiveCount,
		int delaySeconds, int messageRetentionPeriodSeconds, boolean contentBasedDeduplication) {

	/** SQS's defaults: a 30-second visibility timeout, no delay, 4 days of retention, no redrive policy. */
	public static QueueConfig defaults(String name) {
		return new QueueConfig(name, 30, null, 10, 0, 345_600, false);
	}

	public boolean fifo() {
		return name.endsWith(".fifo");
	}
}
