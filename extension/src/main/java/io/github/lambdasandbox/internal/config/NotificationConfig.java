package io.github.lambdasandbox.internal.config;

import io.github.lambdasandbox.internal.services.filters.S3NotificationFilter;

/**
 * One notification configuration of a bucket, as {@code PutBucketNotificationConfiguration} accepted it.
 *
 * @param id the configuration's {@code Id}, or null: S3 makes one up
 * @param target a Lambda function, an SQS queue or an SNS topic
 */
public record NotificationConfig(String bucket, String id, S3NotificationFilter filter, TargetRef target) {
}
