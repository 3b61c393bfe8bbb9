package io.github.lambdasandbox.awssdk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.AwsServices.BatchResultEntry;
import io.github.lambdasandbox.internal.aws.AwsServices.MessageAttributeValue;
import io.github.lambdasandbox.internal.aws.AwsServices.ReceivedMessage;
import io.github.lambdasandbox.internal.aws.AwsServices.SendMessageBatchEntry;
import io.github.lambdasandbox.internal.aws.AwsServices.SendMessageResult;

/**
 * SQS's JSON 1.0 protocol ({@code X-Amz-Target: AmazonSQS.SendMessage}), which SDK v2 clients speak since 2.21. SQS
 * keeps its query-protocol error codes: an error carries the code in {@code x-amzn-query-error: <code>;Sender}, and
 * the JSON shape's name in {@code __type} ({@code AWS.SimpleQueueService.NonExistentQueue} is
 * {@code com.amazonaws.sqs#QueueDoesNotExist}).
 */
final class SqsProtocol implements Protocol {

	private static final Set<String> OPERATIONS = Set.of("SendMessage", "SendMessageBatch", "ReceiveMessage",
			"DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "GetQueueUrl", "GetQueueAttributes",
			"PurgeQueue");

	/** The JSON shapes of SQS's errors, by query-protocol code (the code SDK users see as {@code errorCode()}). */
	private static final Map<String, String> SHAPES = Map.ofEntries(
			Map.entry("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"),
			Map.entry("AWS.SimpleQueueService.QueueDeletedRecently", "QueueDeletedRecently"),
			Map.entry("QueueAlreadyExists", "QueueNameExists"),
			Map.entry("AWS.SimpleQueueService.PurgeQueueInProgress", "PurgeQueueInProgress"),
			Map.entry("AWS.SimpleQueueService.MessageNotInflight", "MessageNotInflight"),
			Map.entry("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "BatchEntryIdsNotDistinct"),
			Map.entry("AWS.SimpleQueueService.BatchRequestTooLong", "BatchRequestTooLong"),
			Map.entry("AWS.SimpleQueueService.EmptyBatchRequest", "EmptyBatchRequest"),
			Map.entry("AWS.SimpleQueueService.InvalidBatchEntryId", "InvalidBatchEntryId"),
			Map.entry("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", "TooManyEntriesInBatchRequest"),
			Map.entry("AWS.SimpleQueueService.UnsupportedOperation", "UnsupportedOperation"),
			Map.entry("KMS.DisabledException", "KmsDisabled"),
			Map.entry("KMS.InvalidStateException", "KmsInvalidState"),
			Map.entry("KMS.NotFoundException", "KmsNotFound"),
			Map.entry("KMS.OptInRequired", "KmsOptInRequired"),
			Map.entry("KMS.ThrottlingException", "KmsThrottled"),
			Map.entry("KMS.AccessDeniedException", "KmsAccessDenied"),
			Map.entry("KMS.InvalidKeyUsageException", "KmsInvalidKeyUsage"));

	@Override
	public String operation(Request request) {
		String operation = AwsJson.operation(request);
		if (!OPERATIONS.contains(operation)) {
			throw Unsupported.operation("SQS", operation);
		}
		return operation;
	}

	@Override
	public Response handle(String operation, Request request, AwsServices services) {
		try {
			JsonNode in = AwsJson.read(request);
			AwsServices.Sqs sqs = services.sqs();
			String queueUrl = AwsJson.text(in, "QueueUrl");
			ObjectNode out = AwsJson.object();
			switch (operation) {
				case "SendMessage" -> {
					rejectSystemAttributes(in, operation);
					SendMessageResult sent = sqs.sendMessage(queueUrl, AwsJson.text(in, "MessageBody"), attributes(in),
							orZero(AwsJson.integer(in, "DelaySeconds")), AwsJson.text(in, "MessageGroupId"),
							AwsJson.text(in, "MessageDeduplicationId"));
					writeSent(out, sent);
				}
				case "SendMessageBatch" -> {
					List<SendMessageBatchEntry> entries = new ArrayList<>();
					for (JsonNode entry : entries(in)) {
						rejectSystemAttributes(entry, operation);
						entries.add(new SendMessageBatchEntry(AwsJson.text(entry, "Id"), AwsJson.text(entry, "MessageBody"),
								attributes(entry), orZero(AwsJson.integer(entry, "DelaySeconds")),
								AwsJson.text(entry, "MessageGroupId"), AwsJson.text(entry, "MessageDeduplicationId")));
					}
					writeBatch(out, sqs.sendMessageBatch(queueUrl, entries), true);
				}
				case "ReceiveMessage" -> {
					List<String> attributeNames = AwsJson.texts(in, "AttributeNames");
					AwsJson.texts(in, "MessageSystemAttributeNames")
						.stream()
						.filter(name -> !attributeNames.contains(name))
						.forEach(attributeNames::add);
					Integer max = AwsJson.integer(in, "MaxNumberOfMessages");
					List<ReceivedMessage> messages = sqs.receiveMessage(queueUrl, max == null ? 1 : max,
							AwsJson.integer(in, "VisibilityTimeout"), orZero(AwsJson.integer(in, "WaitTimeSeconds")),
							attributeNames, AwsJson.texts(in, "MessageAttributeNames"));
					if (!messages.isEmpty()) {
						ArrayNode list = out.putArray("Messages");
						messages.forEach(message -> writeMessage(list.addObject(), message));
					}
				}
				case "DeleteMessage" -> sqs.deleteMessage(queueUrl, AwsJson.text(in, "ReceiptHandle"));
				case "DeleteMessageBatch" -> {
					Map<String, String> handles = new LinkedHashMap<>();
					for (JsonNode entry : entries(in)) {
						String id = AwsJson.text(entry, "Id");
						if (handles.put(id, AwsJson.text(entry, "ReceiptHandle")) != null) {
							throw new AwsServiceException(400, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
									"Id " + id + " repeated.");
						}
					}
					writeBatch(out, sqs.deleteMessageBatch(queueUrl, handles), false);
				}
				case "ChangeMessageVisibility" -> sqs.changeMessageVisibility(queueUrl, AwsJson.text(in, "ReceiptHandle"),
						orZero(AwsJson.integer(in, "VisibilityTimeout")));
				case "GetQueueUrl" -> out.put("QueueUrl", sqs.getQueueUrl(AwsJson.text(in, "QueueName")));
				case "GetQueueAttributes" -> {
					Map<String, String> attributes = sqs.getQueueAttributes(queueUrl, AwsJson.texts(in, "AttributeNames"));
					if (!attributes.isEmpty()) {
						ObjectNode map = out.putObject("Attributes");
						attributes.forEach(map::put);
					}
				}
				case "PurgeQueue" -> sqs.purgeQueue(queueUrl);
				default -> throw new IllegalStateException("SQS " + operation + " has no handler");
			}
			return AwsJson.ok(request, out);
		}
		catch (AwsServiceException e) {
			return error(request, e);
		}
	}

	private static void rejectSystemAttributes(JsonNode in, String operation) {
		JsonNode system = in.get("MessageSystemAttributes");
		if (system != null && system.size() > 0) {
			throw Unsupported.parameter("SQS", operation, "MessageSystemAttributes (AWSTraceHeader)");
		}
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	private static Iterable<JsonNode> entries(JsonNode in) {
		JsonNode entries = in.get("Entries");
		return entries == null ? List.of() : entries;
	}

	private static Map<String, MessageAttributeValue> attributes(JsonNode in) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		JsonNode given = in.get("MessageAttributes");
		if (given != null) {
			given.fields().forEachRemaining(field -> {
				JsonNode value = field.getValue();
				byte[] binary = AwsJson.bytes(value, "BinaryValue");
				attributes.put(field.getKey(), new MessageAttributeValue(AwsJson.text(value, "DataType"),
						AwsJson.text(value, "StringValue"), binary == null ? null : ByteBuffer.wrap(binary)));
			});
		}
		return attributes;
	}

	private static void writeSent(ObjectNode out, SendMessageResult sent) {
		out.put("MD5OfMessageBody", sent.md5OfMessageBody());
		if (sent.md5OfMessageAttributes() != null) {
			out.put("MD5OfMessageAttributes", sent.md5OfMessageAttributes());
		}
		out.put("MessageId", sent.messageId());
		if (sent.sequenceNumber() != null) {
			out.put("SequenceNumber", sent.sequenceNumber());
		}
	}

	private static void writeBatch(ObjectNode out, List<BatchResultEntry> results, boolean sends) {
		ArrayNode successful = out.putArray("Successful");
		ArrayNode failed = out.putArray("Failed");
		for (BatchResultEntry result : results) {
			if (result.failure() != null) {
				failed.addObject()
					.put("Id", result.id())
					.put("SenderFault", result.failure().senderFault())
					.put("Code", result.failure().errorCode())
					.put("Message", result.failure().getMessage());
			}
			else {
				ObjectNode entry = successful.addObject().put("Id", result.id());
				if (sends) {
					writeSent(entry, result.sent());
				}
			}
		}
	}

	private static void writeMessage(ObjectNode out, ReceivedMessage message) {
		out.put("MessageId", message.messageId()).put("ReceiptHandle", message.receiptHandle()).put("MD5OfBody", message.md5OfBody());
		out.put("Body", message.body());
		if (message.attributes() != null && !message.attributes().isEmpty()) {
			ObjectNode attributes = out.putObject("Attributes");
			message.attributes().forEach(attributes::put);
		}
		if (message.messageAttributes() != null && !message.messageAttributes().isEmpty()) {
			out.put("MD5OfMessageAttributes", message.md5OfMessageAttributes());
			ObjectNode attributes = out.putObject("MessageAttributes");
			message.messageAttributes().forEach((name, value) -> {
				ObjectNode attribute = attributes.putObject(name);
				if (value.stringValue() != null) {
					attribute.put("StringValue", value.stringValue());
				}
				if (value.binaryValue() != null) {
					ByteBuffer binary = value.binaryValue().asReadOnlyBuffer();
					byte[] bytes = new byte[binary.remaining()];
					binary.get(bytes);
					attribute.put("BinaryValue", bytes);
				}
				attribute.put("DataType", value.dataType());
			});
		}
	}

	private static Response error(Request request, AwsServiceException e) {
		String code = e.errorCode();
		String shape = SHAPES.getOrDefault(code, code.startsWith("AWS.SimpleQueueService.")
				? code.substring("AWS.SimpleQueueService.".length()) : code);
		return AwsJson.error(request, e, "com.amazonaws.sqs#" + shape)
			.header("x-amzn-query-error", code + ";" + (e.senderFault() ? "Sender" : "Receiver"));
	}
}
