package io.github.lambdasandbox;

/**
 * A function's configuration for asynchronous invocation, as {@code PutFunctionEventInvokeConfig} takes it and
 * {@code GetFunctionEventInvokeConfig} answers it: {@code MaximumRetryAttempts}, {@code MaximumEventAgeInSeconds}
 * and the on-success and on-failure destinations. A setting left out (null) is not set, and Lambda applies its
 * default: 2 retries, 21600 seconds (6 hours), no destination.
 *
 * <pre>{@code
 * sandbox.function("lambda-s3").putEventInvokeConfig(EventInvokeConfig.builder()
 *     .maximumRetryAttempts(0)
 *     .onFailure("sqs:S3-failure")
 *     .build());
 * }</pre>
 *
 * @param maximumRetryAttempts 0..2, or null for Lambda's default (2)
 * @param maximumEventAgeInSeconds 60..21600, or null for Lambda's default (21600)
 * @param onSuccess the on-success destination: an ARN, or {@code sqs:}, {@code sns:}, {@code lambda:} or
 *        {@code events:} and a name; null for none
 * @param onFailure the on-failure destination: the same, or {@code s3:} and a bucket; null for none
 * @see FunctionHandle#putEventInvokeConfig(EventInvokeConfig)
 * @since 0.1
 */
public record EventInvokeConfig(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, String onSuccess,
		String onFailure) {

	/** A configuration to build, with nothing set. */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds an {@link EventInvokeConfig}; what is not set stays unset (Lambda's default). */
	public static final class Builder {

		private Integer maximumRetryAttempts;

		private Integer maximumEventAgeInSeconds;

		private String onSuccess;

		private String onFailure;

		private Builder() {
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

		/** The on-success destination: an ARN, or {@code sqs:}, {@code sns:}, {@code lambda:} or {@code events:} and a name. */
		public Builder onSuccess(String destination) {
			this.onSuccess = destination;
			return this;
		}

		/** The on-failure destination: an ARN, or {@code sqs:}, {@code sns:}, {@code lambda:}, {@code events:} or {@code s3:} and a name. */
		public Builder onFailure(String destination) {
			this.onFailure = destination;
			return this;
		}

		public EventInvokeConfig build() {
			return new EventInvokeConfig(maximumRetryAttempts, maximumEventAgeInSeconds, onSuccess, onFailure);
		}
	}
}
