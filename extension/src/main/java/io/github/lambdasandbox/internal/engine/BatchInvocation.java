package io.github.lambdasandbox.internal.engine;

import java.util.List;
import java.util.function.Consumer;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.JournalEntry.BatchOutcome;
import io.github.lambdasandbox.internal.json.BatchItemFailures;

/**
 * One synchronous invocation of a mapping's function with a batch, scheduled and run in turn: throttled, or an
 * attempt on an environment; its response read as {@code ReportBatchItemFailures} asks. Engine only.
 */
final class BatchInvocation extends EventQueue.Task {

	private final SandboxEngine engine;

	final Mapping mapping;

	final String shardId;

	/** Message ids or sequence numbers, in the batch's order. */
	final List<String> items;

	final String payload;

	/** 1 for a batch's first invocation, 2 for its first retry … */
	final int attempt;

	private final Consumer<BatchInvocation> then;

	/** The chain of requests of the batch's messages (recursive loop detection); none for a stream's records. */
	Lineage lineage = Lineage.NONE;

	String requestId;

	/** The attempt's result; null after a throttle. */
	AttemptResult result;

	BatchOutcome outcome;

	/** Everything after a failure or a throttle; what the function reported after a partial failure. */
	List<String> failed = List.of();

	BatchInvocation(SandboxEngine engine, Mapping mapping, String shardId, List<String> items, String payload, int attempt,
			Consumer<BatchInvocation> then) {
		this.engine = engine;
		this.mapping = mapping;
		this.shardId = shardId;
		this.items = List.copyOf(items);
		this.payload = payload;
		this.attempt = attempt;
		this.then = then;
	}

	@Override
	String label() {
		return "batch of " + items.size() + " from " + mapping.source() + " for " + mapping.functionName()
				+ (shardId == null ? "" : " (" + shardId + ")");
	}

	@Override
	void run() {
		requestId = engine.ids.uuid();
		JournalStore journal = engine.journal;
		FunctionRuntime function = mapping.function();
		journal.append(new JournalEntry.BatchInvoked(journal.next(), engine.executive.instant(), requestId, function.name(),
				mapping.uuid(), mapping.source(), shardId, items, attempt));
		// recursive loop detection: Lambda answers the mapping with RecursiveInvocationException, the batch fails
		Lineage chain = engine.recursion.enter(function, lineage, requestId, mapping.source(), mapping.source());
		if (chain == null) {
			finish(BatchOutcome.FAILURE, items);
			return;
		}
		if (function.throttle(requestId) != null) {
			finish(BatchOutcome.THROTTLED, items);
			return;
		}
		Environment environment = function.acquire();
		AttemptRun run = new AttemptRun(engine.executive, function, environment, requestId, 1, payload, this::ended);
		run.lineage = chain;
		function.start(run);
	}

	private void ended(AttemptResult attemptResult) {
		result = attemptResult;
		if (!attemptResult.success()) {
			finish(BatchOutcome.FAILURE, items);
		}
		else if (!mapping.reportBatchItemFailures()) {
			finish(BatchOutcome.SUCCESS, List.of());
		}
		else {
			BatchItemFailures.Result read = BatchItemFailures.read(attemptResult.payload(), items);
			switch (read.outcome()) {
				case ALL_SUCCEEDED -> finish(BatchOutcome.SUCCESS, List.of());
				case SOME_FAILED -> finish(BatchOutcome.PARTIAL_FAILURE, read.failed());
				case ALL_FAILED -> finish(BatchOutcome.FAILURE, items);
			}
		}
	}

	private void finish(BatchOutcome batchOutcome, List<String> failedItems) {
		outcome = batchOutcome;
		failed = List.copyOf(failedItems);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.BatchEnded(journal.next(), engine.executive.instant(), requestId,
				mapping.functionName(), mapping.uuid(), mapping.source(), outcome, failed));
		then.accept(this);
	}

	/**
	 * {@code "Unhandled"} after a function error; null when the function returned (a partial failure, a response
	 * that fails the whole batch), as AWS writes it after a partial failure.
	 */
	String functionError() {
		return result != null && result.success() ? null : "Unhandled";
	}
}
