package io.github.lambdasandbox.mappings;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.lambdasandbox.EventSourceMappingHandle;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import io.github.lambdasandbox.support.SourceHandlers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random streams and queues with poison among good data, and random failure handling (a poison record with
 * infinite retries and record age blocks its shard for the stream's 24 hours: StreamEventSourceTests covers that): after the sandbox settles,
 * every record is processed or given up on, every message is deleted or in the dead-letter queue, and the
 * sandbox's own accounting finds nothing lost.
 */
@Label("Mappings lose nothing, for random data and failure handling")
class MappingAccountingProperties {

	record StreamSetup(int retries, int recordAge, boolean bisect, boolean partial, int batchSize, int parallelization,
			List<Boolean> poison) {
	}

	@Provide
	Arbitrary<StreamSetup> streamSetups() {
		return Combinators.combine(Arbitraries.of(0, 1, 3), Arbitraries.of(-1, 60, 600), Arbitraries.of(true, false),
				Arbitraries.of(true, false), Arbitraries.of(1, 3, 10, 100), Arbitraries.of(1, 2),
				Arbitraries.of(true, false, false, false).list().ofMinSize(1).ofMaxSize(25))
				.as(StreamSetup::new);
	}

	@Property(tries = 30)
	void everyStreamRecordIsProcessedOrGivenUpOn(@ForAll("streamSetups") StreamSetup setup) {
		String handler = (setup.partial() ? SourceHandlers.PartialKinesisWorker.class : SourceHandlers.KinesisWorker.class)
				.getName();
		String declarations = "retries " + setup;
		try (Sandbox sandbox = new SandboxEngine(ConfigReader.read(Declarations.class), declarations)) {
			EventSourceMappingHandle mapping = sandbox.eventSourceMapping("clicker", "kinesis:clicks");
			mapping.update(u -> u.maximumRetryAttempts(setup.retries()).maximumRecordAgeInSeconds(setup.recordAge())
					.bisectBatchOnFunctionError(setup.bisect()).reportBatchItemFailures(setup.partial())
					.batchSize(setup.batchSize()).parallelizationFactor(setup.parallelization()));
			if (setup.partial()) {
				sandbox.function("clicker").updateCode(SourceHandlers.PartialKinesisWorker.class);
			}
			List<String> put = new ArrayList<>();
			for (int i = 0; i < setup.poison().size(); i++) {
				put.add(sandbox.stream("clicks").putRecord("key-" + (i % 3), setup.poison().get(i) ? "poison bad" : "fine"));
			}
			sandbox.settle();

			Set<String> accounted = new HashSet<>();
			for (JournalEntry entry : sandbox.journal().entries()) {
				if (entry instanceof JournalEntry.RecordsDiscarded d) {
					accounted.addAll(d.items());
				}
			}
			for (EventSourceMappingHandle.Batch batch : mapping.batches()) {
				if (batch.outcome() == JournalEntry.BatchOutcome.SUCCESS) {
					accounted.addAll(batch.items());
				}
				else if (batch.outcome() == JournalEntry.BatchOutcome.PARTIAL_FAILURE) {
					for (String item : batch.items()) {
						if (batch.failedItems().contains(item)) {
							break;
						}
						accounted.add(item);
					}
				}
			}
			assertThat(accounted).as(handler + " " + setup).containsAll(put);
			assertThat(((SandboxEngine) sandbox).accountingProblems()).isNull();
		}
	}

	@io.github.lambdasandbox.LambdaFunction(name = "clicker", handler = SourceHandlers.KinesisWorker.class)
	@io.github.lambdasandbox.DataStream(name = "clicks", shards = 2)
	@io.github.lambdasandbox.EventSourceMapping(function = "clicker", source = "kinesis:clicks", onFailure = "sqs:lost")
	static class Declarations {
	}

	record QueueSetup(int maxReceiveCount, boolean partial, int batchSize, List<Boolean> poison) {
	}

	@Provide
	Arbitrary<QueueSetup> queueSetups() {
		return Combinators.combine(Arbitraries.of(1, 2, 5), Arbitraries.of(true, false), Arbitraries.of(1, 5, 10),
				Arbitraries.of(true, false, false).list().ofMinSize(1).ofMaxSize(30)).as(QueueSetup::new);
	}

	@Property(tries = 30)
	void everyMessageIsDeletedOrInTheDeadLetterQueue(@ForAll("queueSetups") QueueSetup setup) {
		Class<?> declarations = setup.maxReceiveCount() == 1 ? QueueOnce.class : setup.maxReceiveCount() == 2 ? QueueTwice.class
				: QueueFive.class;
		try (Sandbox sandbox = new SandboxEngine(ConfigReader.read(declarations), "queue " + setup)) {
			EventSourceMappingHandle mapping = sandbox.eventSourceMapping("worker", "sqs:orders");
			mapping.update(u -> u.batchSize(setup.batchSize()).reportBatchItemFailures(setup.partial()));
			if (setup.partial()) {
				sandbox.function("worker").updateCode(SourceHandlers.PartialSqsWorker.class);
			}
			Set<String> poison = new HashSet<>();
			for (int i = 0; i < setup.poison().size(); i++) {
				String id = sandbox.queue("orders").sendMessage(setup.poison().get(i) ? "poison bad " + i : "fine " + i);
				if (setup.poison().get(i)) {
					poison.add(id);
				}
			}
			sandbox.settle();

			assertThat(sandbox.queue("orders").messages()).isEmpty();
			assertThat(sandbox.queue("orders-dlq").messages()).extracting(m -> m.messageId())
					.as("the dead-letter queue holds the poison (and, without partial responses, its batch companions)")
					.containsAll(setup.partial() ? poison : Set.of());
			assertThat(((SandboxEngine) sandbox).accountingProblems()).isNull();
		}
	}

	@io.github.lambdasandbox.LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@io.github.lambdasandbox.Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 1)
	@io.github.lambdasandbox.EventSourceMapping(function = "worker", source = "sqs:orders")
	static class QueueOnce {
	}

	@io.github.lambdasandbox.LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@io.github.lambdasandbox.Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 2)
	@io.github.lambdasandbox.EventSourceMapping(function = "worker", source = "sqs:orders")
	static class QueueTwice {
	}

	@io.github.lambdasandbox.LambdaFunction(name = "worker", handler = SourceHandlers.SqsWorker.class)
	@io.github.lambdasandbox.Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 5)
	@io.github.lambdasandbox.EventSourceMapping(function = "worker", source = "sqs:orders")
	static class QueueFive {
	}

}
