package io.github.lambdasandbox.awssdk;

import java.util.concurrent.CompletableFuture;

import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's asynchronous HTTP implementation while lambda-sandbox-aws-sdk is on the class path: it refuses every
 * request with a clear error, so that an asynchronous client built the ordinary way ({@code S3AsyncClient.create()})
 * never reaches AWS from a test. The sandbox answers synchronous clients only: an asynchronous client sends its
 * requests from the SDK's own threads, where the test's sandbox is not known.
 *
 * <p>Not called by user code; public because the SDK instantiates it reflectively.
 *
 * @since 0.1
 */
public final class SandboxAsyncHttpService implements SdkAsyncHttpService {

	static final String MESSAGE = "lambda-sandbox answers synchronous AWS SDK clients only (S3Client, SqsClient …), and "
			+ "refuses asynchronous ones (S3AsyncClient, SqsAsyncClient …) so that they never reach AWS from a test: their "
			+ "requests run on the SDK's threads, where the test's sandbox is not known. Use the synchronous client in code "
			+ "that runs in the sandbox.";

	@Override
	public SdkAsyncHttpClient.Builder<?> createAsyncHttpClientFactory() {
		return new Builder();
	}

	private static final class Builder implements SdkAsyncHttpClient.Builder<Builder> {

		@Override
		public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
			return new RefusingClient();
		}
	}

	private static final class RefusingClient implements SdkAsyncHttpClient {

		@Override
		public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
			UnsupportedOperationException refusal = new UnsupportedOperationException(MESSAGE);
			request.responseHandler().onError(refusal);
			return CompletableFuture.failedFuture(refusal);
		}

		@Override
		public String clientName() {
			return SandboxHttpClient.NAME;
		}

		@Override
		public void close() {
			// holds nothing
		}
	}
}
