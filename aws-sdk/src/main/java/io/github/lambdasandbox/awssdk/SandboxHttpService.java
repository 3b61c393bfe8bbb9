package io.github.lambdasandbox.awssdk;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's synchronous HTTP implementation while lambda-sandbox-aws-sdk is on the class path: every synchronous
 * client built without an explicit {@code httpClient(…)} answers from the sandbox in memory. Found by the SDK through
 * the system property {@code software.amazon.awssdk.http.service.impl}, which {@link AwsSdkSessionListener} sets, and
 * through {@code META-INF/services}.
 *
 * <p>Not called by user code; public because the SDK instantiates it reflectively.
 *
 * @since 0.1
 */
public final class SandboxHttpService implements SdkHttpService {

	@Override
	public SdkHttpClient.Builder<?> createHttpClientBuilder() {
		return new Builder();
	}

	private static final class Builder implements SdkHttpClient.Builder<Builder> {

		@Override
		public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
			return new SandboxHttpClient();
		}
	}
}
