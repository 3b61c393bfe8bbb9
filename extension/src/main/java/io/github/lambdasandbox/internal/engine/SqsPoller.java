package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.lambdasandbox.internal.config.MappingConfig;
import io.github.lambdasandbox.internal.json.SqsEvents;

/**
 * Lambda's poller of an SQS event source mapping, event-driven in virtual time: when messages become visible it
 * receives up to {@code BatchSize} of them (hidden for the queue's visibility timeout, or for window + timeout +
 * 30 s when that is longer) and invokes the function with them, five batches at a time to begin with and 300 more
 * a minute while a backlog lasts, up to 1,250. With a batching window it gathers messages until the window ends,
 * the batch is full, or its event would pass 6 MB.
 *
 * <p>After a success the batch's messages are deleted; after a partial failure ({@code ReportBatchItemFailures})
 * the others; after a failure none: they come back when their visibility timeout ends, with a higher receive count,
 * until the queue's redrive policy moves them to its dead-letter queue. A throttled batch is tried again, 1, 2, 4 …
 * seconds later, while its messages are still hidden; then they come back like a failed batch (their receive count
 * has grown: throttles too can send messages to the dead-letter queue, as AWS warns). Engine only, lock held.
 */
final class SqsPoller implements Mapping.Poller, SimulatedQueue.Consumer {

	/** Lambda's limit on an invocation's payload. */
	static final long MAX_BATCH_BYTES = 6_291_456;

	private static final int INITIAL_CONCURRENCY = 5;

	private static final int CONCURRENCY_STEP = 300;

	private static final int MAX_CONCURRENCY = 1250;

	private static final long MINUTE = Duration.ofMinutes(1).toNanos();

	private final SandboxEngine engine;

	private final Mapping mapping;

	private final SimulatedQueue queue;

	private final EventQueue.Task poll;

	/** Messages gathered for the next batch while a batching window is open. */
	private final LinkedHashMap<String, SimulatedQueue.Received> gathering = new LinkedHashMap<>();

	private EventQueue.Task windowEnd;

	/** Batches invoked and not yet done with (a throttled one waiting to be tried again included). */
	private final Set<BatchInvocation> inFlight = new HashSet<>();

	private final Set<EventQueue.Task> throttleRetries = new HashSet<>();

	private int concurrency = INITIAL_CONCURRENCY;

	private long scaledAt;

	SqsPoller(SandboxEngine engine, Mapping mapping, SimulatedQueue queue) {
		this.engine = engine;
		this.mapping = mapping;
		this.queue = queue;
		this.poll = EventQueue.Task.of("poll of " + queue.resource() + " for " + mapping.functionName(), this::poll);
	}

	@Override
	public void start() {
		scaledAt = engine.executive.nanos();
		queue.addConsumer(this);
	}

	@Override
	public void stop() {
		queue.removeConsumer(this);
		poll.cancel();
		if (windowEnd != null) {
			windowEnd.cancel();
			windowEnd = null;
		}
		// what was gathered goes back when its visibility timeout ends, as after a poller's restart in AWS
		gathering.clear();
	}

	@Override
	public void changed() {
		if (mapping.isEnabled()) {
			schedulePoll();
		}
	}

	@Override
	public void messagesAvailable() {
		if (mapping.isEnabled()) {
			schedulePoll();
		}
	}

	private void schedulePoll() {
		if (!poll.isScheduled()) {
			engine.executive.scheduleNow(poll);
		}
	}

	/** How long received messages stay hidden: the queue's timeout, or window + function timeout + 30 s if longer. */
	private int visibilityTimeout() {
		MappingConfig config = mapping.config();
		int queueTimeout = queue.config().visibilityTimeoutSeconds();
		int needed = config.maximumBatchingWindowInSeconds() + mapping.function().config().timeoutSeconds();
		return needed > queueTimeout ? needed + 30 : queueTimeout;
	}

	private void poll() {
		// a role that may not receive: Lambda cannot read the queue (until PutRolePolicy, which polls again)
		if (!mapping.isEnabled() || !engine.roles.allows(mapping.functionName(), "sqs:ReceiveMessage")) {
			return;
		}
		long now = engine.executive.nanos();
		MappingConfig config = mapping.config();
		int batchSize = config.batchSize();
		while (inFlight.size() < concurrency) {
			long bytes = gatheredBytes();
			List<SimulatedQueue.Received> got = queue.receive(batchSize - gathering.size(), visibilityTimeout(), mapping.uuid(),
					MAX_BATCH_BYTES - bytes);
			for (SimulatedQueue.Received received : got) {
				gathering.put(received.message().messageId(), received);
			}
			if (gathering.isEmpty()) {
				return;
			}
			// full: the batch size, or the payload limit stopped the receive while messages wait
			boolean full = gathering.size() >= batchSize || !queue.isFifo() && queue.readyCount() > 0;
			if (config.maximumBatchingWindowInSeconds() == 0 || full || windowEnded(now)) {
				dispatch();
				continue;
			}
			if (windowEnd == null) {
				windowEnd = EventQueue.Task.of("batching window of " + queue.resource() + " for " + mapping.functionName(),
						() -> {
							windowEnd = null;
							if (mapping.isEnabled() && !gathering.isEmpty()) {
								dispatch();
							}
							schedulePoll();
						});
				engine.executive.scheduleAt(now + Duration.ofSeconds(config.maximumBatchingWindowInSeconds()).toNanos(),
						windowEnd, false);
			}
			return;
		}
		// a backlog: Lambda adds up to 300 concurrent batches a minute, up to 1,250
		if (queue.readyCount() > 0 && now - scaledAt >= MINUTE && concurrency < MAX_CONCURRENCY) {
			concurrency = Math.min(MAX_CONCURRENCY, concurrency + CONCURRENCY_STEP);
			scaledAt = now;
			schedulePoll();
		}
	}

	private boolean windowEnded(long now) {
		return windowEnd != null && windowEnd.at() <= now;
	}

	private long gatheredBytes() {
		long bytes = 0;
		for (SimulatedQueue.Received received : gathering.values()) {
			bytes += SimulatedQueue.eventBytes(received.message());
		}
		return bytes;
	}

	private void dispatch() {
		if (windowEnd != null) {
			windowEnd.cancel();
			windowEnd = null;
		}
		List<SimulatedQueue.Received> batch = new ArrayList<>(gathering.values());
		gathering.clear();
		invoke(batch, 1);
	}

	private void invoke(List<SimulatedQueue.Received> batch, int attempt) {
		List<SqsEvents.Message> records = new ArrayList<>(batch.size());
		List<String> ids = new ArrayList<>(batch.size());
		for (SimulatedQueue.Received received : batch) {
			records.add(record(received));
			ids.add(received.message().messageId());
		}
		BatchInvocation invocation = new BatchInvocation(engine, mapping, null, ids, SqsEvents.event(records), attempt,
				done -> ended(done, batch));
		invocation.lineage = chainOf(batch);
		inFlight.add(invocation);
		engine.executive.scheduleNow(invocation);
		// at least once: a message of a standard queue may reach the function twice, in another batch
		List<SimulatedQueue.Received> twice = new ArrayList<>();
		for (SimulatedQueue.Received received : batch) {
			if (!queue.isFifo() && attempt == 1 && engine.faults.duplicatesPossible() && engine.faults.duplicate(queue.resource())) {
				engine.faults.journal(null, mapping.functionName(), queue.resource(), "duplicate delivery of message "
						+ received.message().messageId());
				twice.add(received);
			}
		}
		if (!twice.isEmpty()) {
			List<SqsEvents.Message> again = new ArrayList<>();
			twice.forEach(r -> again.add(record(r)));
			BatchInvocation duplicate = new BatchInvocation(engine, mapping, null,
					twice.stream().map(r -> r.message().messageId()).toList(), SqsEvents.event(again), 1,
					done -> ended(done, twice));
			duplicate.lineage = chainOf(twice);
			inFlight.add(duplicate);
			engine.executive.scheduleNow(duplicate);
		}
	}

	/** The chain of requests of a batch: the longest of its messages' (recursive loop detection). */
	private static Lineage chainOf(List<SimulatedQueue.Received> batch) {
		Lineage chain = Lineage.NONE;
		for (SimulatedQueue.Received received : batch) {
			chain = chain.merge(received.held().lineage);
		}
		return chain;
	}

	private SqsEvents.Message record(SimulatedQueue.Received received) {
		SimulatedQueue.Message message = received.message();
		Map<String, String> attributes = queue.isFifo()
				? SqsEvents.fifoAttributes(message.approximateReceiveCount(), message.sentAt(), message.sequenceNumber(),
						message.messageGroupId(), message.senderId(), message.messageDeduplicationId(),
						received.firstReceived(), null)
				: SqsEvents.standardAttributes(message.approximateReceiveCount(), message.sentAt(), message.senderId(),
						received.firstReceived(), null);
		if (received.held().deadLetterQueueSourceArn != null) {
			attributes.put("DeadLetterQueueSourceArn", received.held().deadLetterQueueSourceArn);
		}
		return SqsEvents.message(message.messageId(), received.receiptHandle(), message.body(), attributes,
				message.attributeMap(), queue.arn());
	}

	private void ended(BatchInvocation done, List<SimulatedQueue.Received> batch) {
		switch (done.outcome) {
			case SUCCESS -> deleteAll(batch, Set.of());
			case PARTIAL_FAILURE -> deleteAll(batch, Set.copyOf(done.failed));
			case FAILURE -> {
				// the whole batch comes back after its visibility timeout; Lambda backs off its concurrency
				if (!mapping.config().reportBatchItemFailures()) {
					concurrency = INITIAL_CONCURRENCY;
				}
			}
			case THROTTLED -> {
				if (retryAfterThrottle(done, batch)) {
					return;
				}
			}
		}
		inFlight.remove(done);
		if (mapping.isEnabled()) {
			schedulePoll();
		}
	}

	private void deleteAll(List<SimulatedQueue.Received> batch, Set<String> failed) {
		if (!engine.roles.allows(mapping.functionName(), "sqs:DeleteMessage")) {
			// a role that may not delete: the messages come back when their visibility timeout ends
			return;
		}
		for (SimulatedQueue.Received received : batch) {
			if (!failed.contains(received.message().messageId()) && received.receiptHandle().equals(received.held().receiptHandle)) {
				queue.delete(received.held());
			}
		}
	}

	/** Tries a throttled batch again while its messages are hidden; false when it gives them up. */
	private boolean retryAfterThrottle(BatchInvocation done, List<SimulatedQueue.Received> batch) {
		long now = engine.executive.nanos();
		long delay = Duration.ofSeconds(Math.min(1L << Math.min(done.attempt - 1, 8), 256)).toNanos();
		long hiddenUntil = Long.MAX_VALUE;
		for (SimulatedQueue.Received received : batch) {
			hiddenUntil = Math.min(hiddenUntil, received.held().visibleAt);
		}
		if (!mapping.isEnabled() || now + delay >= hiddenUntil) {
			return false;
		}
		inFlight.remove(done);
		EventQueue.Task[] retry = new EventQueue.Task[1];
		retry[0] = EventQueue.Task.of("throttled batch of " + batch.size() + " from " + queue.resource() + " tried again", () -> {
			throttleRetries.remove(retry[0]);
			List<SimulatedQueue.Received> still = new ArrayList<>();
			for (SimulatedQueue.Received received : batch) {
				if (received.receiptHandle().equals(received.held().receiptHandle)
						&& received.held().visibleAt > engine.executive.nanos()) {
					still.add(received);
				}
			}
			if (!still.isEmpty()) {
				invoke(still, done.attempt + 1);
			}
			else {
				schedulePoll();
			}
		});
		throttleRetries.add(retry[0]);
		engine.executive.scheduleAt(now + delay, retry[0], false);
		return true;
	}

	@Override
	public String pending() {
		int gathered = gathering.size();
		if (inFlight.isEmpty() && gathered == 0 && throttleRetries.isEmpty()) {
			return null;
		}
		return inFlight.size() + " batches in flight, " + throttleRetries.size() + " throttled batches to try again, "
				+ gathered + " messages gathered in a batching window";
	}

	@Override
	public String accountingProblem() {
		return null;
	}
}
