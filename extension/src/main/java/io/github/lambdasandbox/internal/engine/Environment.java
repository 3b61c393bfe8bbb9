package io.github.lambdasandbox.internal.engine;

/** An execution environment: a handler instance, once constructed, and the log stream it writes to. */
final class Environment {

	/** The handler instance; null until the cold start constructs it. */
	Object handler;

	/** {@code 2025/01/01/[$LATEST]<32 hex>}. */
	final String logStream;

	/** What REPORT lines show as {@code Max Memory Used}, in MB. */
	int maxMemoryUsed;

	Environment(String logStream) {
		this.logStream = logStream;
	}
}
