package io.github.lambdasandbox.internal.engine;

import java.time.Duration;
import java.util.List;

import io.github.lambdasandbox.internal.json.StreamFailureRecords;

/** What a stream mapping reads: a Kinesis stream or a DynamoDB table's stream. Engine only. */
interface StreamSource {

	/** {@code kinesis:clicks}, {@code dynamodb:users}. */
	String resource();

	/** The mapping's {@code EventSourceArn}: the stream's ARN, or the table's stream ARN. */
	String eventSourceArn();

	List<StreamShard> shards();

	/** How often Lambda polls a shard: Kinesis once a second, DynamoDB Streams four times a second. */
	Duration pollInterval();

	/** The event a function gets for records of one shard. */
	String event(StreamShard shard, List<StreamShard.Item> items, String functionName);

	/** The on-failure record of a batch ({@code KinesisBatchInfo} or {@code DDBStreamBatchInfo}). */
	String failureRecord(String requestId, String functionArn, String condition, int approximateInvokeCount,
			StreamFailureRecords.Response response, java.time.Instant timestamp, StreamFailureRecords.BatchInfo batch,
			String payload);
}
