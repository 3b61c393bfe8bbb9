package io.github.lambdasandbox.internal.config;

import java.time.Instant;

/**
 * A validated {@code @EventSourceMapping}, with AWS's defaults filled in.
 *
 * @param startingPosition {@code TRIM_HORIZON}, {@code LATEST} or {@code AT_TIMESTAMP} for streams; null for SQS
 * @param startingPositionTimestamp with {@code AT_TIMESTAMP}, else null
 * @param onFailure the on-failure destination of a stream mapping, or null
 */
public record MappingConfig(String function, SourceKind kind, String source, int batchSize,
		int maximumBatchingWindowInSeconds, boolean reportBatchItemFailures, String startingPosition,
		Instant startingPositionTimestamp, int maximumRetryAttempts, int maximumRecordAgeInSeconds,
		boolean bisectBatchOnFunctionError, int parallelizationFactor, TargetRef onFailure, boolean enabled) {

	/** What a mapping polls. */
	public enum SourceKind {
		SQS("sqs"), KINESIS("kinesis"), DYNAMODB("dynamodb");

		private final String prefix;

		SourceKind(String prefix) {
			this.prefix = prefix;
		}

		public String prefix() {
			return prefix;
		}
	}

	/** The source in short form: {@code sqs:orders}. */
	public String sourceRef() {
		return kind.prefix() + ":" + source;
	}
}
