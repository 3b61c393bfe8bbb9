package io.github.lambdasandbox;

/**
 * A function's recursive loop detection setting, as {@code PutFunctionRecursionConfig} sets it
 * ({@code RecursiveLoop}): what Lambda does when the function is invoked more than 16 times in one chain of requests
 * that passes through Lambda, SQS, SNS or S3 (a function that writes to the queue that invokes it, two functions
 * that are each other's destination).
 *
 * @since 0.3
 */
public enum RecursiveLoop {

	/** Lambda does nothing about the loop: every invocation runs, and {@code RecursiveInvocationsDropped} stays 0. */
	ALLOW("Allow"),

	/**
	 * Lambda's default: after the function ran 16 times in the chain, Lambda stops its next invocation. An asynchronous
	 * event goes to the on-failure destination and the dead-letter queue (if there are such), a synchronous invocation
	 * fails with {@code RecursiveInvocationException}, a batch of an SQS queue's mapping fails (its messages come back
	 * until the queue's redrive policy moves them to its dead-letter queue); each stop counts in
	 * {@code RecursiveInvocationsDropped}.
	 */
	TERMINATE("Terminate");

	private final String awsName;

	RecursiveLoop(String awsName) {
		this.awsName = awsName;
	}

	/** What AWS writes: {@code Allow} or {@code Terminate}. */
	public String awsName() {
		return awsName;
	}

	@Override
	public String toString() {
		return awsName;
	}
}
