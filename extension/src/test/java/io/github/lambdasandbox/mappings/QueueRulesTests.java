package io.github.lambdasandbox.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.support.SourceHandlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SQS's rules of a queue: delays, retention, dead-letter queues keep the original retention")
@LambdaSandbox
@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
@Queue(name = "later", delaySeconds = 10)
@Queue(name = "short-lived", messageRetentionPeriod = 60)
@Queue(name = "orders", messageRetentionPeriod = 120, deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 1)
@Queue(name = "orders-dlq", messageRetentionPeriod = 600)
@EventSourceMapping(function = "worker", source = "sqs:orders")
class QueueRulesTests {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	@Test
	void aDelayedMessageIsHiddenUntilItsDelayEnds(Sandbox sandbox) {
		sandbox.queue("later").sendMessage("soon");
		sandbox.clock().pause();

		assertThat(sandbox.queue("later").approximateNumberOfMessagesDelayed()).isOne();
		assertThat(sandbox.queue("later").receive()).isEmpty();
		sandbox.clock().advance(Duration.ofSeconds(10));
		assertThat(sandbox.queue("later").receive()).map(SqsMessage::body).hasValue("soon");
	}

	@Test
	void aMessageOlderThanTheRetentionPeriodIsDeletedAndJournaled(Sandbox sandbox) {
		sandbox.queue("short-lived").sendMessage("forgotten");
		sandbox.clock().pause();
		sandbox.clock().advance(Duration.ofSeconds(59));
		assertThat(sandbox.queue("short-lived").messages()).hasSize(1);

		sandbox.clock().advance(Duration.ofSeconds(1));

		assertThat(sandbox.queue("short-lived").messages()).isEmpty();
		assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.MessageExpired.class::isInstance).singleElement()
				.extracting(JournalEntry::resource).isEqualTo("sqs:short-lived");
	}

	@Test
	void aMessageMovedToAStandardDeadLetterQueueKeepsItsOriginalRetention(Sandbox sandbox) {
		sandbox.queue("orders").sendMessage("poison");
		sandbox.clock().pause();
		sandbox.settle();
		sandbox.clock().advance(Duration.ofSeconds(30));             // received again: moved, at +30 s
		assertThat(sandbox.queue("orders-dlq").messages()).hasSize(1);

		sandbox.clock().advance(Duration.ofSeconds(90));             // +120 s: the original enqueue's retention ends

		assertThat(sandbox.queue("orders-dlq").messages()).isEmpty();
		assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.MessageExpired.class::isInstance)
				.singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(START.plusSeconds(120)));
	}
}
