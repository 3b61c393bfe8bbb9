package io.github.lambdasandbox.awssdk.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/** Queues of messages; a received message stays in flight until deleted or made visible again. */
final class FakeSqs implements AwsServices.Sqs {

	static final String URL_PREFIX = "https://sqs." + AwsServices.REGION + ".amazonaws.com/" + AwsServices.ACCOUNT_ID + "/";

	private final Map<String, List<Message>> queues = new LinkedHashMap<>();

	private final Supplier<Instant> clock;

	private final AtomicLong sequence = new AtomicLong(18_000_000_000_000_000L);

	private static final class Message {

		final String id = UUID.randomUUID().toString();

		final String body;

		final Map<String, AwsServices.MessageAttributeValue> attributes;

		final Instant sent;

		final String groupId;

		String receiptHandle;

		int receiveCount;

		Message(String body, Map<String, AwsServices.MessageAttributeValue> attributes, Instant sent, String groupId) {
			this.body = body;
			this.attributes = Map.copyOf(attributes);
			this.sent = sent;
			this.groupId = groupId;
		}
	}

	FakeSqs(Supplier<Instant> clock) {
		this.clock = clock;
	}

	void create(String name) {
		queues.put(name, new ArrayList<>());
	}

	private synchronized List<Message> queue(String urlOrName) {
		String name = urlOrName == null ? "" : urlOrName.substring(urlOrName.lastIndexOf('/') + 1);
		List<Message> queue = queues.get(name);
		if (queue == null) {
			throw new AwsServiceException(400, "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
		}
		return queue;
	}

	@Override
	public synchronized String getQueueUrl(String queueName) {
		queue(queueName);
		return URL_PREFIX + queueName;
	}

	@Override
	public synchronized AwsServices.SendMessageResult sendMessage(String queueUrl, String body,
			Map<String, AwsServices.MessageAttributeValue> attributes, int delaySeconds, String messageGroupId,
			String messageDeduplicationId) {
		List<Message> queue = queue(queueUrl);
		if (body == null || body.isEmpty()) {
			throw new AwsServiceException(400, "MissingParameter", "The request must contain the parameter MessageBody.");
		}
		Message message = new Message(body, attributes, clock.get(), messageGroupId);
		queue.add(message);
		return new AwsServices.SendMessageResult(message.id, Md5.ofBody(body), Md5.ofAttributes(attributes),
				queueUrl.endsWith(".fifo") ? Long.toString(sequence.incrementAndGet()) : null);
	}

	@Override
	public synchronized List<AwsServices.BatchResultEntry> sendMessageBatch(String queueUrl,
			List<AwsServices.SendMessageBatchEntry> entries) {
		queue(queueUrl);
		if (entries.isEmpty()) {
			throw new AwsServiceException(400, "AWS.SimpleQueueService.EmptyBatchRequest",
					"There should be at least one SendMessageBatchRequestEntry in the request.");
		}
		List<AwsServices.BatchResultEntry> results = new ArrayList<>();
		for (AwsServices.SendMessageBatchEntry entry : entries) {
			try {
				results.add(new AwsServices.BatchResultEntry(entry.id(), sendMessage(queueUrl, entry.body(), entry.attributes(),
						entry.delaySeconds(), entry.messageGroupId(), entry.messageDeduplicationId()), null));
			}
			catch (AwsServiceException e) {
				results.add(new AwsServices.BatchResultEntry(entry.id(), null, e));
			}
		}
		return results;
	}

	@Override
	public synchronized List<AwsServices.ReceivedMessage> receiveMessage(String queueUrl, int maxNumberOfMessages,
			Integer visibilityTimeout, int waitTimeSeconds, List<String> attributeNames, List<String> messageAttributeNames) {
		if (maxNumberOfMessages < 1 || maxNumberOfMessages > 10) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Value " + maxNumberOfMessages
					+ " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
		}
		List<AwsServices.ReceivedMessage> received = new ArrayList<>();
		for (Message message : queue(queueUrl)) {
			if (received.size() == maxNumberOfMessages) {
				break;
			}
			if (message.receiptHandle != null) {
				continue;
			}
			message.receiveCount++;
			message.receiptHandle = UUID.randomUUID() + "#" + message.id;
			Map<String, String> attributes = new LinkedHashMap<>();
			boolean all = attributeNames.contains("All");
			if (all || attributeNames.contains("SentTimestamp")) {
				attributes.put("SentTimestamp", Long.toString(message.sent.toEpochMilli()));
			}
			if (all || attributeNames.contains("ApproximateReceiveCount")) {
				attributes.put("ApproximateReceiveCount", Integer.toString(message.receiveCount));
			}
			if (message.groupId != null && (all || attributeNames.contains("MessageGroupId"))) {
				attributes.put("MessageGroupId", message.groupId);
			}
			Map<String, AwsServices.MessageAttributeValue> messageAttributes = new LinkedHashMap<>();
			message.attributes.forEach((name, value) -> {
				for (String wanted : messageAttributeNames) {
					if (wanted.equals("All") || wanted.equals(".*") || wanted.equals(name)
							|| (wanted.endsWith(".*") && name.startsWith(wanted.substring(0, wanted.length() - 1)))) {
						messageAttributes.put(name, value);
						return;
					}
				}
			});
			received.add(new AwsServices.ReceivedMessage(message.id, message.receiptHandle, message.body,
					Md5.ofBody(message.body), Md5.ofAttributes(messageAttributes), attributes, messageAttributes));
		}
		return received;
	}

	private Message inFlight(String queueUrl, String receiptHandle) {
		for (Message message : queue(queueUrl)) {
			if (receiptHandle != null && receiptHandle.equals(message.receiptHandle)) {
				return message;
			}
		}
		throw new AwsServiceException(400, "ReceiptHandleIsInvalid",
				"The input receipt handle \"" + receiptHandle + "\" is not a valid receipt handle.");
	}

	@Override
	public synchronized void deleteMessage(String queueUrl, String receiptHandle) {
		queue(queueUrl).remove(inFlight(queueUrl, receiptHandle));
	}

	@Override
	public synchronized List<AwsServices.BatchResultEntry> deleteMessageBatch(String queueUrl,
			Map<String, String> receiptHandlesById) {
		queue(queueUrl);
		List<AwsServices.BatchResultEntry> results = new ArrayList<>();
		receiptHandlesById.forEach((id, handle) -> {
			try {
				deleteMessage(queueUrl, handle);
				results.add(new AwsServices.BatchResultEntry(id, null, null));
			}
			catch (AwsServiceException e) {
				results.add(new AwsServices.BatchResultEntry(id, null, e));
			}
		});
		return results;
	}

	@Override
	public synchronized void changeMessageVisibility(String queueUrl, String receiptHandle, int visibilityTimeout) {
		Message message = inFlight(queueUrl, receiptHandle);
		if (visibilityTimeout == 0) {
			message.receiptHandle = null;
		}
	}

	@Override
	public synchronized Map<String, String> getQueueAttributes(String queueUrl, List<String> attributeNames) {
		List<Message> queue = queue(queueUrl);
		String name = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
		long inFlight = queue.stream().filter(message -> message.receiptHandle != null).count();
		Map<String, String> all = new LinkedHashMap<>();
		all.put("QueueArn", "arn:aws:sqs:" + AwsServices.REGION + ":" + AwsServices.ACCOUNT_ID + ":" + name);
		all.put("ApproximateNumberOfMessages", Long.toString(queue.size() - inFlight));
		all.put("ApproximateNumberOfMessagesNotVisible", Long.toString(inFlight));
		all.put("VisibilityTimeout", "30");
		Map<String, String> answer = new LinkedHashMap<>();
		all.forEach((attribute, value) -> {
			if (attributeNames.contains("All") || attributeNames.contains(attribute)) {
				answer.put(attribute, value);
			}
		});
		return answer;
	}

	@Override
	public synchronized void purgeQueue(String queueUrl) {
		queue(queueUrl).clear();
	}

	/** For the other fakes: what SNS, EventBridge and Kinesis deliver to a queue. */
	synchronized void deliver(String queueName, String body, Map<String, AwsServices.MessageAttributeValue> attributes) {
		queue(queueName).add(new Message(body, attributes, clock.get(), null));
	}
}
