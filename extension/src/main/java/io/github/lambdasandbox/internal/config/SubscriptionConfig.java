package io.github.lambdasandbox.internal.config;

import io.github.lambdasandbox.internal.services.filters.SnsFilterPolicy;

/**
 * A subscription of an SQS queue or a Lambda function to an SNS topic, as {@code Subscribe} accepted it.
 *
 * @param endpoint an SQS queue or a Lambda function
 * @param filterPolicy the compiled {@code FilterPolicy}, or null for none
 */
public record SubscriptionConfig(String topic, TargetRef endpoint, boolean rawMessageDelivery,
		SnsFilterPolicy filterPolicy) {
}
