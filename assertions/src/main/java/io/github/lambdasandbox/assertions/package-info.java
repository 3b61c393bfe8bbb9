/**
 * AssertJ assertions for lambda-sandbox. Start from {@link io.github.lambdasandbox.assertions.LambdaSandboxAssertions}:
 *
 * <pre>{@code
 * assertThat(queue("S3-failure")).receivesRecord().withCondition(RETRIES_EXHAUSTED);
 * }</pre>
 */
package io.github.lambdasandbox.assertions;
