package io.github.lambdasandbox.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.lambdasandbox.Sandbox;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The figures users care about, printed as a table: each one in absolute numbers and as a ratio against a
 * baseline measured in the same run.
 *
 * <h2>How to run</h2>
 * From the root of the project ({@code /work/main}):
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -pl benchmarks exec:exec
 * </pre>
 * It takes about 30 seconds. {@code -Dbenchmark.args=--quick} runs a few iterations of each (a smoke run,
 * figures not meaningful). {@code -Dbenchmark.args=--handler-code} measures instead what rewriting handler code costs
 * ({@link HandlerCodeCosts}). The figures are wall-clock times on the machine at hand: compare ratios, and
 * absolute numbers only within one machine. The system load average is printed with them: on a machine
 * busy with other work every figure grows, the p90s most.
 *
 * <h2>What is measured</h2>
 * <ol>
 * <li><b>The S3 failure lab</b> ({@link S3FailureLab}), per iteration after warm-up (2000 iterations or 10 s:
 * code that runs once per lab reaches the optimising compiler only after thousands of labs), including
 * {@code Sandbox.create} and {@code close}: a put into bucket {@code images} triggers {@code lambda-s3},
 * whose handler throws; the wait for the {@code RetriesExhausted} record (3 attempts over 3 virtual minutes)
 * goes through {@code LambdaSandboxAssertions.assertThat(queue).receivesRecord()}. Baselines: (a) the same
 * handler called directly 3 times in a loop (pure handler cost, timed in batches), (b) the 180 s the retries
 * take in AWS (the ratio is the speed-up). Goal: under 20 ms.</li>
 * <li><b>Per-test overhead of the extension</b>: {@link SandboxedTests} ({@value SandboxedTests#TESTS}
 * empty tests under {@code @LambdaSandbox} with one function and one bucket, each taking the
 * {@code Sandbox} parameter) against {@link PlainTests} (the same tests, no sandbox), both run through the
 * JUnit Platform Launcher, alternately, after warm-up; overhead per test =
 * (t<sub>sandbox</sub> − t<sub>plain</sub>) / {@value SandboxedTests#TESTS}, split into the time before the test
 * body (the sandbox built and injected) and after it (the sandbox closed) with a listener and a timestamp taken
 * in the body. For comparison: the same number of Sandbox.create + close outside JUnit. Goal: under 2 ms.</li>
 * <li><b>Heap per open sandbox</b>: used heap (after {@code System.gc()}, repeated until it is stable) before
 * and after opening 200 sandboxes of the lab's class, divided by 200; the same after each has run the lab
 * once (it then also holds a timeline, logs, a record and a warm execution environment). Baseline: the
 * used heap of the JVM at rest. Live threads are counted alongside, since each sandbox owns some.</li>
 * </ol>
 * Median and p90 (nearest rank) are over the measured iterations.
 */
public final class Benchmarks {

	/**
	 * How much to run: lab warm-up and measured iterations (each phase capped by {@code labBudget}), batches
	 * and calls per batch of the direct handler baseline, warm-up and measured runs of each test class, and
	 * sandboxes held open for the heap figure.
	 */
	public record Settings(int labWarmup, int labRuns, Duration labBudget, int directBatches, int directBatchSize,
			int junitWarmup, int junitRuns, int sandboxes, int events, int eventRuns, int[] growth, int mappingMessages) {

		/** The real run: about a minute. */
		public static final Settings FULL = new Settings(2000, 1000, Duration.ofSeconds(10), 50, 10_000, 5, 20, 200, 20_000, 5,
				new int[] { 1_000, 10_000, 100_000 }, 10_000);

		/** A smoke run: a few seconds, figures not meaningful. */
		public static final Settings QUICK = new Settings(3, 5, Duration.ofSeconds(5), 3, 100, 1, 1, 5, 200, 1,
				new int[] { 100, 1_000 }, 200);
	}

	private static final double AWS_LAB_SECONDS = 180;

	private static final double LAB_GOAL_MS = 20;

	private static final double PER_TEST_GOAL_MS = 2;

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	/** Keeps results of the direct calls alive. */
	private static volatile int sink;

	private Benchmarks() {
	}

	public static void main(String[] args) {
		boolean quick = Arrays.asList(args).contains("--quick");
		PrintStream out = System.out;
		if (Arrays.asList(args).contains("--handler-code")) {
			// first in its JVM: it measures the attachment of the agent too
			HandlerCodeCosts.run(quick, out);
			return;
		}
		out.println("lambda-sandbox benchmarks" + (quick ? " (--quick: smoke run, figures not meaningful)" : ""));
		out.println("Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + "), "
				+ Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch"));
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long started = System.nanoTime();
		run(quick ? Settings.QUICK : Settings.FULL, out);
		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		out.printf(Locale.ROOT, "%nTotal benchmark time: %.1f s. System load average (1 min): %.2f before, %.2f after, on %d CPUs."
				+ "%nThis benchmark with its JIT compiler threads keeps about 1.5 CPUs busy; a load well above that means other%n"
				+ "processes competed for the CPUs, which inflates every figure (the p90s most: they are made of thread%n"
				+ "start-ups and hand-offs between threads).%n",
				(System.nanoTime() - started) / 1e9, loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
	}

	/** Runs every benchmark and prints the tables. */
	public static void run(Settings settings, PrintStream out) {
		throughput(settings, out);
		mappings(settings, out);
		lab(settings, out);
		extension(settings, out);
		memory(settings, out);
	}

	// --- 0. throughput against the floor --------------------------------------------------------------------

	private static void throughput(Settings settings, PrintStream out) {
		int events = settings.events();
		int[] sink = new int[1];
		// warm-up: every path, several times, so that the measured runs see compiled code
		for (int i = 0; i < Math.max(1, settings.eventRuns()); i++) {
			Throughput.floor(events, sink);
			Throughput.floorOfFailures(events, sink);
			Throughput.throughSandbox(Throughput.Success.class, "ok", events);
			Throughput.throughSandbox(Throughput.Failure.class, "boom", events);
		}
		long floor = Long.MAX_VALUE;
		long floorOfFailures = Long.MAX_VALUE;
		long success = Long.MAX_VALUE;
		long failure = Long.MAX_VALUE;
		for (int i = 0; i < settings.eventRuns(); i++) {
			floor = Math.min(floor, Throughput.floor(events, sink));
			success = Math.min(success, Throughput.throughSandbox(Throughput.Success.class, "ok", events));
			floorOfFailures = Math.min(floorOfFailures, Throughput.floorOfFailures(events, sink));
			failure = Math.min(failure, Throughput.throughSandbox(Throughput.Failure.class, "boom", events));
		}
		out.println();
		out.println("0. Throughput: " + events + " asynchronous events accepted one after the other, then settle(); best of "
				+ settings.eventRuns() + " runs after warm-up.");
		out.println("   Floor: per event, what any simulator must do (read the payload with the runtime's Jackson serialiser,");
		out.println("   call the handler, write its answer and the invocation record); for failures, three attempts whose");
		out.println("   handler throws (each with its error payload), then the record.");
		Table table = new Table("figure", "per event", "events/s", "ratio to its floor");
		table.row("floor, success", perEvent(floor, events), perSecond(floor, events), "1.0×");
		table.row("sandbox, success → on-success SQS queue", perEvent(success, events), perSecond(success, events),
				times((double) success / floor));
		table.row("floor, failure (3 attempts)", perEvent(floorOfFailures, events), perSecond(floorOfFailures, events),
				"1.0×");
		table.row("sandbox, failure → 3 attempts over 3 min, on-failure SQS + DLQ", perEvent(failure, events),
				perSecond(failure, events), times((double) failure / floorOfFailures));
		for (int size : settings.growth()) {
			long best = Long.MAX_VALUE;
			for (int i = 0; i < Math.max(1, settings.eventRuns() / 2); i++) {
				best = Math.min(best, Throughput.throughSandbox(Throughput.Success.class, "ok", size));
			}
			table.row("growth: " + size + " events in flight, success", perEvent(best, size), perSecond(best, size),
					times((double) best / size / ((double) floor / events)));
		}
		table.print(out);
		int inFlight = settings.growth()[settings.growth().length - 1];
		long before = usedHeapAfterGc();
		Sandbox sandbox = Throughput.inFlight(inFlight);
		long held = usedHeapAfterGc();
		sandbox.settle();
		long after = usedHeapAfterGc();
		sandbox.close();
		out.printf(Locale.ROOT, "   Heap: %,.0f bytes per event in flight (%d accepted, not yet run); %,.0f bytes per event once "
				+ "run (journal entries and the record in the queue).%n", (double) (held - before) / inFlight, inFlight,
				(double) (after - before) / inFlight);
		if (sink[0] == 42) {
			out.println();
		}
	}

	private static String perEvent(long nanos, int events) {
		return String.format(Locale.ROOT, "%.2f µs", nanos / 1000.0 / events);
	}

	private static String perSecond(long nanos, int events) {
		return String.format(Locale.ROOT, "%,.0f", events / (nanos / 1e9));
	}

	// --- 0b. event source mappings --------------------------------------------------------------------------

	private static void mappings(Settings settings, PrintStream out) {
		int messages = settings.mappingMessages();
		int[] sink = new int[1];
		for (int i = 0; i < Math.max(1, settings.eventRuns()); i++) {
			Mappings.queueFloor(messages, sink);
			Mappings.drainQueue(messages);
			Mappings.drainStream(messages);
		}
		long floor = Long.MAX_VALUE;
		long queue = Long.MAX_VALUE;
		long stream = Long.MAX_VALUE;
		for (int i = 0; i < settings.eventRuns(); i++) {
			floor = Math.min(floor, Mappings.queueFloor(messages, sink));
			queue = Math.min(queue, Mappings.drainQueue(messages));
			stream = Math.min(stream, Mappings.drainStream(messages));
		}
		out.println();
		out.println("0b. Event source mappings: " + messages + " messages (records) written by the test at one instant, then");
		out.println("   settle() until the mapping has read them all; best of " + settings.eventRuns() + " runs after warm-up.");
		out.println("   Floor: per batch of 10, write the SQS event (MD5s, attributes), read it into SQSEvent with the runtime's");
		out.println("   serialiser, call the handler. Goal: a 10,000-message queue drains in under a second.");
		Table table = new Table("figure", "total", "per message", "ratio to the floor");
		table.row("floor, SQS batches of 10", String.format(Locale.ROOT, "%.0f ms", ms(floor)), perEvent(floor, messages),
				"1.0×");
		table.row("sandbox, SQS queue drained (batches of 10)", String.format(Locale.ROOT, "%.0f ms", ms(queue)),
				perEvent(queue, messages), times((double) queue / floor));
		table.row("sandbox, Kinesis stream read (batches of 100)", String.format(Locale.ROOT, "%.0f ms", ms(stream)),
				perEvent(stream, messages), times((double) stream / floor));
		table.print(out);
		if (sink[0] == 42) {
			out.println();
		}
	}

	// --- 1. the S3 failure lab ------------------------------------------------------------------------------

	private static void lab(Settings settings, PrintStream out) {
		// methods called once per lab reach the optimising compiler only after thousands of labs: warm up long
		long budgetEnd = System.nanoTime() + settings.labBudget().toNanos();
		int warmups = 0;
		while (warmups < settings.labWarmup() && System.nanoTime() < budgetEnd) {
			S3FailureLab.run();
			warmups++;
		}
		budgetEnd = System.nanoTime() + settings.labBudget().toNanos();
		int max = settings.labRuns();
		double[] total = new double[max];
		double[] create = new double[max];
		double[] exercise = new double[max];
		double[] close = new double[max];
		int n = 0;
		while (n < max && (n < 5 || System.nanoTime() < budgetEnd)) {
			long t0 = System.nanoTime();
			Sandbox sandbox = Sandbox.create(S3FailureLab.class);
			long t1 = System.nanoTime();
			try {
				S3FailureLab.exercise(sandbox);
			}
			finally {
				long t2 = System.nanoTime();
				sandbox.close();
				long t3 = System.nanoTime();
				create[n] = ms(t1 - t0);
				exercise[n] = ms(t2 - t1);
				close[n] = ms(t3 - t2);
				total[n] = ms(t3 - t0);
			}
			n++;
		}
		Stats lab = Stats.of(total, n);
		Stats labCreate = Stats.of(create, n);
		Stats labExercise = Stats.of(exercise, n);
		Stats labClose = Stats.of(close, n);

		// baseline (a): the handler called directly, 3 times, as the 3 attempts; timed in batches
		Boom handler = new Boom();
		Map<String, Object> event = new HashMap<>();
		for (int i = 0; i < settings.directBatches() * settings.directBatchSize() / 4; i++) {
			sink += threeDirectCalls(handler, event);
		}
		double[] direct = new double[settings.directBatches()];
		for (int b = 0; b < direct.length; b++) {
			long t0 = System.nanoTime();
			for (int i = 0; i < settings.directBatchSize(); i++) {
				sink += threeDirectCalls(handler, event);
			}
			direct[b] = ms(System.nanoTime() - t0) / settings.directBatchSize();
		}
		Stats directCalls = Stats.of(direct, direct.length);
		double aws = AWS_LAB_SECONDS * 1000;

		out.println();
		out.println("1. S3 failure lab: create sandbox, putObject, wait for the RetriesExhausted record (3 attempts over 3");
		out.println("   virtual minutes), check it, close. " + n + " iterations after " + warmups + " warm-up iterations.");
		Table table = new Table("figure", "median", "p90", "ratio (median)");
		table.row("lab, per iteration (create + run + close)", fmtMs(lab.median()), fmtMs(lab.p90()), "");
		table.row("  of which Sandbox.create", fmtMs(labCreate.median()), fmtMs(labCreate.p90()),
				pct(labCreate.median() / lab.median()));
		table.row("  of which put + wait + assert", fmtMs(labExercise.median()), fmtMs(labExercise.p90()),
				pct(labExercise.median() / lab.median()));
		table.row("  of which close", fmtMs(labClose.median()), fmtMs(labClose.p90()),
				pct(labClose.median() / lab.median()));
		table.row("baseline (a): handler called directly 3 times", fmtMs(directCalls.median()), fmtMs(directCalls.p90()),
				"lab is " + times(lab.median() / directCalls.median()) + " slower");
		table.row("baseline (b): the same 3 attempts in AWS", fmtMs(aws), "", "lab is " + times(aws / lab.median())
				+ " faster");
		table.print(out);
		out.println("   Goal: the lab under " + fmtMs(LAB_GOAL_MS) + " after warm-up: "
				+ (lab.median() < LAB_GOAL_MS ? "met" : "NOT met") + " (median " + fmtMs(lab.median()) + ", p90 "
				+ fmtMs(lab.p90()) + ").");
	}

	private static int threeDirectCalls(Boom handler, Map<String, Object> event) {
		int seen = 0;
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				handler.handleRequest(event, null);
			}
			catch (RuntimeException e) {
				seen += e.getMessage().length();
			}
		}
		return seen;
	}

	// --- 2. per-test overhead of the extension --------------------------------------------------------------

	private static void extension(Settings settings, PrintStream out) {
		Launcher launcher = LauncherFactory.create();
		for (int i = 0; i < settings.junitWarmup(); i++) {
			runTests(launcher, PlainTests.class);
			runTests(launcher, SandboxedTests.class);
		}
		int runs = settings.junitRuns();
		int tests = SandboxedTests.TESTS;
		double[] plain = new double[runs];
		double[] sandboxed = new double[runs];
		double[] overheadRuns = new double[runs];
		double[] beforeBody = new double[runs];
		double[] afterBody = new double[runs];
		for (int i = 0; i < runs; i++) {
			TestRun p = runTests(launcher, PlainTests.class);
			TestRun s = runTests(launcher, SandboxedTests.class);
			plain[i] = p.total();
			sandboxed[i] = s.total();
			// paired with the plain run just before it
			overheadRuns[i] = (s.total() - p.total()) / tests;
			beforeBody[i] = (s.beforeBody() - p.beforeBody()) / tests;
			afterBody[i] = (s.afterBody() - p.afterBody()) / tests;
		}
		Stats pl = Stats.of(plain, runs);
		Stats sb = Stats.of(sandboxed, runs);
		double overhead = (sb.median() - pl.median()) / tests;
		double plainPerTest = pl.median() / tests;
		Stats paired = Stats.of(overheadRuns, runs);
		Stats before = Stats.of(beforeBody, runs);
		Stats after = Stats.of(afterBody, runs);

		// what the sandboxes of such a run cost through the public API, outside JUnit: batches of as many
		// Sandbox.create + close as there are tests, timed like the test runs (so a mean per sandbox)
		double[] createClose = new double[runs];
		for (int i = -settings.junitWarmup(); i < runs; i++) {
			long t0 = System.nanoTime();
			for (int k = 0; k < tests; k++) {
				Sandbox.create(SandboxedTests.class).close();
			}
			if (i >= 0) {
				createClose[i] = ms(System.nanoTime() - t0) / tests;
			}
		}
		Stats cc = Stats.of(createClose, runs);

		out.println();
		out.println("2. Per-test overhead of the extension: " + tests + " empty tests (@RepeatedTest) run through the JUnit");
		out.println("   Platform Launcher, with @LambdaSandbox + 1 @LambdaFunction + 1 @Bucket (Sandbox parameter) and");
		out.println("   without; " + runs + " runs of each, alternately, after " + settings.junitWarmup()
				+ " warm-up runs of each. The split comes from a listener's");
		out.println("   start/finish times and a timestamp taken in the test body; medians of per-pair differences.");
		out.println("   All per-test figures are means over the " + tests + " tests of a run (median and p90 over runs).");
		Table table = new Table("figure", "median", "p90", "ratio (median)");
		table.row("baseline: plain class, " + tests + " tests", fmtMs(pl.median()), fmtMs(pl.p90()), "");
		table.row("sandboxed class, " + tests + " tests", fmtMs(sb.median()), fmtMs(sb.p90()),
				times(sb.median() / pl.median()) + " the plain class");
		table.row("plain, per test", fmtMs(plainPerTest), fmtMs(pl.p90() / tests), "");
		table.row("overhead per test = (t_sandbox - t_plain) / " + tests, fmtMs(overhead),
				fmtMs((sb.p90() - pl.p90()) / tests), times(overhead / plainPerTest) + " a plain test");
		table.row("  same, paired run by run", fmtMs(paired.median()), fmtMs(paired.p90()), "");
		table.row("  of which before the body (build, inject)", fmtMs(before.median()), fmtMs(before.p90()),
				pct(before.median() / paired.median()));
		table.row("  of which after the body (close)", fmtMs(after.median()), fmtMs(after.p90()),
				pct(after.median() / paired.median()));
		table.row("for comparison: Sandbox.create + close, no JUnit", fmtMs(cc.median()), fmtMs(cc.p90()),
				pct(cc.median() / overhead) + " of the overhead");
		table.print(out);
		out.println("   Goal: under " + fmtMs(PER_TEST_GOAL_MS) + " per test: " + (overhead < PER_TEST_GOAL_MS ? "met" : "NOT met")
				+ " (" + fmtMs(overhead) + ").");
	}

	/** One run of a test class: wall time, and the time spent before and after the test bodies, summed (ms). */
	private record TestRun(double total, double beforeBody, double afterBody) {
	}

	/** Runs a test class through the Launcher. */
	private static TestRun runTests(Launcher launcher, Class<?> testClass) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
		SummaryGeneratingListener summaryListener = new SummaryGeneratingListener();
		long[] sums = new long[2];
		long[] startedAt = new long[1];
		TestExecutionListener split = new TestExecutionListener() {

			@Override
			public void executionStarted(TestIdentifier test) {
				if (test.isTest()) {
					startedAt[0] = System.nanoTime();
				}
			}

			@Override
			public void executionFinished(TestIdentifier test, TestExecutionResult result) {
				if (test.isTest()) {
					long body = SandboxedTests.bodyAt;
					sums[0] += body - startedAt[0];
					sums[1] += System.nanoTime() - body;
				}
			}
		};
		long t0 = System.nanoTime();
		launcher.execute(request, summaryListener, split);
		double elapsed = ms(System.nanoTime() - t0);
		TestExecutionSummary summary = summaryListener.getSummary();
		if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != SandboxedTests.TESTS) {
			StringBuilder why = new StringBuilder();
			summary.getFailures().forEach(f -> why.append('\n').append(f.getTestIdentifier().getDisplayName()).append(": ")
					.append(f.getException()));
			throw new IllegalStateException(testClass.getSimpleName() + ": " + summary.getTestsSucceededCount() + " of "
					+ SandboxedTests.TESTS + " tests succeeded, " + summary.getTotalFailureCount() + " failed" + why);
		}
		return new TestRun(elapsed, ms(sums[0]), ms(sums[1]));
	}

	// --- 3. heap per open sandbox ---------------------------------------------------------------------------

	private static void memory(Settings settings, PrintStream out) {
		int count = settings.sandboxes();
		long rest = usedHeapAfterGc();
		int restThreads = liveThreads();

		List<Sandbox> sandboxes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			sandboxes.add(Sandbox.create(S3FailureLab.class));
		}
		long fresh = usedHeapAfterGc();
		int freshThreads = liveThreads();

		for (Sandbox sandbox : sandboxes) {
			S3FailureLab.exercise(sandbox);
		}
		long used = usedHeapAfterGc();
		int usedThreads = liveThreads();

		sandboxes.forEach(Sandbox::close);
		sandboxes.clear();
		long closed = usedHeapAfterGc();
		int closedThreads = liveThreads();

		double perFresh = (double) (fresh - rest) / count;
		double perUsed = (double) (used - rest) / count;
		out.println();
		out.println("3. Heap per open sandbox: used heap after System.gc() before and after opening " + count
				+ " sandboxes of the lab's");
		out.println("   class, divided by " + count + "; then after each ran the lab once; then after closing them all.");
		Table table = new Table("figure", "heap", "live threads", "ratio to the JVM at rest");
		table.row("baseline: the JVM at rest", kb(rest), String.valueOf(restThreads), "");
		table.row("per open sandbox, fresh", kb(perFresh), perSandbox(freshThreads - restThreads, count),
				count + " of them: +" + pct(perFresh * count / rest));
		table.row("per open sandbox, after one lab run", kb(perUsed), perSandbox(usedThreads - restThreads, count),
				count + " of them: +" + pct(perUsed * count / rest));
		table.row("left after closing all " + count + " (in all)", kb(closed - rest), String.valueOf(closedThreads - restThreads),
				"+" + pct((double) (closed - rest) / rest));
		table.print(out);
		out.println("   (MemoryMXBean heap used after System.gc() repeated until stable; approximate, within some KB.)");
	}

	private static int liveThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static String perSandbox(int threads, int count) {
		return String.format(Locale.ROOT, "%.2f each", (double) threads / count);
	}

	/** Used heap after full collections, repeated until two readings agree within 64 KB (at most 10). */
	private static long usedHeapAfterGc() {
		long previous = Long.MAX_VALUE;
		for (int i = 0; i < 10; i++) {
			System.gc();
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			long used = MEMORY.getHeapMemoryUsage().getUsed();
			if (Math.abs(previous - used) < 64 * 1024) {
				return Math.min(previous, used);
			}
			previous = used;
		}
		return previous;
	}

	// --- statistics and printing ----------------------------------------------------------------------------

	/** Median and p90 (nearest rank) of the first {@code n} samples. */
	record Stats(double median, double p90) {

		static Stats of(double[] samples, int n) {
			if (n == 0) {
				throw new IllegalArgumentException("no samples");
			}
			double[] sorted = Arrays.copyOf(samples, n);
			Arrays.sort(sorted);
			double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
			double p90 = sorted[(int) Math.ceil(0.9 * n) - 1];
			return new Stats(median, p90);
		}
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

	static String fmtMs(double ms) {
		if (ms >= 10_000) {
			return String.format(Locale.ROOT, "%,.0f s", ms / 1000);
		}
		if (ms >= 100) {
			return String.format(Locale.ROOT, "%.0f ms", ms);
		}
		if (ms >= 1) {
			return String.format(Locale.ROOT, "%.2f ms", ms);
		}
		if (ms >= 0.01 || ms <= -0.01) {
			return String.format(Locale.ROOT, "%.3f ms", ms);
		}
		return String.format(Locale.ROOT, "%.2f µs", ms * 1000);
	}

	private static String times(double ratio) {
		return ratio >= 100 ? String.format(Locale.ROOT, "%,.0f×", ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
	}

	private static String pct(double fraction) {
		return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
	}

	private static String kb(double bytes) {
		return String.format(Locale.ROOT, "%,.1f KB", bytes / 1024);
	}

	/** A plain-text table with columns as wide as their widest cell. */
	static final class Table {

		private final List<String[]> rows = new ArrayList<>();

		Table(String... header) {
			rows.add(header);
		}

		void row(String... cells) {
			rows.add(cells);
		}

		void print(PrintStream out) {
			int columns = rows.get(0).length;
			int[] width = new int[columns];
			for (String[] row : rows) {
				for (int c = 0; c < columns; c++) {
					width[c] = Math.max(width[c], row[c].length());
				}
			}
			for (int r = 0; r < rows.size(); r++) {
				StringBuilder line = new StringBuilder("   |");
				for (int c = 0; c < columns; c++) {
					String cell = rows.get(r)[c];
					String pad = " ".repeat(width[c] - cell.length());
					// numbers right-aligned, text left-aligned
					line.append(' ').append(c == 0 || r == 0 ? cell + pad : pad + cell).append(" |");
				}
				out.println(line);
				if (r == 0) {
					StringBuilder rule = new StringBuilder("   |");
					for (int c = 0; c < columns; c++) {
						rule.append(c == 0 ? ' ' : ' ').append("-".repeat(width[c])).append(c == 0 ? " |" : ":|");
					}
					out.println(rule);
				}
			}
		}
	}
}
