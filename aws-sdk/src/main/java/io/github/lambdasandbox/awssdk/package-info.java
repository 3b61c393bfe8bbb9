/**
 * AWS SDK for Java v2 clients built the ordinary way ({@code S3Client.create()}, {@code SqsClient.builder().build()})
 * reach the sandbox of the current test in memory: an {@link software.amazon.awssdk.http.SdkHttpClient} that answers
 * each request as the AWS service would, from the sandbox's services, without a socket.
 *
 * <p>Public only so that the SDK and the JUnit Platform can load them: {@link SandboxHttpService},
 * {@link SandboxAsyncHttpService} and {@link AwsSdkSessionListener}. Nothing here is called by user code.
 */
package io.github.lambdasandbox.awssdk;
