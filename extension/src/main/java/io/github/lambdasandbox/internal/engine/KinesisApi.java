package io.github.lambdasandbox.internal.engine;

import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.config.ConfigReader;

/** Kinesis of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class KinesisApi implements AwsServices.Kinesis {

	/** Kinesis's limit on PutRecords: 500 records. */
	private static final int MAX_RECORDS = 500;

	private final SandboxEngine engine;

	KinesisApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public AwsServices.PutRecordResult putRecord(String streamName, byte[] data, String partitionKey, String explicitHashKey) {
		AttemptRun caller = EngineServices.caller(engine);
		return engine.executive.command(() -> {
			StreamShard.Item item = stream(streamName).put(partitionKey, data, explicitHashKey, requestId(caller),
					function(caller));
			return new AwsServices.PutRecordResult(item.shardId(), item.sequenceNumber());
		});
	}

	@Override
	public AwsServices.PutRecordsResult putRecords(String streamName, List<AwsServices.PutRecordsEntry> records) {
		if (records.isEmpty() || records.size() > MAX_RECORDS) {
			throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value at 'records' failed "
					+ "to satisfy constraint: Member must have length " + (records.isEmpty() ? "greater than or equal to 1"
							: "less than or equal to " + MAX_RECORDS));
		}
		AttemptRun caller = EngineServices.caller(engine);
		return engine.executive.command(() -> {
			SimulatedStream stream = stream(streamName);
			List<AwsServices.PutRecordsResultEntry> results = new ArrayList<>(records.size());
			int failed = 0;
			for (AwsServices.PutRecordsEntry record : records) {
				try {
					StreamShard.Item item = stream.put(record.partitionKey(), record.data(), record.explicitHashKey(),
							requestId(caller), function(caller));
					results.add(new AwsServices.PutRecordsResultEntry(item.shardId(), item.sequenceNumber(), null,
							null));
				}
				catch (AwsServiceException e) {
					failed++;
					results.add(new AwsServices.PutRecordsResultEntry(null, null, e.errorCode(), e.getMessage()));
				}
			}
			return new AwsServices.PutRecordsResult(failed, results);
		});
	}

	/** A stream by name or ARN. Lock held. */
	private SimulatedStream stream(String nameOrArn) {
		String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.indexOf(":stream/") + 8) : nameOrArn;
		if (!engine.hasStream(name)) {
			throw new AwsServiceException(400, "ResourceNotFoundException", "Stream " + name + " under account "
					+ Sandbox.ACCOUNT_ID + " not found. Streams of this sandbox: "
					+ ConfigReader.quoted(engine.streams().stream().map(s -> s.name()).toList()) + "; declare one with "
					+ "@DataStream(name = \"" + name + "\").");
		}
		return engine.streamImpl(name);
	}

	private static String requestId(AttemptRun caller) {
		return caller == null ? null : caller.requestId;
	}

	private static String function(AttemptRun caller) {
		return caller == null ? null : caller.function.name();
	}
}
