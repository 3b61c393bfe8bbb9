package io.github.lambdasandbox.awssdk;

import java.util.ArrayDeque;
import java.util.Deque;

import io.github.lambdasandbox.internal.aws.AwsServices;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the AWS SDK's system properties for the test run, so that SDK v2 clients built the ordinary way answer from
 * the sandbox and never leave the JVM, and restores them when the run ends. Registered in {@code META-INF/services};
 * the JUnit Platform calls it when a launcher session opens (Maven Surefire, Gradle, IDEs).
 *
 * <ul>
 * <li>{@code software.amazon.awssdk.http.service.impl} names {@link SandboxHttpService}, and
 * {@code software.amazon.awssdk.http.async.service.impl} names {@link SandboxAsyncHttpService}, always: they decide
 * where requests go. A system property outranks the {@code SYNC_HTTP_SERVICE_IMPL} environment variable, and with it
 * the SDK no longer refuses to choose between the several HTTP clients that service artifacts bring.</li>
 * <li>{@code aws.disableEc2Metadata} is {@code true}, always: no credentials, region or defaults-mode lookup calls the
 * instance metadata service.</li>
 * <li>{@code aws.region} is {@code us-east-1}, and {@code aws.accessKeyId} / {@code aws.secretAccessKey} are fixed,
 * obviously fake values, unless the user set them: system properties come first in the SDK's region and credentials
 * chains, so environment variables ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_PROFILE}) and
 * {@code ~/.aws} profiles are never read for them, and no chain reaches the network. Values the user set are kept:
 * whatever signs a request, it is answered in memory.</li>
 * </ul>
 *
 * <p>Not called by user code; public because the JUnit Platform instantiates it through the service loader.
 *
 * @since 0.1
 */
public final class AwsSdkSessionListener implements LauncherSessionListener {

	static final String HTTP_SERVICE_IMPL = "software.amazon.awssdk.http.service.impl";

	static final String ASYNC_HTTP_SERVICE_IMPL = "software.amazon.awssdk.http.async.service.impl";

	static final String EC2_METADATA_DISABLED = "aws.disableEc2Metadata";

	static final String REGION = "aws.region";

	static final String ACCESS_KEY_ID = "aws.accessKeyId";

	static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";

	static final String FAKE_ACCESS_KEY_ID = "LAMBDASANDBOXKEYID";

	static final String FAKE_SECRET_ACCESS_KEY = "lambda-sandbox-answers-in-memory";

	/** What this session changed, last change first: one listener instance per launcher session. */
	private final Deque<Previous> changed = new ArrayDeque<>();

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		set(HTTP_SERVICE_IMPL, SandboxHttpService.class.getName());
		set(ASYNC_HTTP_SERVICE_IMPL, SandboxAsyncHttpService.class.getName());
		set(EC2_METADATA_DISABLED, "true");
		if (System.getProperty(REGION) == null) {
			set(REGION, AwsServices.REGION);
		}
		// the SDK takes the pair or neither: with one of them missing, it would go on down the chain
		if (System.getProperty(ACCESS_KEY_ID) == null || System.getProperty(SECRET_ACCESS_KEY) == null) {
			set(ACCESS_KEY_ID, FAKE_ACCESS_KEY_ID);
			set(SECRET_ACCESS_KEY, FAKE_SECRET_ACCESS_KEY);
		}
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		while (!changed.isEmpty()) {
			Previous previous = changed.pop();
			if (previous.value() == null) {
				System.clearProperty(previous.name());
			}
			else {
				System.setProperty(previous.name(), previous.value());
			}
		}
	}

	private void set(String name, String value) {
		changed.push(new Previous(name, System.getProperty(name)));
		System.setProperty(name, value);
	}

	private record Previous(String name, String value) {
	}
}
