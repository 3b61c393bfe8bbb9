package io.github.lambdasandbox.internal.engine;

import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Lines that threads handler code started wrote after their attempt had ended, while the environment was frozen
	 * between invocations: its next attempt writes them to the log (null while there are none). Engine only.
	 */
	private List<String> frozenOutput;

	Environment(String logStream, int codeRevision, String version, FunctionConfig config) {
		this.logStream = logStream;
		this.codeRevision = codeRevision;
		this.version = version;
		this.config = config;
	}

	/** Keeps a line written while the environment is frozen, for its next attempt's log. Engine only. */
	void holdOutput(String line) {
		if (frozenOutput == null) {
			frozenOutput = new ArrayList<>();
		}
		frozenOutput.add(line);
	}

	/** The lines written while the environment was frozen, in order, and forgets them. Engine only. */
	List<String> takeFrozenOutput() {
		List<String> lines = frozenOutput;
		frozenOutput = null;
		return lines == null ? List.of() : lines;
	}
}
