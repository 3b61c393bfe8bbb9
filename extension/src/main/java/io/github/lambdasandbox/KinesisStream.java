package io.github.lambdasandbox;

import java.time.Instant;
import java.util.List;

/**
 * A Kinesis data stream of the sandbox, declared with {@link DataStream @DataStream}.
 *
 * <pre>{@code
 * String sequenceNumber = sandbox.stream("clicks").putRecord("user-1", "{\"page\":\"/\"}");
 * }</pre>
 *
 * @since 0.2
 */
public interface KinesisStream {

	Sandbox sandbox();

	String name();

	/** {@code arn:aws:kinesis:us-east-1:123456789012:stream/<name>}. */
	String arn();

	/** The shard ids, {@code shardId-000000000000} …, in hash key order. */
	List<String> shardIds();

	/**
	 * PutRecord: the record goes to the shard whose hash key range holds the MD5 of the partition key, after the
	 * shard's earlier records; returns its sequence number (they grow within a shard).
	 *
	 * @param data the record's data as UTF-8 text
	 */
	String putRecord(String partitionKey, String data);

	/** PutRecord with binary data. */
	String putRecord(String partitionKey, byte[] data);

	/** The records the stream holds (within its retention), shard by shard, each shard in order. */
	List<Record> records();

	/**
	 * A record of the stream.
	 *
	 * @param data the bytes the producer put
	 */
	record Record(String shardId, String sequenceNumber, String partitionKey, byte[] data,
			Instant approximateArrivalTimestamp) {

		public Record {
			data = data.clone();
		}

		@Override
		public byte[] data() {
			return data.clone();
		}

		/** The data as UTF-8 text. */
		public String text() {
			return new String(data, java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Record that && shardId.equals(that.shardId) && sequenceNumber.equals(that.sequenceNumber);
		}

		@Override
		public int hashCode() {
			return sequenceNumber.hashCode();
		}

		@Override
		public String toString() {
			return "Record[" + shardId + " " + sequenceNumber + ", key=" + partitionKey + ", data=" + text() + "]";
		}
	}
}
