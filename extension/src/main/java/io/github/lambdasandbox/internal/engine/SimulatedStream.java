package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.KinesisStream;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.config.StreamConfig;
import io.github.lambdasandbox.internal.json.IamIdentities;
import io.github.lambdasandbox.internal.json.KinesisEvents;
import io.github.lambdasandbox.internal.json.KinesisSequenceNumbers;
import io.github.lambdasandbox.internal.json.KinesisShards;
import io.github.lambdasandbox.internal.json.StreamFailureRecords;

/**
 * A Kinesis data stream of the sandbox: shards that split the hash key space evenly, created when the sandbox
 * starts; a record goes to the shard of its partition key's MD5 and gets a sequence number that grows within the
 * shard. Engine only, except the {@link KinesisStream} methods.
 */
final class SimulatedStream implements KinesisStream, StreamSource {

	/** Kinesis's limit on a record: data and partition key, 1 MiB. */
	static final int MAX_RECORD_BYTES = 1_048_576;

	private final SandboxEngine engine;

	private final StreamConfig config;

	private final String resource;

	private final String arn;

	private final List<StreamShard> shards = new ArrayList<>();

	private final long createdEpochSecond;

	private long counter;

	SimulatedStream(SandboxEngine engine, StreamConfig config) {
		this.engine = engine;
		this.config = config;
		this.resource = "kinesis:" + config.name();
		this.arn = KinesisEvents.streamArn(config.name());
		this.createdEpochSecond = engine.executive.start().getEpochSecond();
		for (int i = 0; i < config.shards(); i++) {
			shards.add(new StreamShard(engine.executive, KinesisShards.shardId(i), i, Duration.ofHours(config.retentionHours())));
		}
	}

	@Override
	public Sandbox sandbox() {
		return engine;
	}

	@Override
	public String name() {
		return config.name();
	}

	@Override
	public String arn() {
		return arn;
	}

	@Override
	public String resource() {
		return resource;
	}

	@Override
	public List<StreamShard> shards() {
		return shards;
	}

	@Override
	public String eventSourceArn() {
		return arn;
	}

	@Override
	public Duration pollInterval() {
		return Duration.ofSeconds(1);
	}

	@Override
	public String event(StreamShard shard, List<StreamShard.Item> items, String functionName) {
		List<KinesisEvents.Record> records = new ArrayList<>(items.size());
		for (StreamShard.Item item : items) {
			records.add((KinesisEvents.Record) item.payload());
		}
		return KinesisEvents.event(shard.shardId, records, arn, IamIdentities.executionRoleArn(functionName));
	}

	@Override
	public String failureRecord(String requestId, String functionArn, String condition, int approximateInvokeCount,
			StreamFailureRecords.Response response, Instant timestamp, StreamFailureRecords.BatchInfo batch, String payload) {
		return StreamFailureRecords.kinesis(requestId, functionArn, condition, approximateInvokeCount, response, timestamp,
				batch, payload);
	}

	@Override
	public List<String> shardIds() {
		return shards.stream().map(s -> s.shardId).toList();
	}

	@Override
	public String putRecord(String partitionKey, String data) {
		return putRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String putRecord(String partitionKey, byte[] data) {
		byte[] copy = data.clone();
		try {
			return engine.executive.command(() -> put(partitionKey, copy, null, null, null).sequenceNumber());
		}
		catch (AwsServiceException e) {
			throw new IllegalArgumentException(e.getMessage() + " (Kinesis: " + e.errorCode() + ")");
		}
	}

	/**
	 * PutRecord, with Kinesis's checks. Lock held.
	 *
	 * @param explicitHashKey a decimal hash key that picks the shard instead of the partition key, or null
	 */
	StreamShard.Item put(String partitionKey, byte[] data, String explicitHashKey, String requestId, String function) {
		if (partitionKey == null || partitionKey.isEmpty() || partitionKey.length() > KinesisShards.MAX_PARTITION_KEY_LENGTH) {
			throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '" + partitionKey
					+ "' at 'partitionKey' failed to satisfy constraint: Member must have length "
					+ (partitionKey == null || partitionKey.isEmpty() ? "greater than or equal to 1" : "less than or equal to 256"));
		}
		if (data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length > MAX_RECORD_BYTES) {
			throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value at 'data' failed to "
					+ "satisfy constraint: Member must have length less than or equal to " + MAX_RECORD_BYTES);
		}
		int index;
		if (explicitHashKey != null) {
			java.math.BigInteger hashKey;
			try {
				hashKey = new java.math.BigInteger(explicitHashKey);
			}
			catch (NumberFormatException e) {
				hashKey = null;
			}
			if (hashKey == null || hashKey.signum() < 0 || hashKey.compareTo(KinesisShards.MAX_HASH_KEY) > 0) {
				throw new AwsServiceException(400, "InvalidArgumentException", "Invalid ExplicitHashKey. ExplicitHashKey must be "
						+ "in the range: [0, 2^128-1]. Specified value was " + explicitHashKey);
			}
			index = KinesisShards.shardIndex(hashKey, shards.size());
		}
		else {
			index = KinesisShards.shardIndex(partitionKey, shards.size());
		}
		StreamShard shard = shards.get(index);
		Instant now = engine.executive.instant();
		String sequenceNumber = KinesisSequenceNumbers.of(createdEpochSecond, index, counter++, now.getEpochSecond());
		KinesisEvents.Record record = new KinesisEvents.Record(partitionKey, sequenceNumber, data, now);
		StreamShard.Item item = new StreamShard.Item(shard.shardId, sequenceNumber, partitionKey, now, engine.executive.nanos(),
				// base64 data and the record's other fields, as the event carries them
				(data.length + 2) / 3 * 4 + partitionKey.length() + 300, record);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.RecordPut(journal.next(), now, requestId, function, resource, shard.shardId,
				sequenceNumber, partitionKey));
		shard.append(item);
		return item;
	}

	@Override
	public List<Record> records() {
		return engine.executive.read(() -> {
			List<Record> records = new ArrayList<>();
			for (StreamShard shard : shards) {
				for (StreamShard.Item item : shard.items()) {
					KinesisEvents.Record r = (KinesisEvents.Record) item.payload();
					records.add(new Record(shard.shardId, r.sequenceNumber(), r.partitionKey(), r.data(),
							r.approximateArrivalTimestamp()));
				}
			}
			return List.copyOf(records);
		});
	}

	@Override
	public String toString() {
		return "KinesisStream[" + config.name() + "]";
	}
}
