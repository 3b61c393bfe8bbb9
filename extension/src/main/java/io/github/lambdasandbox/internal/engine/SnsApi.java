package io.github.lambdasandbox.internal.engine;

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
import io.github.lambdasandbox.internal.json.MessageAttributeValue;

/**
 * Sns of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant, with SNS's codes
 * and messages. Engine only.
 */
final class SnsApi implements AwsServices.Sns {

	/** PublishBatch takes at most 10 entries. */
	private static final int MAX_BATCH_ENTRIES = 10;

	private static final String TOPIC_ARN_PREFIX = "arn:aws:sns:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":";

	private final SandboxEngine engine;

	SnsApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public String publish(String topicArn, String message, String subject,
			Map<String, AwsServices.MessageAttributeValue> attributes, String messageGroupId, String messageDeduplicationId) {
		Caller caller = Caller.of(engine);
		return engine.executive.command(() -> {
			SimulatedTopic topic = topic(topicArn);
			Map<String, MessageAttributeValue> typed = attributes(attributes);
			AwsServiceException problem = topic.publishProblem(message, subject, typed, messageGroupId,
					messageDeduplicationId);
			if (problem != null) {
				throw problem;
			}
			return topic.publish(message, subject, typed, messageGroupId, messageDeduplicationId, caller.requestId(),
					caller.function());
		});
	}

	@Override
	public List<AwsServices.BatchResultEntry> publishBatch(String topicArn, List<AwsServices.PublishBatchEntry> entries) {
		Caller caller = Caller.of(engine);
		return engine.executive.command(() -> {
			SimulatedTopic topic = topic(topicArn);
			if (entries.isEmpty()) {
				throw new AwsServiceException(400, "EmptyBatchRequest", "The batch request doesn't contain any entries.");
			}
			if (entries.size() > MAX_BATCH_ENTRIES) {
				throw new AwsServiceException(400, "TooManyEntriesInBatchRequest",
						"The batch request contains more entries than permissible.");
			}
			Set<String> ids = new HashSet<>();
			int bytes = 0;
			List<Map<String, MessageAttributeValue>> typed = new ArrayList<>();
			for (AwsServices.PublishBatchEntry entry : entries) {
				if (!ids.add(entry.id())) {
					throw new AwsServiceException(400, "BatchEntryIdsNotDistinct",
							"Two or more batch entries in the request have the same Id.");
				}
				Map<String, MessageAttributeValue> attributes = attributes(entry.attributes());
				typed.add(attributes);
				bytes += entry.message() == null ? 0 : Bytes.size(entry.message(), attributes);
			}
			if (bytes > SimulatedTopic.MAX_MESSAGE_BYTES) {
				throw new AwsServiceException(400, "BatchRequestTooLong",
						"The length of all the messages put together is more than the limit.");
			}
			List<AwsServices.BatchResultEntry> results = new ArrayList<>();
			for (int i = 0; i < entries.size(); i++) {
				AwsServices.PublishBatchEntry entry = entries.get(i);
				AwsServiceException problem = topic.publishProblem(entry.message(), entry.subject(), typed.get(i),
						entry.messageGroupId(), entry.messageDeduplicationId());
				if (problem != null) {
					results.add(new AwsServices.BatchResultEntry(entry.id(), null, problem));
					continue;
				}
				String messageId = topic.publish(entry.message(), entry.subject(), typed.get(i), entry.messageGroupId(),
						entry.messageDeduplicationId(), caller.requestId(), caller.function());
				results.add(new AwsServices.BatchResultEntry(entry.id(),
						new AwsServices.SendMessageResult(messageId, null, null, topic.isFifo() ? topic.lastSequenceNumber()
								: null), null));
			}
			return results;
		});
	}

	/** The topic of an ARN; SNS's {@code InvalidParameter} or {@code NotFound} (with the topics there are) if none. */
	private SimulatedTopic topic(String topicArn) {
		if (topicArn == null || topicArn.isEmpty()) {
			throw new AwsServiceException(400, "InvalidParameter",
					"Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
		}
		if (!topicArn.startsWith("arn:aws:sns:") || topicArn.split(":", -1).length != 6) {
			throw new AwsServiceException(400, "InvalidParameter", "Invalid parameter: TopicArn");
		}
		SimulatedTopic topic = topicArn.startsWith(TOPIC_ARN_PREFIX)
				? engine.topicOrNull(topicArn.substring(TOPIC_ARN_PREFIX.length())) : null;
		if (topic == null) {
			throw new AwsServiceException(404, "NotFound", "Topic does not exist. Topics of this sandbox (account "
					+ Sandbox.ACCOUNT_ID + ", " + Sandbox.REGION + "): " + ConfigReader.quoted(engine.topicNames())
					+ "; declare it with @Topic(name = \"" + topicArn.substring(topicArn.lastIndexOf(':') + 1) + "\").");
		}
		return topic;
	}

	/**
	 * The attributes as the engine keeps them; SNS's {@code InvalidParameterValue} for a data type that is not
	 * {@code String}, {@code Number} or {@code Binary} (or one of these with a custom suffix), or a value that does not
	 * fit its type.
	 */
	static Map<String, MessageAttributeValue> attributes(Map<String, AwsServices.MessageAttributeValue> attributes) {
		Map<String, MessageAttributeValue> typed = new LinkedHashMap<>();
		if (attributes == null) {
			return typed;
		}
		attributes.forEach((name, value) -> {
			String type = value.dataType() == null ? "" : value.dataType();
			if (!type.startsWith("String") && !type.startsWith("Number") && !type.startsWith("Binary")) {
				throw new AwsServiceException(400, "InvalidParameterValue", "The message attribute '" + name + "' has an "
						+ "invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
			}
			try {
				if (value.binaryValue() != null) {
					byte[] bytes = new byte[value.binaryValue().remaining()];
					value.binaryValue().duplicate().get(bytes);
					typed.put(name, MessageAttributeValue.binary(type, bytes));
				}
				else {
					typed.put(name, MessageAttributeValue.string(type, value.stringValue()));
				}
			}
			catch (IllegalArgumentException | NullPointerException e) {
				throw new AwsServiceException(400, "InvalidParameterValue", "The message attribute '" + name + "' with type '"
						+ type + "' must use field '" + (type.startsWith("Binary") ? "Binary" : "String") + "'.");
			}
		});
		return typed;
	}
}
