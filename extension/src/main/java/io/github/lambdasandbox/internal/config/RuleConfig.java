package io.github.lambdasandbox.internal.config;

import io.github.lambdasandbox.internal.services.filters.EventPattern;

/**
 * An EventBridge rule with its one target, as {@code PutRule} and {@code PutTargets} accepted them.
 *
 * @param target an SQS queue, an SNS topic or a Lambda function
 */
public record RuleConfig(String name, String bus, EventPattern pattern, TargetRef target) {
}
