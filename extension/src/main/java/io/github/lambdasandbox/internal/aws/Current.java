package io.github.lambdasandbox.internal.aws;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.CurrentSandbox;
import io.github.lambdasandbox.internal.engine.SandboxEngine;

/**
 * Finds the services a thread works for: those bound to it ({@link AwsServices#bind}), else its sandbox's
 * ({@link CurrentSandbox}: the test's thread, a handler's thread while it runs an attempt, a thread that handler code
 * started while it runs the task — bound and unbound around each task, so a pooled thread keeps none after it).
 */
final class Current {

	private static final ThreadLocal<AwsServices> BOUND = new ThreadLocal<>();

	private Current() {
	}

	static AwsServices find() {
		AwsServices bound = BOUND.get();
		if (bound != null) {
			return bound;
		}
		Sandbox sandbox = CurrentSandbox.peek();
		if (sandbox instanceof SandboxEngine engine && !engine.isClosed()) {
			return engine.aws();
		}
		throw new IllegalStateException("An AWS SDK client was used on thread \"" + Thread.currentThread().getName()
				+ "\", where no lambda-sandbox sandbox is open: lambda-sandbox answers AWS SDK requests only inside a "
				+ "@LambdaSandbox test (on its thread, in handlers it runs, and in the tasks those handlers start with "
				+ "CompletableFuture.runAsync/supplyAsync, an ExecutorService or new Thread(runnable)), and never sends them "
				+ "to AWS. Use the client in the test or in a handler; on a thread the test started itself, or one that runs "
				+ "no task of a handler, it cannot tell which sandbox you mean.");
	}

	static AwsServices bind(AwsServices services) {
		AwsServices previous = BOUND.get();
		if (services == null) {
			BOUND.remove();
		}
		else {
			BOUND.set(services);
		}
		return previous;
	}
}
