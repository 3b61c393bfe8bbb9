package io.github.lambdasandbox.awssdk;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes every {@link Socket} of this test run fail, and records it: installed at the start of the session (before any
 * test class loads), for the whole JVM. The SDK's synchronous HTTP clients (Apache, URL connection) and its instance
 * metadata client all connect through {@code Socket}, so a request that bypassed the sandbox would fail here, and
 * {@link #attempts()} would show it.
 */
public final class SocketGuard implements LauncherSessionListener {

	private static final List<Throwable> ATTEMPTS = new CopyOnWriteArrayList<>();

	private static volatile boolean installed;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		install();
	}

	static synchronized void install() {
		if (installed) {
			return;
		}
		try {
			Socket.setSocketImplFactory(() -> {
				IllegalStateException attempt = new IllegalStateException(
						"A socket was opened during the tests of lambda-sandbox-aws-sdk, on thread " + Thread.currentThread().getName());
				ATTEMPTS.add(attempt);
				throw attempt;
			});
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot install the socket guard", e);
		}
		installed = true;
	}

	/** Every socket something tried to open since the session started. */
	static List<Throwable> attempts() {
		return List.copyOf(ATTEMPTS);
	}
}
