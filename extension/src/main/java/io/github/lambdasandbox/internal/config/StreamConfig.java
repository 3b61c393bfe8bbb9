package io.github.lambdasandbox.internal.config;

/** A validated {@code @DataStream}: a Kinesis data stream. */
public record StreamConfig(String name, int shards, int retentionHours) {
}
