package io.github.lambdasandbox.internal.config;

/** A validated {@code @LambdaFunction}. Destinations and the dead-letter queue may be {@code null}. */
public record FunctionConfig(String name, Class<?> handler, int maximumRetryAttempts, int maximumEventAgeInSeconds,
		int timeoutSeconds, int memorySize, TargetRef onSuccess, TargetRef onFailure, TargetRef deadLetterQueue,
		int reservedConcurrency) {
}
