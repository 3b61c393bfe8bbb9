package io.github.lambdasandbox.internal.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The real-time guard of handler code: one daemon thread for the JVM that looks, every few milliseconds, at the
 * handler each open sandbox runs, and gives up one that has run past its function's timeout (AWS stops the
 * execution environment; a JVM can only interrupt the thread). It runs while some sandbox has run a handler and
 * is not closed.
 */
final class Watchdog {

	private static final long PERIOD_NANOS = 10_000_000;

	private static final Set<Executive> WATCHED = ConcurrentHashMap.newKeySet();

	private static Thread thread;

	private Watchdog() {
	}

	static void watch(Executive executive) {
		WATCHED.add(executive);
		synchronized (Watchdog.class) {
			if (thread == null) {
				thread = new Thread(Watchdog::run, "lambda-sandbox watchdog");
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	static void forget(Executive executive) {
		WATCHED.remove(executive);
	}

	private static void run() {
		while (true) {
			synchronized (Watchdog.class) {
				if (WATCHED.isEmpty()) {
					thread = null;
					return;
				}
			}
			long now = System.nanoTime();
			for (Executive executive : WATCHED) {
				AttemptRun run = executive.inUserCode();
				if (run != null && now >= run.realDeadline()) {
					executive.abandonIfOverdue(run, now);
				}
			}
			LockSupport.parkNanos(PERIOD_NANOS);
		}
	}
}
