package io.github.lambdasandbox.internal.bytecode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.lambdasandbox.internal.engine.AttemptContext;

/**
 * What rewritten handler code calls instead of the JDK's ways of handing a task to another thread
 * ({@link TimeCallRewriter} lists which call becomes which): each does what the call it replaces does, with the task
 * wrapped so that it runs for the attempt whose handler code submitted it ({@link AttemptContext}) — its output in
 * the attempt's log, AWS SDK clients reaching the attempt's sandbox — and leaves nothing on the thread after it. On
 * a thread that works for no attempt (the test's, a pool's), every method does exactly what the original does, with
 * the task unchanged. Not API: public only because rewritten classes, in any package and class loader, call it.
 *
 * <p>What is carried is decided where the task is submitted (or the thread constructed), by the thread that does
 * it. Futures of {@code CompletableFuture.runAsync} and {@code supplyAsync} submitted for an attempt run their
 * dependent stages ({@code thenApply}, {@code thenAcceptAsync} …) for the attempt too, when the thread that
 * completes or chains them works for it.
 *
 * <p>This class and its nested classes are never rewritten themselves (they call the originals).
 */
public final class HandlerThreads {

	/** The executor of {@code CompletableFuture}'s async methods without one (the common pool, or a thread a task). */
	private static final Executor ASYNC = new CompletableFuture<Void>().defaultExecutor();

	/** {@link #ASYNC}, each task wrapped for the attempt of the thread that submits it. */
	private static final Executor ASYNC_FOR_ATTEMPT = new ForAttempt(ASYNC);

	private HandlerThreads() {
	}

	// --- the tasks -----------------------------------------------------------------------------------------------

	/** {@code task}, to run for the current thread's attempt; {@code task} itself (null too) if there is none. */
	static Runnable forAttempt(Runnable task) {
		AttemptContext context = task == null ? null : AttemptContext.current();
		return context == null ? task : () -> context.run(task);
	}

	static <T> Callable<T> forAttempt(Callable<T> task) {
		AttemptContext context = task == null ? null : AttemptContext.current();
		return context == null ? task : () -> context.call(task);
	}

	private static <T> Collection<? extends Callable<T>> forAttempt(Collection<? extends Callable<T>> tasks) {
		AttemptContext context = tasks == null ? null : AttemptContext.current();
		if (context == null) {
			return tasks;
		}
		List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
		for (Callable<T> task : tasks) {
			wrapped.add(task == null ? null : () -> context.call(task));
		}
		return wrapped;
	}

	/**
	 * The target of a {@code new Thread(…)} in handler code, to run for the current thread's attempt — unless it is the
	 * JDK's own (a pool's worker loop, given to a thread factory of the user's): a pool's thread must not work for the
	 * attempt that happened to make it, for life.
	 */
	public static Runnable threadTarget(Runnable target) {
		if (target == null) {
			return null;
		}
		ClassLoader loader = target.getClass().getClassLoader();
		if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
			return target;
		}
		return forAttempt(target);
	}

	// --- CompletableFuture ---------------------------------------------------------------------------------------

	/** {@code CompletableFuture.runAsync(task)}. */
	public static CompletableFuture<Void> runAsync(Runnable task) {
		if (AttemptContext.current() == null) {
			return CompletableFuture.runAsync(task);
		}
		Objects.requireNonNull(task);
		return new AttemptFuture<Void>().completeAsync(() -> {
			task.run();
			return null;
		});
	}

	/** {@code CompletableFuture.runAsync(task, executor)}. */
	public static CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
		if (AttemptContext.current() == null) {
			return CompletableFuture.runAsync(task, executor);
		}
		Objects.requireNonNull(task);
		return new AttemptFuture<Void>().completeAsync(() -> {
			task.run();
			return null;
		}, new ForAttempt(executor));
	}

	/** {@code CompletableFuture.supplyAsync(task)}. */
	public static <U> CompletableFuture<U> supplyAsync(Supplier<U> task) {
		if (AttemptContext.current() == null) {
			return CompletableFuture.supplyAsync(task);
		}
		return new AttemptFuture<U>().completeAsync(Objects.requireNonNull(task));
	}

	/** {@code CompletableFuture.supplyAsync(task, executor)}. */
	public static <U> CompletableFuture<U> supplyAsync(Supplier<U> task, Executor executor) {
		if (AttemptContext.current() == null) {
			return CompletableFuture.supplyAsync(task, executor);
		}
		return new AttemptFuture<U>().completeAsync(Objects.requireNonNull(task), new ForAttempt(executor));
	}

	/**
	 * A future of a task submitted for an attempt: its async stages without an executor run on the same executor as
	 * {@code CompletableFuture}'s, for the attempt of the thread that submits them, and so do theirs.
	 */
	static final class AttemptFuture<T> extends CompletableFuture<T> {

		@Override
		public Executor defaultExecutor() {
			return ASYNC_FOR_ATTEMPT;
		}

		@Override
		public <U> CompletableFuture<U> newIncompleteFuture() {
			return new AttemptFuture<>();
		}
	}

	/** An executor whose tasks run for the attempt of the thread that hands them over (if it works for one). */
	private static final class ForAttempt implements Executor {

		private final Executor executor;

		ForAttempt(Executor executor) {
			this.executor = Objects.requireNonNull(executor);
		}

		@Override
		public void execute(Runnable task) {
			executor.execute(forAttempt(task));
		}
	}

	// --- executors -----------------------------------------------------------------------------------------------

	/** {@code executor.execute(task)}. */
	public static void execute(Executor executor, Runnable task) {
		executor.execute(forAttempt(task));
	}

	/** {@code executor.submit(task)}. */
	public static Future<?> submit(ExecutorService executor, Runnable task) {
		return executor.submit(forAttempt(task));
	}

	/** {@code executor.submit(task, result)}. */
	public static <T> Future<T> submit(ExecutorService executor, Runnable task, T result) {
		return executor.submit(forAttempt(task), result);
	}

	/** {@code executor.submit(task)}. */
	public static <T> Future<T> submit(ExecutorService executor, Callable<T> task) {
		return executor.submit(forAttempt(task));
	}

	/** {@code pool.submit(task)} of a {@code ForkJoinPool}. */
	public static ForkJoinTask<?> submit(ForkJoinPool pool, Runnable task) {
		return pool.submit(forAttempt(task));
	}

	/** {@code pool.submit(task, result)} of a {@code ForkJoinPool}. */
	public static <T> ForkJoinTask<T> submit(ForkJoinPool pool, Runnable task, T result) {
		return pool.submit(forAttempt(task), result);
	}

	/** {@code pool.submit(task)} of a {@code ForkJoinPool}. */
	public static <T> ForkJoinTask<T> submit(ForkJoinPool pool, Callable<T> task) {
		return pool.submit(forAttempt(task));
	}

	/** {@code executor.invokeAll(tasks)}. */
	public static <T> List<Future<T>> invokeAll(ExecutorService executor, Collection<? extends Callable<T>> tasks)
			throws InterruptedException {
		return executor.invokeAll(forAttempt(tasks));
	}

	/** {@code executor.invokeAll(tasks, timeout, unit)}. */
	public static <T> List<Future<T>> invokeAll(ExecutorService executor, Collection<? extends Callable<T>> tasks,
			long timeout, TimeUnit unit) throws InterruptedException {
		return executor.invokeAll(forAttempt(tasks), timeout, unit);
	}

	/** {@code executor.invokeAny(tasks)}. */
	public static <T> T invokeAny(ExecutorService executor, Collection<? extends Callable<T>> tasks)
			throws InterruptedException, ExecutionException {
		return executor.invokeAny(forAttempt(tasks));
	}

	/** {@code executor.invokeAny(tasks, timeout, unit)}. */
	public static <T> T invokeAny(ExecutorService executor, Collection<? extends Callable<T>> tasks, long timeout,
			TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		return executor.invokeAny(forAttempt(tasks), timeout, unit);
	}

	/** {@code executor.schedule(task, delay, unit)}: the delay is real time. */
	public static ScheduledFuture<?> schedule(ScheduledExecutorService executor, Runnable task, long delay, TimeUnit unit) {
		return executor.schedule(forAttempt(task), delay, unit);
	}

	/** {@code executor.schedule(task, delay, unit)}: the delay is real time. */
	public static <V> ScheduledFuture<V> schedule(ScheduledExecutorService executor, Callable<V> task, long delay,
			TimeUnit unit) {
		return executor.schedule(forAttempt(task), delay, unit);
	}

	/** {@code executor.scheduleAtFixedRate(task, initialDelay, period, unit)}: real time. */
	public static ScheduledFuture<?> scheduleAtFixedRate(ScheduledExecutorService executor, Runnable task,
			long initialDelay, long period, TimeUnit unit) {
		return executor.scheduleAtFixedRate(forAttempt(task), initialDelay, period, unit);
	}

	/** {@code executor.scheduleWithFixedDelay(task, initialDelay, delay, unit)}: real time. */
	public static ScheduledFuture<?> scheduleWithFixedDelay(ScheduledExecutorService executor, Runnable task,
			long initialDelay, long delay, TimeUnit unit) {
		return executor.scheduleWithFixedDelay(forAttempt(task), initialDelay, delay, unit);
	}
}
