package io.github.lambdasandbox.awssdk;

/** The one place that says what the sandbox does not answer, and what it does. */
final class Unsupported {

	static final String SUPPORTED = String.join(System.lineSeparator(),
			"  S3: PutObject, GetObject, HeadObject, DeleteObject, CopyObject, ListObjectsV2",
			"  SQS: SendMessage, SendMessageBatch, ReceiveMessage, DeleteMessage, DeleteMessageBatch, ChangeMessageVisibility, "
					+ "GetQueueUrl, GetQueueAttributes, PurgeQueue",
			"  SNS: Publish, PublishBatch",
			"  Lambda: Invoke, PutFunctionEventInvokeConfig, GetFunctionEventInvokeConfig, DeleteFunctionEventInvokeConfig",
			"  EventBridge: PutEvents",
			"  Kinesis: PutRecord, PutRecords",
			"  DynamoDB: PutItem, GetItem, UpdateItem, DeleteItem, Query");

	private Unsupported() {
	}

	/** An operation the sandbox does not answer. */
	static UnsupportedOperationException operation(String service, String operation) {
		String hint = operation.startsWith("Create")
				? " Declare the resource on the test class instead (@Queue, @Bucket, @Topic, @LambdaFunction …)." : "";
		return new UnsupportedOperationException("lambda-sandbox does not answer " + service + " " + operation
				+ ": the AWS SDK client reached the sandbox (it never goes to AWS), which answers only these operations:"
				+ System.lineSeparator() + SUPPORTED + hint);
	}

	/** A parameter of a supported operation that the sandbox would ignore, which AWS would not. */
	static UnsupportedOperationException parameter(String service, String operation, String parameter) {
		return new UnsupportedOperationException("lambda-sandbox does not answer " + service + " " + operation + " with "
				+ parameter + " yet: the sandbox would ignore it and answer differently from AWS. Call " + operation
				+ " without " + parameter + " in a sandbox test.");
	}
}
