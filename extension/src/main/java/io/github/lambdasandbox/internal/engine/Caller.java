package io.github.lambdasandbox.internal.engine;

/**
 * Who asks for an operation of the services: a handler of this sandbox (its request and function, which the
 * journal and the timeline then name) or the test (neither).
 */
record Caller(String requestId, String function) {

	private static final Caller TEST = new Caller(null, null);

	/** The attempt running on this thread, if it is one of {@code engine}'s; else the test. */
	static Caller of(SandboxEngine engine) {
		AttemptRun run = Executive.CURRENT.get();
		return run != null && run.executive == engine.executive ? new Caller(run.requestId, run.function.name()) : TEST;
	}
}
