package io.github.lambdasandbox;

/**
 * Why Lambda wrote an invocation record: the value of {@code requestContext.condition}.
 *
 * <p>The first four are the conditions of asynchronous invocation records (on-success and on-failure
 * destinations); the next two are those of stream event source mappings (Kinesis, DynamoDB Streams); the last is
 * that of an asynchronous event stopped by recursive loop detection.
 *
 * @since 0.1
 */
public enum Condition {

	/** The function returned; the record goes to the on-success destination. */
	SUCCESS("Success"),

	/** Every allowed attempt failed ({@code MaximumRetryAttempts} + 1 attempts). */
	RETRIES_EXHAUSTED("RetriesExhausted"),

	/**
	 * The event reached {@code MaximumEventAgeInSeconds}, or the next retry would have been past it
	 * (Lambda does not wait for a retry it knows will be too late).
	 */
	EVENT_AGE_EXCEEDED("EventAgeExceeded"),

	/** The function has a reserved concurrency of 0: no attempt was made. */
	ZERO_RESERVED_CONCURRENCY("ZeroReservedConcurrency"),

	/** Stream event source mappings: {@code MaximumRetryAttempts} was reached. */
	RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),

	/** Stream event source mappings: a record grew older than {@code MaximumRecordAgeInSeconds}. */
	RECORD_AGE_EXCEEDED("RecordAgeExceeded"),

	/**
	 * Lambda stopped the event: the function was invoked more than 16 times in the same chain of requests (recursive
	 * loop detection, {@link RecursiveLoop#TERMINATE}); no attempt was made. AWS does not document the value it writes
	 * for it; the sandbox writes the name of the error Lambda gives a synchronous caller.
	 *
	 * @since 0.3
	 */
	RECURSIVE_INVOCATION("RecursiveInvocationException");

	private final String awsName;

	Condition(String awsName) {
		this.awsName = awsName;
	}

	/** The string AWS writes, e.g. {@code "RetriesExhausted"}. */
	public String awsName() {
		return awsName;
	}

	/**
	 * The condition AWS writes as {@code awsName}.
	 *
	 * @throws IllegalArgumentException if AWS has no such condition
	 */
	public static Condition fromAwsName(String awsName) {
		for (Condition condition : values()) {
			if (condition.awsName.equals(awsName)) {
				return condition;
			}
		}
		throw new IllegalArgumentException("Unknown condition \"" + awsName + "\"; AWS writes one of "
				+ java.util.Arrays.stream(values()).map(Condition::awsName).toList());
	}

	@Override
	public String toString() {
		return awsName;
	}
}
