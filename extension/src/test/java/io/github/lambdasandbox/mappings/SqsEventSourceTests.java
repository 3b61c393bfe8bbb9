package io.github.lambdasandbox.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.EventSourceMappingHandle;
import io.github.lambdasandbox.EventSourceMappingHandle.Batch;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.JournalEntry.BatchOutcome;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.JsonShape;
import io.github.lambdasandbox.support.SourceHandlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SQS event source mappings: batches, visibility, redrive, partial batch responses, FIFO")
class SqsEventSourceTests {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	static List<String> bodies(Sandbox sandbox, Batch batch, SqsQueue queue) {
		List<String> bodies = new ArrayList<>();
		for (String id : batch.items()) {
			sandbox.journal().entries().stream().filter(e -> e instanceof JournalEntry.MessageSent s
					&& s.message().messageId().equals(id)).findFirst()
					.ifPresent(e -> bodies.add(((JournalEntry.MessageSent) e).message().body()));
		}
		return bodies;
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.Capture.class)
	@Queue(name = "orders")
	@Queue(name = "events")
	@EventSourceMapping(function = "worker", source = "sqs:orders")
	class TheEvent {

		@Test
		void isShapedAsAwsWritesItAndCarriesAttributesAndDigests(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("Test message.", Map.of("Author", "John Grisham"));
			sandbox.settle();

			JsonNode event = Fixtures.parse(sandbox.queue("events").messages().get(0).body());
			JsonNode sample = Fixtures.json("sqs-event.json");
			JsonNode record = event.get("Records").get(0);
			assertThat(record.get("body").asText()).isEqualTo("Test message.");
			assertThat(record.get("md5OfBody").asText()).isEqualTo(sample.get("Records").get(0).get("md5OfBody").asText());
			assertThat(record.get("attributes").get("ApproximateReceiveCount").asText()).isEqualTo("1");
			assertThat(record.get("attributes").get("SentTimestamp").asText()).isEqualTo(Long.toString(START.toEpochMilli()));
			assertThat(record.get("eventSourceARN").asText()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
			assertThat(record.get("messageAttributes").get("Author").get("stringValue").asText()).isEqualTo("John Grisham");
			assertThat(record.get("md5OfMessageAttributes").asText()).hasSize(32);
			List<String> fields = new ArrayList<>();
			record.fieldNames().forEachRemaining(fields::add);
			assertThat(fields).containsExactly("messageId", "receiptHandle", "body", "attributes", "messageAttributes",
					"md5OfMessageAttributes", "md5OfBody", "eventSource", "eventSourceARN", "awsRegion");
		}

		@Test
		void matchesTheSampleFieldForFieldWithoutAttributes(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("Test message.");
			sandbox.settle();

			JsonNode record = Fixtures.parse(sandbox.queue("events").messages().get(0).body()).get("Records").get(0);
			assertThat(record.get("md5OfMessageAttributes").isNull()).isTrue();
			assertThat(record.get("messageAttributes").size()).isZero();
			JsonNode sample = Fixtures.json("sqs-event.json").get("Records").get(0);
			for (String field : List.of("body", "md5OfBody", "eventSource")) {
				assertThat(record.get(field)).as(field).isEqualTo(sample.get(field));
			}
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@Queue(name = "orders", visibilityTimeout = 30, deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 3)
	@EventSourceMapping(function = "worker", source = "sqs:orders")
	class Batches {

		@Test
		void messagesSentAtOneInstantAreBatchedUpToTheBatchSizeAndDeletedOnSuccess(Sandbox sandbox) {
			for (int i = 0; i < 25; i++) {
				sandbox.queue("orders").sendMessage("order " + i);
			}
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("worker", "sqs:orders").batches();
			assertThat(batches).extracting(Batch::size).containsExactly(10, 10, 5);
			assertThat(batches).extracting(Batch::outcome).containsOnly(BatchOutcome.SUCCESS);
			assertThat(batches).extracting(Batch::at).containsOnly(START);
			assertThat(sandbox.queue("orders").messages()).isEmpty();
		}

		@Test
		void aFailedBatchComesBackAfterTheVisibilityTimeoutUntilTheRedrivePolicyMovesItToTheDeadLetterQueue(Sandbox sandbox) {
			String id = sandbox.queue("orders").sendMessage("poison");
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("worker", "sqs:orders").batches();
			assertThat(batches).extracting(Batch::at).containsExactly(START, START.plusSeconds(30), START.plusSeconds(60));
			assertThat(batches).extracting(Batch::outcome).containsOnly(BatchOutcome.FAILURE);
			assertThat(sandbox.queue("orders").messages()).isEmpty();
			List<SqsMessage> dead = sandbox.queue("orders-dlq").messages();
			assertThat(dead).singleElement().satisfies(m -> {
				assertThat(m.messageId()).isEqualTo(id);
				assertThat(m.body()).isEqualTo("poison");
				assertThat(m.sentAt()).isEqualTo(START);
			});
			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.MessageMovedToDeadLetterQueue.class::isInstance)
					.singleElement().satisfies(e -> {
						JournalEntry.MessageMovedToDeadLetterQueue moved = (JournalEntry.MessageMovedToDeadLetterQueue) e;
						assertThat(moved.at()).isEqualTo(START.plusSeconds(90));
						assertThat(moved.receiveCount()).isEqualTo(3);
						assertThat(moved.deadLetterQueue()).isEqualTo("sqs:orders-dlq");
					});
		}

		@Test
		void theReceiveCountGrowsWithEachReceive(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("poison");
			sandbox.clock().pause();
			sandbox.settle();
			assertThat(sandbox.queue("orders").messages()).singleElement()
					.extracting(SqsMessage::approximateReceiveCount).isEqualTo(1);
			assertThat(sandbox.queue("orders").approximateNumberOfMessagesNotVisible()).isOne();

			sandbox.clock().advance(Duration.ofSeconds(30));

			assertThat(sandbox.queue("orders").messages()).singleElement()
					.extracting(SqsMessage::approximateReceiveCount).isEqualTo(2);
		}

		@Test
		void aPoisonMessageFailsTheMessagesOfItsBatchToo(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("good");
			sandbox.queue("orders").sendMessage("poison");
			sandbox.settle();

			assertThat(sandbox.queue("orders-dlq").messages()).extracting(SqsMessage::body)
					.containsExactly("good", "poison");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.PartialSqsWorker.class)
	@Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 2)
	@EventSourceMapping(function = "worker", source = "sqs:orders", reportBatchItemFailures = true)
	class PartialBatchResponses {

		@Test
		void onlyTheReportedMessagesStayAndAreRetried(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("good 1");
			String bad = sandbox.queue("orders").sendMessage("bad");
			sandbox.queue("orders").sendMessage("good 2");
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("worker", "sqs:orders").batches();
			assertThat(batches).hasSize(2);
			assertThat(batches.get(0).outcome()).isEqualTo(BatchOutcome.PARTIAL_FAILURE);
			assertThat(batches.get(0).failedItems()).containsExactly(bad);
			assertThat(batches.get(1).items()).containsExactly(bad);
			assertThat(batches.get(1).at()).isEqualTo(START.plusSeconds(30));
			assertThat(sandbox.queue("orders-dlq").messages()).extracting(SqsMessage::messageId).containsExactly(bad);
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.ForgetfulSqsWorker.class)
	@Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 2)
	@EventSourceMapping(function = "worker", source = "sqs:orders", reportBatchItemFailures = true)
	class TheClassicBug {

		@Test
		void aHandlerThatSwallowsFailuresAndReturnsNothingDeletesWhatFailed(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("bad");
			sandbox.settle();

			assertThat(sandbox.eventSourceMapping("worker", "sqs:orders").batches()).singleElement()
					.extracting(Batch::outcome).isEqualTo(BatchOutcome.SUCCESS);
			assertThat(sandbox.queue("orders").messages()).isEmpty();
			assertThat(sandbox.queue("orders-dlq").messages()).isEmpty();
			assertThat(sandbox.function("worker").logs()).anySatisfy(line -> assertThat(line).contains("failed: cannot process"));
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@Queue(name = "orders", visibilityTimeout = 30)
	@EventSourceMapping(function = "worker", source = "sqs:orders", batchSize = 100, maximumBatchingWindowInSeconds = 5)
	class BatchingWindows {

		@Test
		void messagesAreGatheredUntilTheWindowEnds(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("first");
			sandbox.clock().pause();
			sandbox.clock().advance(Duration.ofSeconds(2));
			sandbox.queue("orders").sendMessage("second");
			sandbox.clock().resume();
			sandbox.settle();

			assertThat(sandbox.eventSourceMapping("worker", "sqs:orders").batches()).singleElement().satisfies(batch -> {
				assertThat(batch.size()).isEqualTo(2);
				assertThat(batch.at()).isEqualTo(START.plusSeconds(5));
			});
		}

		@Test
		void aWindowLongerThanTheVisibilityTimeoutHidesMessagesForWindowPlusTimeoutPlus30Seconds(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("first");
			sandbox.settle();

			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.MessageReceived.class::isInstance)
					.singleElement().extracting(e -> ((JournalEntry.MessageReceived) e).visibleAgainAt())
					// window 5 + timeout 3 = 8 s is within the queue's 30 s: the queue's timeout holds
					.isEqualTo(START.plusSeconds(30));
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class, timeout = 30)
	@Queue(name = "orders", visibilityTimeout = 30)
	@EventSourceMapping(function = "worker", source = "sqs:orders", batchSize = 50, maximumBatchingWindowInSeconds = 20)
	class EffectiveVisibilityTimeout {

		@Test
		void isWindowPlusFunctionTimeoutPlus30SecondsWhenThatIsLonger(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("first");
			sandbox.settle();

			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.MessageReceived.class::isInstance)
					.singleElement().extracting(e -> ((JournalEntry.MessageReceived) e).visibleAgainAt())
					.isEqualTo(START.plusSeconds(20 + 30 + 30));
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.FifoSqsWorker.class)
	@Queue(name = "orders.fifo", contentBasedDeduplication = true, deadLetterQueue = "sqs:orders-dlq.fifo",
			maxReceiveCount = 2)
	@EventSourceMapping(function = "worker", source = "sqs:orders.fifo", reportBatchItemFailures = true)
	class FifoQueues {

		@Test
		void aGroupIsDeliveredInOrderAndHeldBackWhileOneOfItsMessagesIsInFlight(Sandbox sandbox) {
			SqsQueue queue = sandbox.queue("orders.fifo");
			queue.sendMessage("a1", "a");
			queue.sendMessage("a2 bad", "a");
			queue.sendMessage("a3", "a");
			queue.sendMessage("b1", "b");
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("worker", "sqs:orders.fifo").batches();
			assertThat(bodies(sandbox, batches.get(0), queue)).containsExactly("a1", "a2 bad", "a3", "b1");
			// the handler stops at the first failure and reports the rest as unprocessed, as AWS advises for FIFO
			assertThat(bodies(sandbox, batches.get(1), queue)).containsExactly("a2 bad", "a3", "b1");
			assertThat(batches.get(1).at()).isEqualTo(START.plusSeconds(30));
			// what came back unprocessed with a2 on both receives reaches the dead-letter queue with it, in order
			assertThat(batches).hasSize(2);
			assertThat(sandbox.queue("orders-dlq.fifo").messages()).extracting(SqsMessage::body)
					.containsExactly("a2 bad", "a3", "b1");
			assertThat(queue.messages()).isEmpty();
		}

		@Test
		void aGroupWaitsForItsMessageInFlightWhileOtherGroupsGoOn(Sandbox sandbox) {
			SqsQueue queue = sandbox.queue("orders.fifo");
			queue.sendMessage("a1 bad", "a");
			sandbox.clock().pause();
			sandbox.settle();
			queue.sendMessage("a2", "a");
			queue.sendMessage("b1", "b");
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("worker", "sqs:orders.fifo").batches();
			assertThat(batches).hasSize(2);
			assertThat(bodies(sandbox, batches.get(1), queue)).containsExactly("b1");
			assertThat(queue.messages()).extracting(SqsMessage::body).containsExactly("a1 bad", "a2");
		}

		@Test
		void aDuplicateWithinFiveMinutesIsAcceptedAndDropped(Sandbox sandbox) {
			SqsQueue queue = sandbox.queue("orders.fifo");
			sandbox.eventSourceMapping("worker", "sqs:orders.fifo").disable();
			String first = queue.sendMessage("same", "a");
			String second = queue.sendMessage("same", "a");

			assertThat(second).isEqualTo(first);
			assertThat(queue.messages()).hasSize(1);
			assertThat(sandbox.journal().entries()).filteredOn(JournalEntry.MessageDeduplicated.class::isInstance).hasSize(1);
		}

		@Test
		void aFifoMessageNeedsAGroup(Sandbox sandbox) {
			assertThatIllegalArgumentException().isThrownBy(() -> sandbox.queue("orders.fifo").sendMessage("x"))
					.withMessage("The request must contain the parameter MessageGroupId. (SQS: MissingParameter)");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@Queue(name = "orders")
	@EventSourceMapping(function = "worker", source = "sqs:orders", enabled = false)
	class EnableDisableUpdate {

		@Test
		void aDisabledMappingLeavesMessagesInTheQueueUntilEnabled(Sandbox sandbox) {
			EventSourceMappingHandle mapping = sandbox.eventSourceMapping("worker", "sqs:orders");
			sandbox.queue("orders").sendMessage("one");
			sandbox.settle();
			assertThat(mapping.state()).isEqualTo("Disabled");
			assertThat(sandbox.queue("orders").approximateNumberOfMessages()).isOne();

			mapping.enable();
			sandbox.settle();

			assertThat(mapping.batches()).hasSize(1);
			assertThat(sandbox.queue("orders").messages()).isEmpty();
		}

		@Test
		void anUpdateChangesTheNextBatchesAndIsCheckedAsAwsChecksIt(Sandbox sandbox) {
			EventSourceMappingHandle mapping = sandbox.eventSourceMapping("worker", "sqs:orders");
			mapping.update(u -> u.batchSize(2));
			for (int i = 0; i < 5; i++) {
				sandbox.queue("orders").sendMessage("m" + i);
			}
			mapping.enable();
			sandbox.settle();

			assertThat(mapping.batches()).extracting(Batch::size).containsExactly(2, 2, 1);
			assertThatIllegalArgumentException().isThrownBy(() -> mapping.update(u -> u.batchSize(11)))
					.withMessage("eventSourceMapping(\"worker\", \"sqs:orders\").update(…): batchSize = 11: AWS refuses it: "
							+ "\"Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10\". "
							+ "Set maximumBatchingWindowInSeconds to 1 or more, or batchSize to 10 or less.");
			assertThat(mapping.batchSize()).isEqualTo(2);
		}

		@Test
		void anUnknownMappingListsTheKnownOnes(Sandbox sandbox) {
			assertThatIllegalArgumentException().isThrownBy(() -> sandbox.eventSourceMapping("worker", "sqs:other"))
					.withMessage("No event source mapping of function \"worker\" on \"sqs:other\" in this sandbox. Mappings: "
							+ "\"worker\" on \"sqs:orders\". Declare one with @EventSourceMapping(function = \"worker\", source = "
							+ "\"sqs:other\").");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class, reservedConcurrency = 0)
	@Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 2)
	@EventSourceMapping(function = "worker", source = "sqs:orders")
	class Throttles {

		@Test
		void areTriedAgainWhileTheMessagesAreHiddenThenTheyComeBackAndCanReachTheDeadLetterQueue(Sandbox sandbox) {
			sandbox.queue("orders").sendMessage("one");
			sandbox.settle();

			List<Batch> batches = sandbox.eventSourceMapping("worker", "sqs:orders").batches();
			assertThat(batches).extracting(Batch::outcome).containsOnly(BatchOutcome.THROTTLED);
			// 0, 1, 3, 7, 15 s (then 31 would pass the 30 s visibility timeout); again from 30 s
			assertThat(batches).extracting(Batch::at).startsWith(START, START.plusSeconds(1), START.plusSeconds(3),
					START.plusSeconds(7), START.plusSeconds(15), START.plusSeconds(30));
			assertThat(sandbox.queue("orders-dlq").messages()).extracting(SqsMessage::body).containsExactly("one");
		}
	}

	@Nested
	@LambdaSandbox
	@LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@Queue(name = "orders")
	@EventSourceMapping(function = "worker", source = "sqs:orders")
	class Determinism {

		@Test
		void theSameScenarioGivesTheSameBatchesEveryTime() {
			List<List<Integer>> sizes = new ArrayList<>();
			List<List<List<String>>> items = new ArrayList<>();
			for (int run = 0; run < 50; run++) {
				try (Sandbox sandbox = Sandbox.create(Determinism.class)) {
					for (int i = 0; i < 37; i++) {
						sandbox.queue("orders").sendMessage(i % 9 == 8 ? "poison " + i : "order " + i);
					}
					sandbox.clock().pause();
					sandbox.clock().advance(Duration.ofMinutes(10));
					List<Batch> batches = sandbox.eventSourceMapping("worker", "sqs:orders").batches();
					sizes.add(batches.stream().map(Batch::size).toList());
					items.add(batches.stream().map(Batch::items).toList());
				}
			}
			assertThat(sizes).containsOnly(sizes.get(0));
			assertThat(items).containsOnly(items.get(0));
			assertThat(sizes.get(0)).hasSizeGreaterThan(4);
		}
	}
}
