package io.github.lambdasandbox.internal.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.internal.config.MappingConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.BatchItemFailures;
import io.github.lambdasandbox.internal.json.KinesisShards;
import io.github.lambdasandbox.internal.json.StreamFailureRecords;

/**
 * Lambda's poller of a Kinesis or DynamoDB Streams mapping: per shard one batch at a time (or
 * {@code ParallelizationFactor} batches, each for the partition keys that hash to it, so the order per key holds),
 * read from the mapping's checkpoint.
 *
 * <p>Polls happen on the source's grid (Kinesis every second, DynamoDB every 250 ms, from the sandbox's start);
 * while records remain after a batch, the next batch follows at once. A batching window gathers records from the
 * poll that first finds some until the window ends, the batch is full, or its event would pass 6 MB.
 *
 * <p>A failed batch blocks its shard and is retried whole, after 1, 2, 4, 8 seconds, then every 12 seconds (AWS
 * documents no schedule; this one gives AWS's recorded count of 8 attempts within a 60-second maximum record
 * age), until it succeeds, {@code MaximumRetryAttempts} is used up ({@code RetryAttemptsExhausted}) or a record
 * grows older than {@code MaximumRecordAgeInSeconds} or the stream's retention ({@code RecordAgeExceeded}; age wins
 * when both). Then the on-failure destination gets a record of the batch and the checkpoint moves past it. A throttle
 * is retried the same way without using up a retry. With {@code BisectBatchOnFunctionError} a failed batch is split
 * in two, first half first, without using up a retry; each half has a fresh count. With
 * {@code ReportBatchItemFailures} the checkpoint moves to the lowest sequence number reported, and the rest is
 * retried (bisected, if asked, at that sequence number). Records already older than the maximum age when polled
 * go to the destination at once ({@code approximateInvokeCount} 1, as AWS writes it) and the rest is invoked.
 * Engine only, lock held.
 */
final class StreamPoller implements Mapping.Poller, StreamShard.Listener {

	private static final long[] RETRY_DELAYS_SECONDS = { 1, 2, 4, 8, 12 };

	/** Lambda's limit on an invocation's payload. */
	private static final long MAX_BATCH_BYTES = 6_291_456;

	private final SandboxEngine engine;

	private final Mapping mapping;

	private final StreamSource source;

	private final List<Lane> lanes = new ArrayList<>();

	private boolean positioned;

	StreamPoller(SandboxEngine engine, Mapping mapping, StreamSource source) {
		this.engine = engine;
		this.mapping = mapping;
		this.source = source;
		buildLanes(null);
	}

	private void buildLanes(Map<StreamShard, Integer> positions) {
		int factor = mapping.config().parallelizationFactor();
		for (StreamShard shard : source.shards()) {
			for (int i = 0; i < factor; i++) {
				Lane lane = new Lane(shard, i, factor);
				if (positions != null) {
					lane.position = positions.get(shard);
					lane.firstPosition = lane.position;
				}
				lanes.add(lane);
			}
		}
	}

	@Override
	public void start() {
		if (!positioned) {
			// the starting position applies when the mapping first reads: LATEST is "after what is there now"
			positioned = true;
			MappingConfig config = mapping.config();
			for (Lane lane : lanes) {
				lane.position = switch (config.startingPosition()) {
					case "LATEST" -> lane.shard.end();
					case "AT_TIMESTAMP" -> lane.shard.firstAtOrAfter(config.startingPositionTimestamp());
					default -> lane.shard.start();
				};
				lane.firstPosition = lane.position;
			}
		}
		for (StreamShard shard : source.shards()) {
			shard.addListener(this);
		}
		for (Lane lane : lanes) {
			lane.wake();
		}
	}

	@Override
	public void stop() {
		for (StreamShard shard : source.shards()) {
			shard.removeListener(this);
		}
		for (Lane lane : lanes) {
			lane.stop();
		}
	}

	@Override
	public void changed() {
		int factor = mapping.config().parallelizationFactor();
		if (lanes.get(0).factor != factor) {
			// lanes regroup from the lowest checkpoint of their shard: at least once, as a resharded reader reads
			Map<StreamShard, Integer> positions = new java.util.HashMap<>();
			for (Lane lane : lanes) {
				positions.merge(lane.shard, lane.position, Math::min);
				lane.retire();
			}
			lanes.clear();
			buildLanes(positions);
		}
		if (mapping.isEnabled()) {
			for (Lane lane : lanes) {
				lane.wake();
			}
		}
	}

	@Override
	public void recordsArrived(StreamShard shard) {
		for (Lane lane : lanes) {
			if (lane.shard == shard) {
				lane.recordsArrived();
			}
		}
	}

	@Override
	public String pending() {
		int unread = 0;
		for (Lane lane : lanes) {
			unread += lane.unread();
		}
		return unread == 0 ? null : unread + " records of " + source.resource() + " not yet processed by " + mapping.functionName()
				+ (mapping.isEnabled() ? "" : " (the mapping is disabled)");
	}

	/**
	 * Every record a lane moved past is accounted for: in a batch that succeeded (or before the lowest item of a
	 * partial failure), or in records given up on (with an on-failure record, or counted as lost).
	 */
	@Override
	public String accountingProblem() {
		java.util.Map<String, List<String>> batches = new java.util.HashMap<>();
		java.util.Set<String> done = new java.util.HashSet<>();
		for (JournalEntry entry : engine.journal.ofResource(source.resource())) {
			if (entry instanceof JournalEntry.BatchInvoked b && b.mapping().equals(mapping.uuid())) {
				batches.put(b.requestId(), b.items());
			}
			else if (entry instanceof JournalEntry.BatchEnded e && e.mapping().equals(mapping.uuid())) {
				List<String> items = batches.getOrDefault(e.requestId(), List.of());
				if (e.outcome() == JournalEntry.BatchOutcome.SUCCESS) {
					done.addAll(items);
				}
				else if (e.outcome() == JournalEntry.BatchOutcome.PARTIAL_FAILURE) {
					String lowest = BatchItemFailures.lowestSequenceNumber(e.failedItems());
					for (String item : items) {
						if (item.equals(lowest)) {
							break;
						}
						done.add(item);
					}
				}
			}
			else if (entry instanceof JournalEntry.RecordsDiscarded d && d.mapping().equals(mapping.uuid())) {
				done.addAll(d.items());
			}
		}
		List<String> lost = new ArrayList<>();
		for (Lane lane : lanes) {
			for (int i = lane.firstPosition; i < lane.position; i++) {
				StreamShard.Item item = lane.shard.get(i);
				if (lane.mine(item) && !done.contains(item.sequenceNumber())) {
					lost.add(lane.shard.shardId + ":" + item.sequenceNumber());
				}
			}
		}
		return lost.isEmpty() ? null : "mapping " + mapping.uuid() + " of " + source.resource() + " moved past records "
				+ "neither processed nor given up on: " + Timelines.items(lost);
	}

	/** The request of a batch's last invocation, or null before its first. */
	private static String requestOf(Work work) {
		return work.last == null ? null : work.last.requestId;
	}

	/** A record of a shard with its index. */
	private record Entry(int index, StreamShard.Item item) {
	}

	/** A batch being worked on, with its history. */
	private static final class Work {

		final List<Entry> entries;

		/** Invocations of this batch. */
		int attempts;

		/** Function errors so far (retries used). */
		int retries;

		int throttles;

		BatchInvocation last;

		Work(List<Entry> entries) {
			this.entries = List.copyOf(entries);
		}

		List<String> sequenceNumbers() {
			return entries.stream().map(e -> e.item().sequenceNumber()).toList();
		}

		Entry lastEntry() {
			return entries.get(entries.size() - 1);
		}
	}

	private enum State {
		IDLE, POLL, WINDOW, INVOKING, RETRY_WAIT
	}

	/** One batch processor of a shard: all of its records, or those of its share of the partition keys. */
	private final class Lane {

		final StreamShard shard;

		final int index;

		final int factor;

		/** The checkpoint: the index of the first record not yet done with. */
		int position;

		/** Where the lane began to read (its starting position): what is before was never its to read. */
		int firstPosition;

		State state = State.IDLE;

		EventQueue.Task task;

		/** Halves of a bisected batch still to go, first first. */
		final Deque<Work> halves = new ArrayDeque<>();

		long windowOpenedAt = -1;

		boolean retired;

		Lane(StreamShard shard, int index, int factor) {
			this.shard = shard;
			this.index = index;
			this.factor = factor;
		}

		String label() {
			return shard.shardId + (factor == 1 ? "" : " (batch " + (index + 1) + " of " + factor + ")");
		}

		boolean mine(StreamShard.Item item) {
			if (factor == 1) {
				return true;
			}
			BigInteger hash = KinesisShards.hashKey(item.partitionKey());
			return hash.mod(BigInteger.valueOf(factor)).intValue() == index;
		}

		int unread() {
			int count = 0;
			for (int i = position; i < shard.end(); i++) {
				if (mine(shard.get(i))) {
					count++;
				}
			}
			return count + (state == State.INVOKING || state == State.RETRY_WAIT ? 1 : 0);
		}

		void wake() {
			if (state == State.IDLE && (!halves.isEmpty() || hasRecords())) {
				schedule(State.POLL, nextTick(), this::poll);
			}
		}

		void recordsArrived() {
			if (!mapping.isEnabled() || retired) {
				return;
			}
			if (state == State.IDLE) {
				schedule(State.POLL, nextTick(), this::poll);
			}
			else if (state == State.WINDOW && available(mapping.config().batchSize()).size() >= mapping.config().batchSize()) {
				task.cancel();
				schedule(State.POLL, engine.executive.nanos(), this::poll);
			}
		}

		void stop() {
			if (task != null) {
				task.cancel();
				task = null;
			}
			halves.clear();
			windowOpenedAt = -1;
			if (state != State.INVOKING) {
				state = State.IDLE;
			}
		}

		void retire() {
			retired = true;
			stop();
		}

		private long nextTick() {
			long interval = source.pollInterval().toNanos();
			long now = engine.executive.nanos();
			return (now + interval - 1) / interval * interval;
		}

		private void schedule(State next, long at, Runnable action) {
			if (task != null) {
				task.cancel();
			}
			state = next;
			task = EventQueue.Task.of(describe(next), () -> {
				task = null;
				state = State.IDLE;
				action.run();
			});
			engine.executive.scheduleAt(Math.max(at, engine.executive.nanos()), task, false);
		}

		private String describe(State next) {
			String what = switch (next) {
				case POLL -> "poll";
				case WINDOW -> "end of the batching window";
				case RETRY_WAIT -> "retry of a failed batch";
				default -> "work";
			};
			return what + " of " + source.resource() + " " + label() + " for " + mapping.functionName();
		}

		private boolean hasRecords() {
			for (int i = position; i < shard.end(); i++) {
				if (mine(shard.get(i))) {
					return true;
				}
			}
			return false;
		}

		/** The lane's next records from the checkpoint: up to {@code max}, and within the payload limit. */
		private List<Entry> available(int max) {
			List<Entry> entries = new ArrayList<>();
			long bytes = 0;
			for (int i = position; i < shard.end() && entries.size() < max; i++) {
				StreamShard.Item item = shard.get(i);
				if (!mine(item)) {
					continue;
				}
				if (!entries.isEmpty() && bytes + item.sizeBytes() > MAX_BATCH_BYTES) {
					break;
				}
				bytes += item.sizeBytes();
				entries.add(new Entry(i, item));
			}
			return entries;
		}

		private void poll() {
			if (!mapping.isEnabled() || retired) {
				return;
			}
			if (!halves.isEmpty()) {
				retry(halves.poll());
				return;
			}
			MappingConfig config = mapping.config();
			long now = engine.executive.nanos();
			// records the stream dropped (retention) before the mapping read them
			int start = shard.start();
			if (position < start) {
				List<Entry> lost = new ArrayList<>();
				for (int i = position; i < start; i++) {
					if (mine(shard.get(i))) {
						lost.add(new Entry(i, shard.get(i)));
					}
				}
				position = start;
				for (int from = 0; from < lost.size(); from += config.batchSize()) {
					discard(new Work(lost.subList(from, Math.min(lost.size(), from + config.batchSize()))),
							Condition.RECORD_AGE_EXCEEDED, 1, null);
				}
			}
			List<Entry> batch = available(config.batchSize());
			if (batch.isEmpty()) {
				windowOpenedAt = -1;
				return;
			}
			int window = config.maximumBatchingWindowInSeconds();
			boolean full = batch.size() >= config.batchSize() || available(config.batchSize() + 1).size() > batch.size();
			if (window > 0 && !full) {
				if (windowOpenedAt < 0) {
					windowOpenedAt = now;
				}
				long end = windowOpenedAt + Duration.ofSeconds(window).toNanos();
				if (now < end) {
					schedule(State.WINDOW, end, this::poll);
					return;
				}
			}
			windowOpenedAt = -1;
			// records older than the maximum age go to the destination without being invoked
			if (config.maximumRecordAgeInSeconds() >= 0) {
				long maxAge = Duration.ofSeconds(config.maximumRecordAgeInSeconds()).toNanos();
				int expired = 0;
				while (expired < batch.size() && batch.get(expired).item().arrivalNanos() + maxAge <= now) {
					expired++;
				}
				if (expired > 0) {
					discard(new Work(batch.subList(0, expired)), Condition.RECORD_AGE_EXCEEDED, 1, null);
					batch = batch.subList(expired, batch.size());
					if (batch.isEmpty()) {
						schedule(State.POLL, now, this::poll);
						return;
					}
				}
			}
			run(new Work(batch));
		}

		private void run(Work work) {
			work.attempts++;
			state = State.INVOKING;
			List<StreamShard.Item> items = work.entries.stream().map(Entry::item).toList();
			BatchInvocation invocation = new BatchInvocation(engine, mapping, shard.shardId, work.sequenceNumbers(),
					source.event(shard, items, mapping.functionName()), work.attempts, done -> ended(work, done));
			engine.executive.scheduleNow(invocation);
		}

		private void ended(Work work, BatchInvocation done) {
			state = State.IDLE;
			work.last = done;
			if (retired) {
				return;
			}
			if (!mapping.isEnabled()) {
				// disabled while it ran: a success counts; anything else is read again from the checkpoint on enable
				if (done.outcome == JournalEntry.BatchOutcome.SUCCESS) {
					checkpoint(work.lastEntry(), done.requestId);
				}
				halves.clear();
				return;
			}
			MappingConfig config = mapping.config();
			switch (done.outcome) {
				case SUCCESS -> {
					checkpoint(work.lastEntry(), done.requestId);
					next();
				}
				case PARTIAL_FAILURE -> {
					String lowest = BatchItemFailures.lowestSequenceNumber(done.failed);
					int at = 0;
					while (at < work.entries.size() && !work.entries.get(at).item().sequenceNumber().equals(lowest)) {
						at++;
					}
					if (at > 0) {
						checkpoint(work.entries.get(at - 1), done.requestId);
					}
					Work rest = new Work(work.entries.subList(at, work.entries.size()));
					rest.attempts = work.attempts;
					rest.retries = work.retries;
					rest.last = done;
					if (config.bisectBatchOnFunctionError() && rest.entries.size() > 1) {
						split(rest);
					}
					else {
						failed(rest);
					}
				}
				case FAILURE -> {
					if (config.bisectBatchOnFunctionError() && work.entries.size() > 1) {
						split(work);
					}
					else {
						failed(work);
					}
				}
				case THROTTLED -> retryLater(work, true);
			}
		}

		private void failed(Work work) {
			work.retries++;
			int max = mapping.config().maximumRetryAttempts();
			if (max >= 0 && work.retries > max) {
				discard(work, Condition.RETRY_ATTEMPTS_EXHAUSTED, work.attempts,
						new StreamFailureRecords.Response("$LATEST", work.last.functionError()));
				next();
			}
			else {
				retryLater(work, false);
			}
		}

		private void split(Work work) {
			int middle = work.entries.size() / 2;
			Work first = new Work(work.entries.subList(0, middle));
			Work second = new Work(work.entries.subList(middle, work.entries.size()));
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.BatchSplit(journal.next(), engine.executive.instant(), requestOf(work),
					mapping.functionName(),
					mapping.uuid(), source.resource(), shard.shardId, first.sequenceNumbers(), second.sequenceNumbers()));
			halves.addFirst(second);
			halves.addFirst(first);
			next();
		}

		private void retryLater(Work work, boolean throttled) {
			int step = throttled ? work.throttles++ : work.retries - 1;
			long seconds = RETRY_DELAYS_SECONDS[Math.min(step, RETRY_DELAYS_SECONDS.length - 1)];
			Duration delay = Duration.ofSeconds(seconds);
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.BatchRetryScheduled(journal.next(), engine.executive.instant(), requestOf(work),
					mapping.functionName(), mapping.uuid(), source.resource(), shard.shardId, throttled ? 0 : work.retries, delay,
					work.sequenceNumbers()));
			schedule(State.RETRY_WAIT, engine.executive.nanos() + delay.toNanos(), () -> retry(work));
		}

		private void retry(Work work) {
			if (!mapping.isEnabled() || retired) {
				return;
			}
			long now = engine.executive.nanos();
			int maxAgeSeconds = mapping.config().maximumRecordAgeInSeconds();
			long oldest = work.entries.get(0).item().arrivalNanos();
			boolean tooOld = maxAgeSeconds >= 0 && oldest + Duration.ofSeconds(maxAgeSeconds).toNanos() <= now;
			if (tooOld || work.entries.get(0).index() < shard.start()) {
				discard(work, Condition.RECORD_AGE_EXCEEDED, work.attempts, null);
				next();
				return;
			}
			run(work);
		}

		/** On with the next half, or the next records. */
		private void next() {
			schedule(State.POLL, engine.executive.nanos(), this::poll);
		}

		private void checkpoint(Entry entry, String requestId) {
			if (entry.index() + 1 <= position) {
				return;
			}
			position = entry.index() + 1;
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.Checkpointed(journal.next(), engine.executive.instant(), requestId,
					mapping.functionName(),
					mapping.uuid(), source.resource(), shard.shardId, entry.item().sequenceNumber()));
		}

		/** Gives up on a batch: a record of it to the on-failure destination, the checkpoint past it. */
		private void discard(Work work, Condition condition, int approximateInvokeCount, StreamFailureRecords.Response response) {
			String requestId = work.last != null ? work.last.requestId : engine.ids.uuid();
			TargetRef destination = mapping.config().onFailure();
			String function = mapping.functionName();
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.RecordsDiscarded(journal.next(), engine.executive.instant(), requestId, function,
					mapping.uuid(), source.resource(), shard.shardId, condition, work.sequenceNumbers(),
					destination == null ? null : destination.toString()));
			if (destination != null) {
				deliver(work, condition, approximateInvokeCount, response, requestId, destination);
			}
			checkpoint(work.lastEntry(), requestId);
		}

		private void deliver(Work work, Condition condition, int approximateInvokeCount,
				StreamFailureRecords.Response response, String requestId, TargetRef destination) {
			StreamShard.Item first = work.entries.get(0).item();
			StreamShard.Item last = work.lastEntry().item();
			StreamFailureRecords.BatchInfo info = new StreamFailureRecords.BatchInfo(shard.shardId, first.sequenceNumber(),
					last.sequenceNumber(), first.arrival(), last.arrival(), work.entries.size(), source.eventSourceArn());
			String function = mapping.functionName();
			String denied = engine.roles.deliveryDenied(function, destination);
			if (denied != null) {
				JournalStore journal = engine.journal;
				journal.append(new JournalEntry.DeliveryFailed(journal.next(), engine.executive.instant(), requestId, function,
						destination.toString(), false, condition, denied));
				return;
			}
			String functionArn = Arns.function(function);
			String payload = destination.service() == TargetRef.Service.S3
					? source.event(shard, work.entries.stream().map(Entry::item).toList(), function) : null;
			String record = source.failureRecord(requestId, functionArn, condition.awsName(), approximateInvokeCount, response,
					engine.executive.instant(), info, payload);
			String id = switch (destination.service()) {
				case SQS -> engine.queueImpl(destination.name()).deliver(record, Map.of(), requestId, function);
				case SNS -> engine.topicImpl(destination.name()).publish(record, null, Map.of(), requestId, function);
				case S3 -> {
					String key = StreamFailureRecords.s3ObjectKey(mapping.uuid(), shard.shardId, engine.executive.instant(),
							engine.ids.uuid());
					engine.bucketImpl(destination.name()).put(key, record.getBytes(StandardCharsets.UTF_8), requestId, function);
					yield key;
				}
				default -> throw new IllegalStateException("No on-failure record to " + destination);
			};
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.RecordDelivered(journal.next(), engine.executive.instant(), requestId, function,
					condition, destination.toString(), id));
		}
	}
}
