/**
 * lambda-sandbox: real AWS Lambda Java handlers in a simulated Lambda runtime, on a virtual clock.
 *
 * <p>Declare the functions, queues and buckets of a test class with {@link io.github.lambdasandbox.LambdaSandbox
 * @LambdaSandbox}, {@link io.github.lambdasandbox.LambdaFunction @LambdaFunction},
 * {@link io.github.lambdasandbox.Queue @Queue} and {@link io.github.lambdasandbox.Bucket @Bucket}; take a
 * {@link io.github.lambdasandbox.Sandbox} as a test parameter to invoke functions, upload objects, move the
 * clock and read what arrived. The assertions are in {@code io.github.lambdasandbox.assertions}
 * (artifact {@code lambda-sandbox-assertions}).
 */
package io.github.lambdasandbox;
