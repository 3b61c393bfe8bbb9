/**
 * The engine: virtual time, the single writer, Lambda's async queue and retry policy, execution environments,
 * destinations, and the in-memory services. Not API: may change in any release without notice.
 *
 * <h2>Thread model</h2>
 * <p><b>One writer.</b> All state of a sandbox (its clock, queues, journal, environments, ids) is guarded by one
 * lock, and work that changes it runs only on the thread that holds the sandbox's <em>turn</em>. Outside calls
 * (the test, a thread of the user's) change state as commands applied under the lock at the current virtual
 * instant; they never run work themselves.
 *
 * <p><b>Work runs while a caller waits.</b> Nothing runs behind the test's back: {@code invokeAsync} and other
 * commands only schedule. Work runs when a caller waits for it — a read (which first runs what is due now), a
 * synchronous invoke, {@code settle()}, {@code runUntil()}, {@code advance()} — and then on the sandbox's worker
 * threads, one at a time, in (virtual instant, sequence) order ({@link io.github.lambdasandbox.internal.engine.EventQueue}).
 * The caller parks until its goal is reached; the clock moves only at quiet instants and only as far as the goal
 * allows. So the same test produces the same order, ids and timestamps on every run.
 *
 * <p><b>Handlers run inline on workers.</b> A worker runs handler code on its own stack, without the lock, under
 * the function's timeout in real time (the {@link io.github.lambdasandbox.internal.engine.Watchdog}). A handler
 * that waits on the sandbox (a virtual sleep, a synchronous invocation it made) keeps its thread and passes the
 * turn to another worker; it gets the turn back at the virtual instant its wait ends. An attempt that times out —
 * in virtual time while it waits, or in real time while it runs — is given up: its thread is interrupted or left
 * parked and never touches the sandbox again; the sandbox reports threads that outlive its close.
 *
 * <p><b>Threads that handler code starts</b> run beside the handler, in real time. A task handed to one (rewritten
 * calls: {@code internal.bytecode.HandlerThreads}) carries its attempt ({@link io.github.lambdasandbox.internal.engine.AttemptContext}):
 * while it runs, the thread's output goes to the attempt's log, its service calls are the attempt's commands, and its
 * time reads are the sandbox clock's; it never holds the turn, so it cannot wait in virtual time (refused), and
 * what it prints after its attempt ended waits in the environment for the next attempt there.
 *
 * <p><b>Who may touch what.</b> Engine classes (everything here but the public entry points) are called only by
 * the thread with the turn, holding the lock. Handler code may call the sandbox's public API and the services'
 * commands from its own thread at any time (they take the lock). Readers outside the engine get immutable
 * snapshots.
 */
package io.github.lambdasandbox.internal.engine;
