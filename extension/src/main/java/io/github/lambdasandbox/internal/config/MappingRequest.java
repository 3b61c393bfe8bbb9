package io.github.lambdasandbox.internal.config;

import io.github.lambdasandbox.EventSourceMapping;

/**
 * What a mapping declaration or update asks for, before the checks: the attributes of
 * {@link EventSourceMapping @EventSourceMapping}, with its conventions (0 for the source's default batch size,
 * {@code ""} for unset, -1 for infinite).
 */
public record MappingRequest(String function, String source, int batchSize, int maximumBatchingWindowInSeconds,
		boolean reportBatchItemFailures, String startingPosition, String startingPositionTimestamp,
		int maximumRetryAttempts, int maximumRecordAgeInSeconds, boolean bisectBatchOnFunctionError,
		int parallelizationFactor, String onFailure, boolean enabled) {

	public static MappingRequest of(EventSourceMapping m) {
		return new MappingRequest(m.function(), m.source(), m.batchSize(), m.maximumBatchingWindowInSeconds(),
				m.reportBatchItemFailures(), m.startingPosition(), m.startingPositionTimestamp(), m.maximumRetryAttempts(),
				m.maximumRecordAgeInSeconds(), m.bisectBatchOnFunctionError(), m.parallelizationFactor(), m.onFailure(),
				m.enabled());
	}

	/** The request a mapping's current settings make, to change some of them. */
	public static MappingRequest of(MappingConfig m) {
		return new MappingRequest(m.function(), m.sourceRef(), m.batchSize(), m.maximumBatchingWindowInSeconds(),
				m.reportBatchItemFailures(), m.startingPosition() == null ? "" : m.startingPosition(),
				m.startingPositionTimestamp() == null ? "" : m.startingPositionTimestamp().toString(),
				m.maximumRetryAttempts(), m.maximumRecordAgeInSeconds(), m.bisectBatchOnFunctionError(),
				m.parallelizationFactor(), m.onFailure() == null ? "" : m.onFailure().toString(), m.enabled());
	}
}
