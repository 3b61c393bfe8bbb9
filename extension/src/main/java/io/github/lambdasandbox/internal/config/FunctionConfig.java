package io.github.lambdasandbox.internal.config;

/** A validated {@code @LambdaFunction}. Destinations and the dead-letter queue may be {@code null}. */
public record FunctionConfig(String name, Class<?> handler, int maximumRetryAttempts, int maximumEventAgeInSeconds,
		int timeoutSeconds, int memorySize, TargetRef onSuccess, TargetRef onFailure, TargetRef deadLetterQueue,
		int reservedConcurrency) {

	/** This function with other asynchronous invocation settings (PutFunctionEventInvokeConfig). */
	public FunctionConfig withEventInvokeConfig(int maximumRetryAttempts, int maximumEventAgeInSeconds, TargetRef onSuccess,
			TargetRef onFailure) {
		return new FunctionConfig(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeoutSeconds, memorySize,
				onSuccess, onFailure, deadLetterQueue, reservedConcurrency);
	}

	/** This function with another dead-letter queue, or none (UpdateFunctionConfiguration's DeadLetterConfig). */
	public FunctionConfig withDeadLetterQueue(TargetRef deadLetterQueue) {
		return new FunctionConfig(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeoutSeconds, memorySize,
				onSuccess, onFailure, deadLetterQueue, reservedConcurrency);
	}

	/** This function with another handler class (UpdateFunctionCode). */
	public FunctionConfig withHandler(Class<?> handler) {
		return new FunctionConfig(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeoutSeconds, memorySize,
				onSuccess, onFailure, deadLetterQueue, reservedConcurrency);
	}
}
