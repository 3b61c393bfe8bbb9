package io.github.lambdasandbox.internal.aws;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sandbox's services, by AWS operation: what an AWS SDK client reaches. Every method may be called from the
 * test's thread or from a handler's; each applies at the sandbox's current virtual instant. Unknown resources
 * are AWS's errors ({@code NoSuchBucket}, {@code AWS.SimpleQueueService.NonExistentQueue},
 * {@code ResourceNotFoundException}), whose messages also list what the sandbox has.
 */
public interface AwsServices {

	/** The account and region every ARN and URL of the sandbox uses. */
	String ACCOUNT_ID = "123456789012";

	String REGION = "us-east-1";

	/**
	 * The services of the sandbox that the calling thread works for: the one a test bound to this thread
	 * ({@link #bind}), else the {@code @LambdaSandbox} test's (on the test's thread, and on handler threads while
	 * they run a handler).
	 *
	 * @throws IllegalStateException if no sandbox is open for this thread: an AWS SDK client used outside a
	 * sandbox test never goes to AWS
	 */
	static AwsServices current() {
		return Current.find();
	}

	/**
	 * Binds {@code services} to the calling thread (null unbinds); returns what was bound. For tests of code that
	 * serves AWS requests without a sandbox around it.
	 */
	static AwsServices bind(AwsServices services) {
		return Current.bind(services);
	}

	S3 s3();

	Sqs sqs();

	Sns sns();

	Lambda lambda();

	EventBridge eventBridge();

	Kinesis kinesis();

	DynamoDb dynamoDb();

	// --- S3 ---------------------------------------------------------------------------------------------------

	/** S3 (REST-XML): objects in the sandbox's buckets. */
	interface S3 {

		/** PutObject: stores the object and fires the bucket's notifications. */
		PutObjectResult putObject(String bucket, String key, byte[] content, String contentType, Map<String, String> metadata);

		/** GetObject. @throws AwsServiceException {@code NoSuchBucket} 404, {@code NoSuchKey} 404 */
		S3Object getObject(String bucket, String key);

		/** HeadObject: the object without its content. */
		S3Object headObject(String bucket, String key);

		/** DeleteObject: 204 whether or not the key exists (as S3 does). */
		void deleteObject(String bucket, String key);

		/** CopyObject: fires {@code ObjectCreated:Copy}. */
		PutObjectResult copyObject(String sourceBucket, String sourceKey, String bucket, String key);

		/**
		 * ListObjectsV2, in UTF-8 binary order of keys.
		 *
		 * @param continuationToken null for the first page
		 */
		ListObjectsResult listObjectsV2(String bucket, String prefix, String delimiter, int maxKeys, String continuationToken,
				String startAfter);
	}

	record PutObjectResult(String eTag, String versionId) {
	}

	/** An object: its key, content (null for HeadObject), ETag (hex MD5, without quotes), last modified, metadata. */
	record S3Object(String key, byte[] content, long size, String eTag, Instant lastModified, String contentType,
			Map<String, String> metadata) {
	}

	record ListObjectsResult(String bucket, String prefix, String delimiter, int maxKeys, List<S3Object> contents,
			List<String> commonPrefixes, boolean truncated, String nextContinuationToken, int keyCount) {
	}

	// --- SQS --------------------------------------------------------------------------------------------------

	/**
	 * SQS (JSON 1.0 protocol, {@code AmazonSQS.*} targets). Queues are named by URL
	 * ({@code https://sqs.us-east-1.amazonaws.com/123456789012/<name>}) or by name.
	 */
	interface Sqs {

		/** @throws AwsServiceException {@code AWS.SimpleQueueService.NonExistentQueue} 400 */
		String getQueueUrl(String queueName);

		SendMessageResult sendMessage(String queueUrl, String body, Map<String, MessageAttributeValue> attributes,
				int delaySeconds, String messageGroupId, String messageDeduplicationId);

		/** SendMessageBatch: each entry succeeds or fails on its own. */
		List<BatchResultEntry> sendMessageBatch(String queueUrl, List<SendMessageBatchEntry> entries);

		/**
		 * ReceiveMessage: up to {@code maxNumberOfMessages} visible messages, hidden for the visibility timeout
		 * (the queue's, or {@code visibilityTimeout} if not null); {@code waitTimeSeconds} of long polling wait in
		 * virtual time.
		 */
		List<ReceivedMessage> receiveMessage(String queueUrl, int maxNumberOfMessages, Integer visibilityTimeout,
				int waitTimeSeconds, List<String> attributeNames, List<String> messageAttributeNames);

		/** @throws AwsServiceException {@code ReceiptHandleIsInvalid} 400 */
		void deleteMessage(String queueUrl, String receiptHandle);

		List<BatchResultEntry> deleteMessageBatch(String queueUrl, Map<String, String> receiptHandlesById);

		void changeMessageVisibility(String queueUrl, String receiptHandle, int visibilityTimeout);

		/** {@code All} or names such as {@code ApproximateNumberOfMessages}, {@code QueueArn}, {@code VisibilityTimeout}. */
		Map<String, String> getQueueAttributes(String queueUrl, List<String> attributeNames);

		void purgeQueue(String queueUrl);
	}

	/**
	 * A message attribute as SQS takes it: data type ({@code String}, {@code Number}, {@code Binary}, or a custom
	 * type after a dot) and a string or binary value.
	 */
	record MessageAttributeValue(String dataType, String stringValue, ByteBuffer binaryValue) {
	}

	record SendMessageResult(String messageId, String md5OfMessageBody, String md5OfMessageAttributes, String sequenceNumber) {
	}

	record SendMessageBatchEntry(String id, String body, Map<String, MessageAttributeValue> attributes, int delaySeconds,
			String messageGroupId, String messageDeduplicationId) {
	}

	/** A batch entry's result: success (messageId, MD5s) or failure (code, message, senderFault). */
	record BatchResultEntry(String id, SendMessageResult sent, AwsServiceException failure) {
	}

	record ReceivedMessage(String messageId, String receiptHandle, String body, String md5OfBody,
			String md5OfMessageAttributes, Map<String, String> attributes, Map<String, MessageAttributeValue> messageAttributes) {
	}

	// --- SNS --------------------------------------------------------------------------------------------------

	/** SNS (query protocol, XML responses). Topics are named by ARN. */
	interface Sns {

		/** @throws AwsServiceException {@code NotFound} 404 ("Topic does not exist"), {@code InvalidParameter} 400 */
		String publish(String topicArn, String message, String subject, Map<String, MessageAttributeValue> attributes,
				String messageGroupId, String messageDeduplicationId);

		List<BatchResultEntry> publishBatch(String topicArn, List<PublishBatchEntry> entries);
	}

	record PublishBatchEntry(String id, String message, String subject, Map<String, MessageAttributeValue> attributes,
			String messageGroupId, String messageDeduplicationId) {
	}

	// --- Lambda -----------------------------------------------------------------------------------------------

	/** Lambda (REST-JSON). Functions are named by name, ARN or partial ARN, with an optional qualifier. */
	interface Lambda {

		/**
		 * Invoke: {@code RequestResponse} (200, the payload, {@code X-Amz-Function-Error}), {@code Event} (202) or
		 * {@code DryRun} (204).
		 */
		InvokeResult invoke(String functionName, String qualifier, String invocationType, byte[] payload);

		EventInvokeConfig putFunctionEventInvokeConfig(String functionName, String qualifier, Integer maximumRetryAttempts,
				Integer maximumEventAgeInSeconds, String onSuccess, String onFailure);

		/** @throws AwsServiceException {@code ResourceNotFoundException} 404 when the function has none */
		EventInvokeConfig getFunctionEventInvokeConfig(String functionName, String qualifier);

		void deleteFunctionEventInvokeConfig(String functionName, String qualifier);
	}

	record InvokeResult(int statusCode, byte[] payload, String functionError, String executedVersion, String logResult) {
	}

	/** What Get/PutFunctionEventInvokeConfig answer: absent settings are null, absent destinations too. */
	record EventInvokeConfig(String functionArn, Instant lastModified, Integer maximumRetryAttempts,
			Integer maximumEventAgeInSeconds, String onSuccess, String onFailure) {
	}

	// --- EventBridge ------------------------------------------------------------------------------------------

	/** EventBridge (JSON 1.1, {@code AWSEvents.*}). */
	interface EventBridge {

		/** PutEvents: each entry succeeds (event id) or fails (error code and message). */
		PutEventsResult putEvents(List<PutEventsEntry> entries);
	}

	record PutEventsEntry(String source, String detailType, String detail, List<String> resources, Instant time,
			String eventBusName) {
	}

	record PutEventsResultEntry(String eventId, String errorCode, String errorMessage) {
	}

	record PutEventsResult(int failedEntryCount, List<PutEventsResultEntry> entries) {
	}

	// --- Kinesis ----------------------------------------------------------------------------------------------

	/** Kinesis (JSON 1.1, {@code Kinesis_20131202.*}; the SDK defaults to CBOR, which the client turns off). */
	interface Kinesis {

		PutRecordResult putRecord(String streamName, byte[] data, String partitionKey, String explicitHashKey);

		PutRecordsResult putRecords(String streamName, List<PutRecordsEntry> records);
	}

	record PutRecordResult(String shardId, String sequenceNumber) {
	}

	record PutRecordsEntry(byte[] data, String partitionKey, String explicitHashKey) {
	}

	/** A record's result: shard and sequence number, or an error code and message. */
	record PutRecordsResultEntry(String shardId, String sequenceNumber, String errorCode, String errorMessage) {
	}

	record PutRecordsResult(int failedRecordCount, List<PutRecordsResultEntry> records) {
	}

	// --- DynamoDB ---------------------------------------------------------------------------------------------

	/**
	 * DynamoDB (JSON 1.0, {@code DynamoDB_20120810.*}). Items and keys are DynamoDB JSON: attribute name to typed
	 * value ({@code {"id":{"S":"1"}}}), as the wire carries them.
	 */
	interface DynamoDb {

		/** @return the old item, if {@code returnOldValues} and there was one */
		Optional<String> putItem(String tableName, String itemJson, boolean returnOldValues);

		Optional<String> getItem(String tableName, String keyJson);

		/**
		 * UpdateItem with an update expression ({@code SET}, {@code REMOVE}, {@code ADD}), its names and values.
		 *
		 * @param returnValues {@code NONE}, {@code ALL_OLD}, {@code ALL_NEW} …
		 */
		Optional<String> updateItem(String tableName, String keyJson, String updateExpression,
				Map<String, String> expressionAttributeNames, String expressionAttributeValuesJson, String returnValues);

		Optional<String> deleteItem(String tableName, String keyJson, boolean returnOldValues);

		/**
		 * Query with a key condition expression on the partition key (and optionally the sort key).
		 *
		 * @return the items (DynamoDB JSON), in sort-key order
		 */
		List<String> query(String tableName, String keyConditionExpression, Map<String, String> expressionAttributeNames,
				String expressionAttributeValuesJson, boolean scanIndexForward, Integer limit);
	}
}
