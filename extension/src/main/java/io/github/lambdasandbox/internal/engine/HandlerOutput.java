package io.github.lambdasandbox.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What a handler prints to {@code System.out} or {@code System.err} goes to its function's log, line by line,
 * as the Lambda runtime sends a function's standard output to CloudWatch Logs. It also still reaches the
 * console. Only threads that work for an attempt are routed — a handler's thread while it runs handler code, and
 * a thread that handler code started while it runs the task ({@link AttemptContext}) — each to its own attempt:
 * the output of every other thread is left as it was, so tests running in parallel do not see each other's lines.
 */
final class HandlerOutput {

	private static final ThreadLocal<Consumer<String>> SINK = new ThreadLocal<>();

	private static final ThreadLocal<ByteArrayOutputStream> PENDING = ThreadLocal.withInitial(ByteArrayOutputStream::new);

	private HandlerOutput() {
	}

	/** Routes this thread's output to {@code sink} until {@link #release()}. */
	static void capture(Consumer<String> sink) {
		install();
		SINK.set(sink);
	}

	/** Ends the routing of this thread, passing on an unfinished last line. */
	static void release() {
		flushPending(SINK.get());
		SINK.set(null);
	}

	/**
	 * Routes this thread's output to {@code sink} (null: nowhere), passing on an unfinished last line to the sink
	 * it replaces, and returns that sink: for a task that works for an attempt on a thread that may already route
	 * its output elsewhere (or, a pooled thread, nowhere: then nothing of the task stays on the thread).
	 */
	static Consumer<String> swap(Consumer<String> sink) {
		Consumer<String> previous = SINK.get();
		if (previous == sink) {
			return previous;
		}
		if (previous != null) {
			flushPending(previous);
		}
		if (sink == null) {
			SINK.remove();
			PENDING.remove();
		}
		else {
			if (!(System.out instanceof Routing && System.err instanceof Routing)) {
				install();
			}
			SINK.set(sink);
		}
		return previous;
	}

	private static void flushPending(Consumer<String> sink) {
		ByteArrayOutputStream pending = PENDING.get();
		if (sink != null && pending.size() > 0) {
			sink.accept(pending.toString(StandardCharsets.UTF_8));
		}
		pending.reset();
	}

	/** Wraps the current streams, unless they are ours already (someone may have replaced them since). */
	private static synchronized void install() {
		if (!(System.out instanceof Routing)) {
			System.setOut(new Routing(System.out));
		}
		if (!(System.err instanceof Routing)) {
			System.setErr(new Routing(System.err));
		}
	}

	private static final class Routing extends PrintStream {

		Routing(PrintStream original) {
			super(new Splitter(original), true, StandardCharsets.UTF_8);
		}
	}

	/** Writes through to the original stream and, on a handler thread, collects lines for its log. */
	private static final class Splitter extends OutputStream {

		private final PrintStream original;

		Splitter(PrintStream original) {
			this.original = original;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			original.write(bytes, offset, length);
			Consumer<String> sink = SINK.get();
			if (sink == null) {
				return;
			}
			ByteArrayOutputStream pending = PENDING.get();
			for (int i = offset; i < offset + length; i++) {
				if (bytes[i] == '\n') {
					String line = pending.toString(StandardCharsets.UTF_8);
					pending.reset();
					sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
				}
				else {
					pending.write(bytes[i]);
				}
			}
		}

		@Override
		public void flush() {
			original.flush();
		}
	}
}
