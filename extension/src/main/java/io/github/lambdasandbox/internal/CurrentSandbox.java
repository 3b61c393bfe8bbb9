package io.github.lambdasandbox.internal;

import io.github.lambdasandbox.Sandbox;

/**
 * The sandbox of the test running on the current thread, for the static accessors of the assertions (and
 * for handler code: the engine binds its sandbox while a worker runs a handler, and while a thread that handler code
 * started runs its task, unbinding it after). Bound by the JUnit extension before each test and unbound after it;
 * one per thread, so tests running in parallel each see their own. Never inherited: a thread the test starts itself
 * has none.
 */
public final class CurrentSandbox {

	private static final ThreadLocal<Sandbox> CURRENT = new ThreadLocal<>();

	private CurrentSandbox() {
	}

	public static void bind(Sandbox sandbox) {
		CURRENT.set(sandbox);
	}

	public static void unbind() {
		CURRENT.remove();
	}

	/** The sandbox bound to this thread, or null. */
	public static Sandbox peek() {
		return CURRENT.get();
	}

	/**
	 * Binds {@code sandbox} (or nothing, for null) and returns what was bound: for the engine's worker threads,
	 * which bind and unbind at every handler call (keeping the thread's entry is cheaper than removing it).
	 */
	public static Sandbox swap(Sandbox sandbox) {
		Sandbox previous = CURRENT.get();
		CURRENT.set(sandbox);
		return previous;
	}

	/**
	 * @throws IllegalStateException if no sandbox is bound to this thread, with the way out
	 */
	public static Sandbox get(String accessor) {
		Sandbox sandbox = CURRENT.get();
		if (sandbox == null) {
			throw new IllegalStateException(accessor + " was called outside a @LambdaSandbox test (no sandbox is bound to thread \""
					+ Thread.currentThread().getName() + "\"). Annotate the test class with @LambdaSandbox, "
					+ "or, on a thread of your own, use the Sandbox parameter of the test instead: sandbox." + accessor + ".");
		}
		return sandbox;
	}
}
