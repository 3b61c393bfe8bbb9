package io.github.lambdasandbox.internal.engine;

import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** Sqs of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class SqsApi implements AwsServices.Sqs {

	private final SandboxEngine engine;

	SqsApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public String getQueueUrl(String queueName) {
		throw notYet("getQueueUrl");
	}

	@Override
	public AwsServices.SendMessageResult sendMessage(String queueUrl, String body, Map<String, AwsServices.MessageAttributeValue> attributes, int delaySeconds, String messageGroupId, String messageDeduplicationId) {
		throw notYet("sendMessage");
	}

	@Override
	public List<AwsServices.BatchResultEntry> sendMessageBatch(String queueUrl, List<AwsServices.SendMessageBatchEntry> entries) {
		throw notYet("sendMessageBatch");
	}

	@Override
	public List<AwsServices.ReceivedMessage> receiveMessage(String queueUrl, int maxNumberOfMessages, Integer visibilityTimeout, int waitTimeSeconds, List<String> attributeNames, List<String> messageAttributeNames) {
		throw notYet("receiveMessage");
	}

	@Override
	public void deleteMessage(String queueUrl, String receiptHandle) {
		throw notYet("deleteMessage");
	}

	@Override
	public List<AwsServices.BatchResultEntry> deleteMessageBatch(String queueUrl, Map<String, String> receiptHandlesById) {
		throw notYet("deleteMessageBatch");
	}

	@Override
	public void changeMessageVisibility(String queueUrl, String receiptHandle, int visibilityTimeout) {
		throw notYet("changeMessageVisibility");
	}

	@Override
	public Map<String, String> getQueueAttributes(String queueUrl, List<String> attributeNames) {
		throw notYet("getQueueAttributes");
	}

	@Override
	public void purgeQueue(String queueUrl) {
		throw notYet("purgeQueue");
	}

	private static UnsupportedOperationException notYet(String operation) {
		return new UnsupportedOperationException("Sqs " + operation + " is not built into the sandbox yet.");
	}
}
