package io.github.lambdasandbox.awssdk.fake;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/** Streams of one shard, whose records' data are copied to a queue (base64), for tests to read back. */
final class FakeKinesis implements AwsServices.Kinesis {

	private final Map<String, String> queueByStream = new HashMap<>();

	private final FakeSqs sqs;

	private BigInteger sequence = new BigInteger("49590338271490256608559692538361571095921575989136588898");

	FakeKinesis(FakeSqs sqs) {
		this.sqs = sqs;
	}

	void create(String stream, String queue) {
		queueByStream.put(stream, queue);
	}

	@Override
	public synchronized AwsServices.PutRecordResult putRecord(String streamName, byte[] data, String partitionKey,
			String explicitHashKey) {
		String queue = queueByStream.get(streamName);
		if (queue == null) {
			throw new AwsServiceException(400, "ResourceNotFoundException",
					"Stream " + streamName + " under account " + AwsServices.ACCOUNT_ID + " not found.");
		}
		sqs.deliver(queue, Base64.getEncoder().encodeToString(data), Map.of());
		sequence = sequence.add(BigInteger.ONE);
		return new AwsServices.PutRecordResult("shardId-000000000000", sequence.toString());
	}

	@Override
	public synchronized AwsServices.PutRecordsResult putRecords(String streamName, List<AwsServices.PutRecordsEntry> records) {
		List<AwsServices.PutRecordsResultEntry> results = new ArrayList<>();
		for (AwsServices.PutRecordsEntry record : records) {
			AwsServices.PutRecordResult result = putRecord(streamName, record.data(), record.partitionKey(),
					record.explicitHashKey());
			results.add(new AwsServices.PutRecordsResultEntry(result.shardId(), result.sequenceNumber(), null, null));
		}
		return new AwsServices.PutRecordsResult(0, results);
	}
}
