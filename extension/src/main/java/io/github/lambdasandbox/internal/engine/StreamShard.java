package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A shard of a Kinesis stream or of a DynamoDB table's stream: records in order, each with its sequence number,
 * kept for the stream's retention. Readers (event source mappings) keep their own position, an index into the
 * shard that never goes back. Engine only, lock held.
 */
final class StreamShard {

	/**
	 * A record of a shard.
	 *
	 * @param partitionKey what orders records within a shard for parallel batches (Kinesis's partition key, an
	 * item's keys)
	 * @param sizeBytes what the record adds to an invocation's payload, roughly
	 * @param payload the record as its event writes it ({@code KinesisEvents.Record}, {@code DynamoDbStreams.Change})
	 */
	record Item(String shardId, String sequenceNumber, String partitionKey, Instant arrival, long arrivalNanos,
			int sizeBytes, Object payload) {
	}

	/** Told when a record arrives: lock held, schedule work only. */
	interface Listener {

		void recordsArrived(StreamShard shard);
	}

	private final Executive executive;

	final String shardId;

	final int index;

	private final long retentionNanos;

	/**
	 * Every record since the shard was created: those past retention stay in memory (a sandbox lives for one test)
	 * so that a reader that falls behind can still say which records it lost.
	 */
	private final ArrayList<Item> items = new ArrayList<>();

	private final List<Listener> listeners = new ArrayList<>();

	StreamShard(Executive executive, String shardId, int index, Duration retention) {
		this.executive = executive;
		this.shardId = shardId;
		this.index = index;
		this.retentionNanos = retention.toNanos();
	}

	void append(Item item) {
		items.add(item);
		for (Listener listener : List.copyOf(listeners)) {
			listener.recordsArrived(this);
		}
	}

	/** The index after the last record: where {@code LATEST} starts. */
	int end() {
		return items.size();
	}

	/** The first record still within retention: where {@code TRIM_HORIZON} starts. */
	int start() {
		long cutoff = executive.nanos() - retentionNanos;
		int low = 0;
		int high = items.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (items.get(mid).arrivalNanos() <= cutoff) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/** The record at an index (past retention too, for reports of what was lost). */
	Item get(int index) {
		return items.get(index);
	}

	/** The first index whose record arrived at or after {@code instant} ({@code AT_TIMESTAMP}). */
	int firstAtOrAfter(Instant instant) {
		for (int i = start(); i < items.size(); i++) {
			if (!items.get(i).arrival().isBefore(instant)) {
				return i;
			}
		}
		return end();
	}

	/** The records within retention. */
	List<Item> items() {
		return List.copyOf(items.subList(start(), items.size()));
	}

	void addListener(Listener listener) {
		if (!listeners.contains(listener)) {
			listeners.add(listener);
		}
	}

	void removeListener(Listener listener) {
		listeners.remove(listener);
	}
}
