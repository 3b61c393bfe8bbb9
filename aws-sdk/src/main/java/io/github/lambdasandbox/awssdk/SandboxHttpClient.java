package io.github.lambdasandbox.awssdk;

import java.io.IOException;
import java.io.InputStream;

import io.github.lambdasandbox.internal.aws.AwsServices;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Answers each request of a synchronous SDK client from the sandbox of the calling thread, in memory. A synchronous
 * client sends its request on the caller's thread, so the sandbox is the caller's: the test's, or that of the
 * handler the calling code runs in.
 */
final class SandboxHttpClient implements SdkHttpClient {

	static final String NAME = "lambda-sandbox";

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		return new ExecutableHttpRequest() {

			@Override
			public HttpExecuteResponse call() throws IOException {
				return execute(request);
			}

			@Override
			public void abort() {
				// answered in memory on the caller's thread: nothing in flight to abort
			}
		};
	}

	static HttpExecuteResponse execute(HttpExecuteRequest execute) throws IOException {
		byte[] body = new byte[0];
		if (execute.contentStreamProvider().isPresent()) {
			try (InputStream in = execute.contentStreamProvider().get().newStream()) {
				body = in.readAllBytes();
			}
		}
		Request request = new Request(execute.httpRequest(), body);
		Protocol protocol = Router.route(request);
		String operation = protocol.operation(request);
		AwsServices services = AwsServices.current();
		return protocol.handle(operation, request, services).toSdk();
	}

	@Override
	public String clientName() {
		return NAME;
	}

	@Override
	public void close() {
		// holds nothing
	}
}
