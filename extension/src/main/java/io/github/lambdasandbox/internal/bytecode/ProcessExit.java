package io.github.lambdasandbox.internal.bytecode;

/**
 * Handler code called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} on a thread that runs a
 * sandbox handler: instead of ending the JVM (and the test run), the call ends the attempt. In AWS the runtime
 * process exits and the invocation fails with {@code Runtime.ExitError}; the engine reports it so.
 *
 * <p>An {@link Error}, so that the usual {@code catch (Exception e)} in handler code does not swallow it (code
 * that catches {@code Throwable} still can, as it could not stop a real exit).
 */
public final class ProcessExit extends Error {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String call;

	/**
	 * @param status the exit status handler code asked for
	 * @param call what it called: {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}
	 */
	public ProcessExit(int status, String call) {
		super(call + "(" + status + ") in handler code: the runtime exits with status " + status);
		this.status = status;
		this.call = call;
	}

	/** The exit status handler code asked for. */
	public int status() {
		return status;
	}

	/** What handler code called: {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}. */
	public String call() {
		return call;
	}
}
