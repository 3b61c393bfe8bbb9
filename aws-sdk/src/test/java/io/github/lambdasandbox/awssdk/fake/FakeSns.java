package io.github.lambdasandbox.awssdk.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/** Topics, each with one raw-delivery SQS subscription. */
final class FakeSns implements AwsServices.Sns {

	private final Map<String, String> queueByTopicArn = new HashMap<>();

	private final FakeSqs sqs;

	FakeSns(FakeSqs sqs) {
		this.sqs = sqs;
	}

	void create(String name, String queue) {
		queueByTopicArn.put("arn:aws:sns:" + AwsServices.REGION + ":" + AwsServices.ACCOUNT_ID + ":" + name, queue);
	}

	@Override
	public synchronized String publish(String topicArn, String message, String subject,
			Map<String, AwsServices.MessageAttributeValue> attributes, String messageGroupId, String messageDeduplicationId) {
		String queue = queueByTopicArn.get(topicArn);
		if (queue == null) {
			throw new AwsServiceException(404, "NotFound", "Topic does not exist");
		}
		if (message == null || message.isEmpty()) {
			throw new AwsServiceException(400, "InvalidParameter", "Invalid parameter: Empty message");
		}
		sqs.deliver(queue, message, attributes);
		return UUID.randomUUID().toString();
	}

	@Override
	public synchronized List<AwsServices.BatchResultEntry> publishBatch(String topicArn,
			List<AwsServices.PublishBatchEntry> entries) {
		List<AwsServices.BatchResultEntry> results = new ArrayList<>();
		for (AwsServices.PublishBatchEntry entry : entries) {
			try {
				String messageId = publish(topicArn, entry.message(), entry.subject(), entry.attributes(), entry.messageGroupId(),
						entry.messageDeduplicationId());
				results.add(new AwsServices.BatchResultEntry(entry.id(),
						new AwsServices.SendMessageResult(messageId, null, null, null), null));
			}
			catch (AwsServiceException e) {
				if (e.errorCode().equals("NotFound")) {
					throw e;
				}
				results.add(new AwsServices.BatchResultEntry(entry.id(), null, e));
			}
		}
		return results;
	}
}
