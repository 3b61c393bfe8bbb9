package io.github.lambdasandbox.internal.engine;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.json.IamIdentities;
import io.github.lambdasandbox.internal.json.MessageAttributeValue;
import io.github.lambdasandbox.internal.json.SqsChecksums;

/**
 * SQS of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Long polling
 * waits in virtual time: in a handler, the attempt waits (other work goes on); in a test, the clock moves. Engine
 * only.
 */
final class SqsApi implements AwsServices.Sqs {

	private static final String URL_PREFIX = "https://sqs." + Sandbox.REGION + ".amazonaws.com/" + Sandbox.ACCOUNT_ID + "/";

	/** SQS's limit on a batch request: 10 entries, 1 MiB in all. */
	private static final int MAX_BATCH_ENTRIES = 10;

	private final SandboxEngine engine;

	SqsApi(SandboxEngine engine) {
		this.engine = engine;
	}

	static String url(String queueName) {
		return URL_PREFIX + queueName;
	}

	@Override
	public String getQueueUrl(String queueName) {
		return engine.executive.command(() -> url(queue(queueName).name()));
	}

	@Override
	public AwsServices.SendMessageResult sendMessage(String queueUrl, String body,
			Map<String, AwsServices.MessageAttributeValue> attributes, int delaySeconds, String messageGroupId,
			String messageDeduplicationId) {
		AttemptRun caller = EngineServices.caller(engine);
		return engine.executive.command(() -> send(queue(queueUrl), body, attributes, delaySeconds, messageGroupId,
				messageDeduplicationId, caller));
	}

	private AwsServices.SendMessageResult send(SimulatedQueue queue, String body,
			Map<String, AwsServices.MessageAttributeValue> attributes, int delaySeconds, String groupId, String deduplicationId,
			AttemptRun caller) {
		String sender = caller == null ? IamIdentities.TEST_USER_ID : IamIdentities.functionSenderId(caller.function.name());
		SimulatedQueue.Message sent = queue.send(body, fromSdk(attributes), delaySeconds, groupId, deduplicationId, sender,
				caller == null ? null : caller.requestId, caller == null ? null : caller.function.name());
		return new AwsServices.SendMessageResult(sent.messageId(), SqsChecksums.md5OfBody(sent.body()),
				SqsChecksums.md5OfMessageAttributes(sent.attributeMap()), sent.sequenceNumber());
	}

	@Override
	public List<AwsServices.BatchResultEntry> sendMessageBatch(String queueUrl, List<AwsServices.SendMessageBatchEntry> entries) {
		AttemptRun caller = EngineServices.caller(engine);
		return engine.executive.command(() -> {
			SimulatedQueue queue = queue(queueUrl);
			checkBatch(entries.stream().map(AwsServices.SendMessageBatchEntry::id).toList());
			long total = 0;
			for (AwsServices.SendMessageBatchEntry entry : entries) {
				total += Bytes.size(entry.body() == null ? "" : entry.body(), fromSdk(entry.attributes()));
			}
			if (total > SimulatedQueue.MAX_MESSAGE_BYTES) {
				throw new AwsServiceException(400, "AWS.SimpleQueueService.BatchRequestTooLong", "Batch requests cannot be "
						+ "longer than " + SimulatedQueue.MAX_MESSAGE_BYTES + " bytes. You have sent " + total + " bytes.");
			}
			List<AwsServices.BatchResultEntry> results = new ArrayList<>(entries.size());
			for (AwsServices.SendMessageBatchEntry entry : entries) {
				try {
					results.add(new AwsServices.BatchResultEntry(entry.id(), send(queue, entry.body(), entry.attributes(),
							entry.delaySeconds(), entry.messageGroupId(), entry.messageDeduplicationId(), caller), null));
				}
				catch (AwsServiceException e) {
					results.add(new AwsServices.BatchResultEntry(entry.id(), null, e));
				}
			}
			return results;
		});
	}

	@Override
	public List<AwsServices.ReceivedMessage> receiveMessage(String queueUrl, int maxNumberOfMessages, Integer visibilityTimeout,
			int waitTimeSeconds, List<String> attributeNames, List<String> messageAttributeNames) {
		if (maxNumberOfMessages < 1 || maxNumberOfMessages > 10) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Value " + maxNumberOfMessages + " for parameter "
					+ "MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
		}
		if (waitTimeSeconds < 0 || waitTimeSeconds > 20) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Value " + waitTimeSeconds + " for parameter "
					+ "WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
		}
		if (visibilityTimeout != null && (visibilityTimeout < 0 || visibilityTimeout > 43_200)) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Value " + visibilityTimeout + " for parameter "
					+ "VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.");
		}
		AttemptRun caller = EngineServices.caller(engine);
		String by = caller == null ? "sdk" : "sdk (" + caller.function.name() + ")";
		SimulatedQueue queue = engine.executive.command(() -> queue(queueUrl));
		List<SimulatedQueue.Received> received = receiveNow(queue, maxNumberOfMessages, visibilityTimeout, by);
		if (received.isEmpty() && waitTimeSeconds > 0) {
			// long polling: wait in virtual time until messages come or the wait ends
			Duration wait = Duration.ofSeconds(waitTimeSeconds);
			if (caller != null) {
				caller.await(resume -> longPoll(queue, wait, resume));
			}
			else {
				// the test waits: the clock moves until a message is visible or the wait is over
				boolean[] arrived = new boolean[1];
				SimulatedQueue.Consumer consumer = () -> arrived[0] = true;
				EventQueue.Task end = EventQueue.Task.of("end of a long poll of " + queue.resource(), () -> {
				});
				engine.executive.command(() -> {
					engine.executive.scheduleAt(engine.executive.nanos() + wait.toNanos(), end, false);
					queue.addConsumer(consumer);
					return null;
				});
				try {
					engine.runUntil(() -> arrived[0], wait);
				}
				finally {
					engine.executive.command(() -> {
						queue.removeConsumer(consumer);
						end.cancel();
						return null;
					});
				}
			}
			received = receiveNow(queue, maxNumberOfMessages, visibilityTimeout, by);
		}
		List<AwsServices.ReceivedMessage> messages = new ArrayList<>(received.size());
		for (SimulatedQueue.Received r : received) {
			messages.add(toSdk(queue, r, attributeNames, messageAttributeNames));
		}
		return messages;
	}

	private List<SimulatedQueue.Received> receiveNow(SimulatedQueue queue, int max, Integer visibilityTimeout, String by) {
		return engine.executive.command(() -> queue.receive(max, visibilityTimeout == null
				? queue.config().visibilityTimeoutSeconds() : visibilityTimeout, by));
	}

	/** Lock held: wakes the waiting attempt when messages become visible, or when the wait is over. */
	private void longPoll(SimulatedQueue queue, Duration wait, Runnable resume) {
		EventQueue.Task[] end = new EventQueue.Task[1];
		SimulatedQueue.Consumer[] consumer = new SimulatedQueue.Consumer[1];
		boolean[] done = new boolean[1];
		Runnable once = () -> {
			if (!done[0]) {
				done[0] = true;
				queue.removeConsumer(consumer[0]);
				end[0].cancel();
				resume.run();
			}
		};
		consumer[0] = once::run;
		end[0] = EventQueue.Task.of("end of a long poll of " + queue.resource(), once);
		engine.executive.scheduleAt(engine.executive.nanos() + wait.toNanos(), end[0], false);
		queue.addConsumer(consumer[0]);
	}

	private AwsServices.ReceivedMessage toSdk(SimulatedQueue queue, SimulatedQueue.Received received,
			List<String> attributeNames, List<String> messageAttributeNames) {
		SimulatedQueue.Message message = received.message();
		Map<String, String> system = new LinkedHashMap<>();
		system.put("ApproximateReceiveCount", Integer.toString(message.approximateReceiveCount()));
		system.put("SentTimestamp", Long.toString(message.sentAt().toEpochMilli()));
		system.put("SenderId", message.senderId());
		system.put("ApproximateFirstReceiveTimestamp", Long.toString(received.firstReceived().toEpochMilli()));
		if (queue.isFifo()) {
			system.put("SequenceNumber", message.sequenceNumber());
			system.put("MessageGroupId", message.messageGroupId());
			system.put("MessageDeduplicationId", message.messageDeduplicationId());
		}
		if (received.held().deadLetterQueueSourceArn != null) {
			system.put("DeadLetterQueueSourceArn", received.held().deadLetterQueueSourceArn);
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		boolean all = attributeNames.contains("All");
		system.forEach((name, value) -> {
			if (all || attributeNames.contains(name)) {
				attributes.put(name, value);
			}
		});
		Map<String, MessageAttributeValue> chosen = new LinkedHashMap<>();
		message.attributeMap().forEach((name, value) -> {
			if (wanted(name, messageAttributeNames)) {
				chosen.put(name, value);
			}
		});
		Map<String, AwsServices.MessageAttributeValue> sdkAttributes = new LinkedHashMap<>();
		chosen.forEach((name, value) -> sdkAttributes.put(name, new AwsServices.MessageAttributeValue(value.dataType(),
				value.stringValue(), value.isBinary() ? ByteBuffer.wrap(value.binaryValue()) : null)));
		return new AwsServices.ReceivedMessage(message.messageId(), received.receiptHandle(), message.body(),
				SqsChecksums.md5OfBody(message.body()), chosen.isEmpty() ? null : SqsChecksums.md5OfMessageAttributes(chosen),
				attributes, sdkAttributes);
	}

	/** {@code All}, {@code .*}, a name, or a prefix ending in {@code .*}. */
	private static boolean wanted(String name, List<String> requested) {
		for (String r : requested) {
			if (r.equals("All") || r.equals(".*") || r.equals(name) || r.endsWith(".*")
					&& name.startsWith(r.substring(0, r.length() - 1))) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void deleteMessage(String queueUrl, String receiptHandle) {
		engine.executive.command(() -> {
			queue(queueUrl).delete(receiptHandle);
			return null;
		});
	}

	@Override
	public List<AwsServices.BatchResultEntry> deleteMessageBatch(String queueUrl, Map<String, String> receiptHandlesById) {
		return engine.executive.command(() -> {
			SimulatedQueue queue = queue(queueUrl);
			checkBatch(List.copyOf(receiptHandlesById.keySet()));
			List<AwsServices.BatchResultEntry> results = new ArrayList<>();
			receiptHandlesById.forEach((id, handle) -> {
				try {
					queue.delete(handle);
					results.add(new AwsServices.BatchResultEntry(id, null, null));
				}
				catch (AwsServiceException e) {
					results.add(new AwsServices.BatchResultEntry(id, null, e));
				}
			});
			return results;
		});
	}

	@Override
	public void changeMessageVisibility(String queueUrl, String receiptHandle, int visibilityTimeout) {
		engine.executive.command(() -> {
			queue(queueUrl).changeVisibility(receiptHandle, visibilityTimeout);
			return null;
		});
	}

	@Override
	public Map<String, String> getQueueAttributes(String queueUrl, List<String> attributeNames) {
		return engine.executive.command(() -> {
			SimulatedQueue queue = queue(queueUrl);
			queue.refresh();
			Map<String, String> all = new LinkedHashMap<>();
			long created = engine.executive.start().getEpochSecond();
			all.put("QueueArn", queue.arn());
			all.put("ApproximateNumberOfMessages", Integer.toString(queue.readyCount()));
			all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(queue.inFlightCount()));
			all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(queue.delayedCount()));
			all.put("CreatedTimestamp", Long.toString(created));
			all.put("LastModifiedTimestamp", Long.toString(created));
			all.put("VisibilityTimeout", Integer.toString(queue.config().visibilityTimeoutSeconds()));
			all.put("MaximumMessageSize", Integer.toString(SimulatedQueue.MAX_MESSAGE_BYTES));
			all.put("MessageRetentionPeriod", Integer.toString(queue.config().messageRetentionPeriodSeconds()));
			all.put("DelaySeconds", Integer.toString(queue.config().delaySeconds()));
			all.put("ReceiveMessageWaitTimeSeconds", "0");
			if (queue.config().deadLetterQueue() != null) {
				all.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + engine.queueImpl(queue.config().deadLetterQueue()).arn()
						+ "\",\"maxReceiveCount\":" + queue.config().maxReceiveCount() + "}");
			}
			if (queue.isFifo()) {
				all.put("FifoQueue", "true");
				all.put("ContentBasedDeduplication", Boolean.toString(queue.config().contentBasedDeduplication()));
			}
			if (attributeNames.isEmpty()) {
				return Map.of();
			}
			if (attributeNames.contains("All")) {
				return all;
			}
			Map<String, String> chosen = new LinkedHashMap<>();
			for (String name : attributeNames) {
				if (all.containsKey(name)) {
					chosen.put(name, all.get(name));
				}
				else if (!KNOWN_ATTRIBUTES.contains(name)) {
					throw new AwsServiceException(400, "InvalidAttributeName", "Unknown Attribute " + name + ".");
				}
			}
			return chosen;
		});
	}

	private static final Set<String> KNOWN_ATTRIBUTES = Set.of("All", "Policy", "VisibilityTimeout", "MaximumMessageSize",
			"MessageRetentionPeriod", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
			"CreatedTimestamp", "LastModifiedTimestamp", "QueueArn", "ApproximateNumberOfMessagesDelayed", "DelaySeconds",
			"ReceiveMessageWaitTimeSeconds", "RedrivePolicy", "FifoQueue", "ContentBasedDeduplication",
			"KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "DeduplicationScope", "FifoThroughputLimit",
			"RedriveAllowPolicy", "SqsManagedSseEnabled");

	@Override
	public void purgeQueue(String queueUrl) {
		engine.executive.command(() -> {
			queue(queueUrl).purge();
			return null;
		});
	}

	/** A queue by URL or name. Lock held. */
	private SimulatedQueue queue(String urlOrName) {
		String name = urlOrName.startsWith("https://") || urlOrName.startsWith("http://")
				? urlOrName.substring(urlOrName.lastIndexOf('/') + 1) : urlOrName;
		if (!engine.hasQueue(name)) {
			throw new AwsServiceException(400, "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist. "
					+ "Queues of this sandbox: " + ConfigReader.quoted(engine.queueNames()) + "; declare one with @Queue(name = \""
					+ name + "\").");
		}
		return engine.queueImpl(name);
	}

	private static void checkBatch(List<String> ids) {
		if (ids.isEmpty()) {
			throw new AwsServiceException(400, "AWS.SimpleQueueService.EmptyBatchRequest", "There should be at least one "
					+ "SendMessageBatchRequestEntry in the request.");
		}
		if (ids.size() > MAX_BATCH_ENTRIES) {
			throw new AwsServiceException(400, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "Maximum number of "
					+ "entries per request are " + MAX_BATCH_ENTRIES + ". You have sent " + ids.size() + ".");
		}
		Set<String> seen = new HashSet<>();
		for (String id : ids) {
			if (!seen.add(id)) {
				throw new AwsServiceException(400, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id " + id
						+ " repeated.");
			}
		}
	}

	private static Map<String, MessageAttributeValue> fromSdk(Map<String, AwsServices.MessageAttributeValue> attributes) {
		if (attributes == null || attributes.isEmpty()) {
			return Map.of();
		}
		Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
		attributes.forEach((name, value) -> {
			if (value.binaryValue() != null) {
				ByteBuffer bytes = value.binaryValue().duplicate();
				byte[] copy = new byte[bytes.remaining()];
				bytes.get(copy);
				values.put(name, MessageAttributeValue.binary(value.dataType(), copy));
			}
			else {
				values.put(name, MessageAttributeValue.string(value.dataType(), value.stringValue()));
			}
		});
		return values;
	}
}
