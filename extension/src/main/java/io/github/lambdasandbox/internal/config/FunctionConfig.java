package io.github.lambdasandbox.internal.config;

import io.github.lambdasandbox.RecursiveLoop;

/**
 * A validated {@code @LambdaFunction}. Destinations and the dead-letter queue may be {@code null}.
 *
 * @param role what the execution role may do, as declared
 * @param recursiveLoop the recursive loop detection setting, as declared
 */
public record FunctionConfig(String name, Class<?> handler, int maximumRetryAttempts, int maximumEventAgeInSeconds,
		int timeoutSeconds, int memorySize, TargetRef onSuccess, TargetRef onFailure, TargetRef deadLetterQueue,
		int reservedConcurrency, RolePolicy role, RecursiveLoop recursiveLoop) {

	/** A function whose role may do everything, with recursive loops terminated (Lambda's default). */
	public FunctionConfig(String name, Class<?> handler, int maximumRetryAttempts, int maximumEventAgeInSeconds,
			int timeoutSeconds, int memorySize, TargetRef onSuccess, TargetRef onFailure, TargetRef deadLetterQueue,
			int reservedConcurrency) {
		this(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeoutSeconds, memorySize, onSuccess, onFailure,
				deadLetterQueue, reservedConcurrency, RolePolicy.ALLOW_ALL, RecursiveLoop.TERMINATE);
	}

	/** This function with other asynchronous invocation settings (PutFunctionEventInvokeConfig). */
	public FunctionConfig withEventInvokeConfig(int maximumRetryAttempts, int maximumEventAgeInSeconds, TargetRef onSuccess,
			TargetRef onFailure) {
		return new FunctionConfig(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeoutSeconds, memorySize,
				onSuccess, onFailure, deadLetterQueue, reservedConcurrency, role, recursiveLoop);
	}

	/** This function with another dead-letter queue, or none (UpdateFunctionConfiguration's DeadLetterConfig). */
	public FunctionConfig withDeadLetterQueue(TargetRef deadLetterQueue) {
		return new FunctionConfig(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeoutSeconds, memorySize,
				onSuccess, onFailure, deadLetterQueue, reservedConcurrency, role, recursiveLoop);
	}

	/** This function with another handler class (UpdateFunctionCode). */
	public FunctionConfig withHandler(Class<?> handler) {
		return new FunctionConfig(name, handler, maximumRetryAttempts, maximumEventAgeInSeconds, timeoutSeconds, memorySize,
				onSuccess, onFailure, deadLetterQueue, reservedConcurrency, role, recursiveLoop);
	}
}
