package io.github.lambdasandbox.internal.engine;

import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** Sns of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class SnsApi implements AwsServices.Sns {

	private final SandboxEngine engine;

	SnsApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public String publish(String topicArn, String message, String subject, Map<String, AwsServices.MessageAttributeValue> attributes, String messageGroupId, String messageDeduplicationId) {
		throw notYet("publish");
	}

	@Override
	public List<AwsServices.BatchResultEntry> publishBatch(String topicArn, List<AwsServices.PublishBatchEntry> entries) {
		throw notYet("publishBatch");
	}

	private static UnsupportedOperationException notYet(String operation) {
		return new UnsupportedOperationException("Sns " + operation + " is not built into the sandbox yet.");
	}
}
