package io.github.lambdasandbox.internal.engine;

import java.util.List;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** Kinesis of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class KinesisApi implements AwsServices.Kinesis {

	private final SandboxEngine engine;

	KinesisApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public AwsServices.PutRecordResult putRecord(String streamName, byte[] data, String partitionKey, String explicitHashKey) {
		throw notYet("putRecord");
	}

	@Override
	public AwsServices.PutRecordsResult putRecords(String streamName, List<AwsServices.PutRecordsEntry> records) {
		throw notYet("putRecords");
	}

	private static UnsupportedOperationException notYet(String operation) {
		return new UnsupportedOperationException("Kinesis " + operation + " is not built into the sandbox yet.");
	}
}
