/**
 * The sandbox's services as AWS's APIs define them, operation by operation, in plain Java types: what the
 * lambda-sandbox-aws-sdk module's in-memory HTTP client translates AWS SDK requests to. Errors are
 * {@link io.github.lambdasandbox.internal.aws.AwsServiceException}s carrying AWS's error code, HTTP status and
 * message. Not API: may change in any release without notice.
 */
package io.github.lambdasandbox.internal.aws;
