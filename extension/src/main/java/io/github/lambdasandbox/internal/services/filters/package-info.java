/**
 * The matchers AWS applies before it delivers: EventBridge event patterns ({@link EventPattern}), SNS subscription
 * filter policies ({@link SnsFilterPolicy}) and S3 notification key filters ({@link S3NotificationFilter}).
 *
 * <p>EventBridge and SNS both compile their JSON rules with AWS's Event Ruler grammar (SNS with an older version of
 * it); {@code PatternCompiler} reads that grammar once for both, with a {@code Dialect} for what differs. Matching is
 * Event Ruler's: the event is flattened into leaves (strings, numbers, booleans, null) named by their dot-joined path,
 * and two leaves taken from objects in different elements of the same array never match together.
 *
 * <p>Pure and thread-safe once built: no clocks, no threads, no engine state.
 */
package io.github.lambdasandbox.internal.services.filters;
