package io.github.lambdasandbox.internal.engine;

import io.github.lambdasandbox.internal.config.FunctionConfig;

/**
 * An execution environment: a handler instance, once constructed, the code it runs, and the log stream it writes
 * to. It belongs to one version of its function ({@code $LATEST} or a published one), as in AWS.
 */
final class Environment {

	/** The handler instance; null until the cold start constructs it. */
	Object handler;

	/**
	 * How the runtime calls the handler: the function's code when the environment started (an isolated environment's
	 * own copy of it); null until the cold start.
	 */
	HandlerAdapter adapter;

	/** Which code of the function it runs: an update of the code retires environments of older code. */
	final int codeRevision;

	/** The version it runs: {@code $LATEST}, {@code 1}, … */
	final String version;

	/** The configuration it runs with (handler, timeout, memory): its version's when it started. */
	final FunctionConfig config;

	/** {@code 2025/01/01/[$LATEST]<32 hex>}, {@code 2025/01/01/[1]<32 hex>}. */
	final String logStream;

	/** What REPORT lines show as {@code Max Memory Used}, in MB. */
	int maxMemoryUsed;

	/** Whether handler code exited (System.exit): the runtime process is gone, and the environment with it. */
	boolean exited;

	Environment(String logStream, int codeRevision, String version, FunctionConfig config) {
		this.logStream = logStream;
		this.codeRevision = codeRevision;
		this.version = version;
		this.config = config;
	}
}
