package io.github.lambdasandbox;

/**
 * A function to create while the sandbox runs ({@link Sandbox#createFunction(FunctionDefinition)}): the attributes of
 * {@link LambdaFunction @LambdaFunction}, with the same defaults and the same checks.
 *
 * <pre>{@code
 * sandbox.createFunction(FunctionDefinition.builder("orders", OrderHandler.class)
 *     .timeout(30)
 *     .maximumRetryAttempts(0)
 *     .onFailure("sqs:order-failures")
 *     .build());
 * }</pre>
 *
 * @param name 1 to 64 letters, digits, hyphens or underscores
 * @param handler a {@code RequestHandler} or {@code RequestStreamHandler} with a public no-argument constructor
 * @param maximumRetryAttempts 0..2 (default 2)
 * @param maximumEventAgeInSeconds 60..21600 (default 21600)
 * @param timeout seconds, 1..900 (default 3)
 * @param memorySize MB, 128..10240 (default 128)
 * @param onSuccess the on-success destination: an ARN, or {@code sqs:}, {@code sns:}, {@code lambda:} or
 *        {@code events:} and a name; {@code ""} for none
 * @param onFailure the on-failure destination: the same, or {@code s3:} and a bucket; {@code ""} for none
 * @param deadLetterQueue {@code sqs:} or {@code sns:} and a name, or an ARN; {@code ""} for none
 * @param reservedConcurrency -1 for none (default), 0 throttles every invocation
 * @see LambdaFunction
 * @since 0.3
 */
public record FunctionDefinition(String name, Class<?> handler, int maximumRetryAttempts, int maximumEventAgeInSeconds,
		int timeout, int memorySize, String onSuccess, String onFailure, String deadLetterQueue, int reservedConcurrency) {

	/** A function {@code name} running {@code handler}, with {@link LambdaFunction @LambdaFunction}'s defaults. */
	public static Builder builder(String name, Class<?> handler) {
		return new Builder(name, handler);
	}

	/** Builds a {@link FunctionDefinition}; what is not set keeps {@link LambdaFunction @LambdaFunction}'s default. */
	public static final class Builder {

		private final String name;

		private final Class<?> handler;

		private int maximumRetryAttempts = 2;

		private int maximumEventAgeInSeconds = 21600;

		private int timeout = 3;

		private int memorySize = 128;

		private String onSuccess = "";

		private String onFailure = "";

		private String deadLetterQueue = "";

		private int reservedConcurrency = -1;

		private Builder(String name, Class<?> handler) {
			this.name = name;
			this.handler = handler;
		}

		/** {@code MaximumRetryAttempts}: 0..2. */
		public Builder maximumRetryAttempts(int maximumRetryAttempts) {
			this.maximumRetryAttempts = maximumRetryAttempts;
			return this;
		}

		/** {@code MaximumEventAgeInSeconds}: 60..21600. */
		public Builder maximumEventAgeInSeconds(int maximumEventAgeInSeconds) {
			this.maximumEventAgeInSeconds = maximumEventAgeInSeconds;
			return this;
		}

		/** The timeout in seconds: 1..900. */
		public Builder timeout(int seconds) {
			this.timeout = seconds;
			return this;
		}

		/** The memory size in MB: 128..10240. */
		public Builder memorySize(int megabytes) {
			this.memorySize = megabytes;
			return this;
		}

		/** The on-success destination of asynchronous invocations. */
		public Builder onSuccess(String destination) {
			this.onSuccess = destination;
			return this;
		}

		/** The on-failure destination of asynchronous invocations. */
		public Builder onFailure(String destination) {
			this.onFailure = destination;
			return this;
		}

		/** The dead-letter queue: an SQS queue or SNS topic. */
		public Builder deadLetterQueue(String target) {
			this.deadLetterQueue = target;
			return this;
		}

		/** Reserved concurrency: -1 for none, 0 throttles every invocation. */
		public Builder reservedConcurrency(int reservedConcurrency) {
			this.reservedConcurrency = reservedConcurrency;
			return this;
		}

		public FunctionDefinition build() {
			return new FunctionDefinition(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeout, memorySize,
					onSuccess, onFailure, deadLetterQueue, reservedConcurrency);
		}
	}
}
