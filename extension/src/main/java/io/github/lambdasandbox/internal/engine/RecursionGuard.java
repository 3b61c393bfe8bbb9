package io.github.lambdasandbox.internal.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.RecursiveLoop;

/**
 * Lambda's recursive loop detection: which chain of requests ({@link Lineage}) each event belongs to, and the stop of
 * a function's invocation once it ran 16 times in its chain, unless the function's {@code RecursiveLoop} is
 * {@code Allow}. Lambda follows a chain through its own invocations (Invoke, asynchronous events, destinations and
 * dead-letter queues), SQS, SNS and S3; a write to any other service starts a new chain. Engine only, lock held.
 *
 * <p>Where an event comes from decides its chain ({@link #current()}): a write to a service Lambda cannot follow
 * ({@link #unfollowed}), none; inside a handler, the chain its attempt runs with; while Lambda delivers an event's
 * outcome ({@link #within}), that event's chain; in work the engine does later on behalf of a write (an SNS topic's
 * deliveries), the chain of the write, which the work carries ({@link Executive.Context}); otherwise (the test, a
 * stream's poller) none. Whatever creates an event of a service that takes part (an SQS message, an asynchronous event,
 * a synchronous invocation) takes {@link #current()} and keeps it with the event; whatever invokes a function with it
 * calls {@link #enter} first.
 */
final class RecursionGuard implements Executive.Context {

	/** AWS: "If your function is invoked approximately 16 times in the same chain of requests", the next is stopped. */
	static final int MAXIMUM_INVOCATIONS = 16;

	/** The error's text: the description of {@code RecursiveInvocationException} in Lambda's API reference. */
	static final String MESSAGE = "Lambda has detected your function being invoked in a recursive loop with other Amazon Web "
			+ "Services resources and stopped your function's invocation.";

	private final SandboxEngine engine;

	/** PutFunctionRecursionConfig, by function; the declaration's setting until then. */
	private final Map<String, RecursiveLoop> settings = new HashMap<>();

	/** The chain of what Lambda delivers now, or of the work that runs now; null outside. */
	private Lineage scope;

	/** Whether what is written now goes to a service Lambda cannot follow (EventBridge). */
	private boolean unfollowed;

	RecursionGuard(SandboxEngine engine) {
		this.engine = engine;
	}

	/** The setting now: as PutFunctionRecursionConfig last set it, else as the function was declared or created. */
	RecursiveLoop setting(String function) {
		RecursiveLoop loop = settings.get(function);
		if (loop != null) {
			return loop;
		}
		FunctionRuntime runtime = engine.functions.get(function);
		return runtime == null || runtime.config().recursiveLoop() == null ? RecursiveLoop.TERMINATE
				: runtime.config().recursiveLoop();
	}

	void put(String function, RecursiveLoop loop) {
		settings.put(function, loop);
	}

	/** The chain an event created now belongs to. */
	Lineage current() {
		if (unfollowed) {
			return Lineage.NONE;
		}
		AttemptRun run = EngineServices.caller(engine);
		if (run != null) {
			return run.lineage;
		}
		return scope == null ? Lineage.NONE : scope;
	}

	/** Runs {@code delivery} with {@code lineage} as the chain of what it creates (Lambda sends an event's outcome). */
	<T> T within(Lineage lineage, Supplier<T> delivery) {
		Lineage outer = scope;
		scope = lineage;
		try {
			return delivery.get();
		}
		finally {
			scope = outer;
		}
	}

	void within(Lineage lineage, Runnable delivery) {
		within(lineage, () -> {
			delivery.run();
			return null;
		});
	}

	/** Runs {@code write}, a write to a service Lambda cannot follow (EventBridge): what it leads to starts a new chain. */
	<T> T unfollowed(Supplier<T> write) {
		boolean outer = unfollowed;
		unfollowed = true;
		try {
			return write.get();
		}
		finally {
			unfollowed = outer;
		}
	}

	@Override
	public Object capture() {
		return current();
	}

	@Override
	public void within(Object captured, Runnable work) {
		within((Lineage) captured, work);
	}

	/**
	 * Before an invocation of {@code function} for an event of chain {@code cause}: the chain its attempt runs with, or
	 * null if Lambda stops it (journaled: {@code RecursiveInvocationsDropped}).
	 *
	 * @param invocationType {@code Event}, {@code RequestResponse}, or an event source mapping's source
	 * @param resource the mapping's source, or null
	 */
	Lineage enter(FunctionRuntime function, Lineage cause, String requestId, String invocationType, String resource) {
		Lineage chain = cause == null ? Lineage.NONE : cause;
		String name = function.name();
		if (chain.count(name) >= MAXIMUM_INVOCATIONS && setting(name) == RecursiveLoop.TERMINATE) {
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.RecursiveInvocationDropped(journal.next(), engine.executive.instant(), requestId,
					name, resource, invocationType, chain.counts()));
			return null;
		}
		return chain.after(name);
	}

	/** What a synchronous caller gets when Lambda stops the invocation. */
	static LambdaServiceException exception() {
		return new LambdaServiceException(400, "RecursiveInvocationException", MESSAGE, null, "User");
	}
}
