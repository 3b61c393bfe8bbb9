package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
@org.junit.jupiter.api.parallel.Isolated("sets and restores the JVM's system properties that every AWS SDK client reads")
class AwsSdkSessionListenerTests {

	private static final List<String> PROPERTIES = List.of(AwsSdkSessionListener.HTTP_SERVICE_IMPL,
			AwsSdkSessionListener.ASYNC_HTTP_SERVICE_IMPL, AwsSdkSessionListener.EC2_METADATA_DISABLED,
			AwsSdkSessionListener.REGION, AwsSdkSessionListener.ACCESS_KEY_ID, AwsSdkSessionListener.SECRET_ACCESS_KEY);

	private final Map<String, String> before = new LinkedHashMap<>();

	@BeforeEach
	void remember() {
		PROPERTIES.forEach(name -> before.put(name, System.getProperty(name)));
	}

	@AfterEach
	void restore() {
		before.forEach((name, value) -> {
			if (value == null) {
				System.clearProperty(name);
			}
			else {
				System.setProperty(name, value);
			}
		});
	}

	@Test
	void thisTestRunHasTheSdkPropertiesSet() {
		assertThat(System.getProperty(AwsSdkSessionListener.HTTP_SERVICE_IMPL)).isEqualTo(SandboxHttpService.class.getName());
		assertThat(System.getProperty(AwsSdkSessionListener.ASYNC_HTTP_SERVICE_IMPL))
			.isEqualTo(SandboxAsyncHttpService.class.getName());
		assertThat(System.getProperty(AwsSdkSessionListener.EC2_METADATA_DISABLED)).isEqualTo("true");
		assertThat(System.getProperty(AwsSdkSessionListener.REGION)).isEqualTo("us-east-1");
		assertThat(System.getProperty(AwsSdkSessionListener.ACCESS_KEY_ID)).isNotBlank();
	}

	@Test
	void aSessionSetsWhatIsMissingAndRestoresEverythingWhenItCloses() {
		PROPERTIES.forEach(System::clearProperty);
		AwsSdkSessionListener session = new AwsSdkSessionListener();

		session.launcherSessionOpened(null);
		Map<String, String> during = current();
		session.launcherSessionClosed(null);

		assertThat(during).containsEntry(AwsSdkSessionListener.REGION, "us-east-1")
			.containsEntry(AwsSdkSessionListener.ACCESS_KEY_ID, AwsSdkSessionListener.FAKE_ACCESS_KEY_ID)
			.containsEntry(AwsSdkSessionListener.SECRET_ACCESS_KEY, AwsSdkSessionListener.FAKE_SECRET_ACCESS_KEY);
		assertThat(current()).allSatisfy((name, value) -> assertThat(value).as(name).isNull());
	}

	@Test
	void theUsersRegionAndCredentialsAreKeptButTheHttpImplementationIsAlwaysTheSandboxs() {
		System.setProperty(AwsSdkSessionListener.HTTP_SERVICE_IMPL, "software.amazon.awssdk.http.apache.ApacheSdkHttpService");
		System.setProperty(AwsSdkSessionListener.REGION, "eu-west-1");
		System.setProperty(AwsSdkSessionListener.ACCESS_KEY_ID, "AKIDUSER");
		System.setProperty(AwsSdkSessionListener.SECRET_ACCESS_KEY, "secret");
		AwsSdkSessionListener session = new AwsSdkSessionListener();

		session.launcherSessionOpened(null);
		Map<String, String> during = current();
		session.launcherSessionClosed(null);

		assertThat(during).containsEntry(AwsSdkSessionListener.HTTP_SERVICE_IMPL, SandboxHttpService.class.getName())
			.containsEntry(AwsSdkSessionListener.REGION, "eu-west-1")
			.containsEntry(AwsSdkSessionListener.ACCESS_KEY_ID, "AKIDUSER");
		assertThat(System.getProperty(AwsSdkSessionListener.HTTP_SERVICE_IMPL))
			.isEqualTo("software.amazon.awssdk.http.apache.ApacheSdkHttpService");
	}

	@Test
	void anAccessKeyWithoutItsSecretIsReplacedAsAPairSoThatTheChainStopsThere() {
		PROPERTIES.forEach(System::clearProperty);
		System.setProperty(AwsSdkSessionListener.ACCESS_KEY_ID, "AKIDALONE");
		AwsSdkSessionListener session = new AwsSdkSessionListener();

		session.launcherSessionOpened(null);
		Map<String, String> during = current();
		session.launcherSessionClosed(null);

		assertThat(during).containsEntry(AwsSdkSessionListener.ACCESS_KEY_ID, AwsSdkSessionListener.FAKE_ACCESS_KEY_ID)
			.containsEntry(AwsSdkSessionListener.SECRET_ACCESS_KEY, AwsSdkSessionListener.FAKE_SECRET_ACCESS_KEY);
		assertThat(System.getProperty(AwsSdkSessionListener.ACCESS_KEY_ID)).isEqualTo("AKIDALONE");
		assertThat(System.getProperty(AwsSdkSessionListener.SECRET_ACCESS_KEY)).isNull();
	}

	private static Map<String, String> current() {
		Map<String, String> current = new LinkedHashMap<>();
		PROPERTIES.forEach(name -> current.put(name, System.getProperty(name)));
		return current;
	}
}
