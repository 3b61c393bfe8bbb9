package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.error.ShouldHaveLogLine.shouldHaveLogLine;
import static io.github.lambdasandbox.assertions.error.ShouldHaveLogLine.shouldHaveNoLogLine;
import static io.github.lambdasandbox.assertions.error.ShouldHaveValue.shouldHaveValue;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.JournalEntry;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AssertionErrorCollector;

/**
 * Assertions on a function of the sandbox, or on one of its versions or aliases ({@code function("orders:prod")}):
 * its CloudWatch metrics, its log, and how its latest invocation ended. They read the sandbox as it is now (everything
 * due at the current instant having happened); they do not move the clock. A failure shows the expected and the actual
 * value, the function's metrics and routing, what is still to come, and the timelines of its requests; the handler's
 * last error is attached as the cause.
 *
 * <pre>{@code
 * sandbox.invokeAsync("orders", "{}");
 * sandbox.settle();
 * assertThat(function("orders"))
 *     .wasInvoked(3)
 *     .hasMetric("Errors", 3)
 *     .failedWith("java.lang.IllegalStateException", "order 7 is not known")
 *     .hasLogLineContaining("order 7");
 * }</pre>
 *
 * @since 0.3
 */
public class FunctionAssert extends AbstractAssert<FunctionAssert, FunctionHandle> {

	private final AssertionErrorCollector softly;

	public FunctionAssert(FunctionHandle actual) {
		this(actual, null);
	}

	FunctionAssert(FunctionHandle actual, AssertionErrorCollector softly) {
		super(actual, FunctionAssert.class);
		this.softly = softly;
	}

	/**
	 * The sum of a CloudWatch metric ({@link FunctionHandle#metric(String)}): {@code Invocations}, {@code Errors},
	 * {@code Throttles}, {@code DeadLetterErrors}, {@code DestinationDeliveryFailures}, {@code AsyncEventsReceived},
	 * {@code AsyncEventsDropped}, {@code AsyncEventAge} (milliseconds).
	 *
	 * @throws IllegalArgumentException for a metric Lambda does not emit here, listing those it does
	 */
	public FunctionAssert hasMetric(String metricName, long expected) {
		isNotNull();
		long value = actual.metric(metricName);
		if (value != expected) {
			fail(subject(), "metric " + metricName, Long.toString(expected), Long.toString(value), expected, value);
		}
		return myself;
	}

	/**
	 * How often the handler ran, as CloudWatch counts {@code Invocations}: every attempt, retries included, throttled
	 * requests not.
	 */
	public FunctionAssert wasInvoked(int times) {
		isNotNull();
		long value = actual.metric("Invocations");
		if (value != times) {
			fail(subject(), "Invocations (attempts, retries included)", Integer.toString(times), Long.toString(value), (long) times,
					value);
		}
		return myself;
	}

	/** The handler never ran ({@code Invocations} is 0). */
	public FunctionAssert wasNotInvoked() {
		return wasInvoked(0);
	}

	/** The latest attempt of the function (of this version or alias) returned. */
	public FunctionAssert succeeded() {
		isNotNull();
		JournalEntry.AttemptEnded latest = latestAttempt();
		if (latest == null || !latest.succeeded()) {
			fail("the latest invocation of " + subject(), "outcome", "success", outcome(latest), "success", outcome(latest));
		}
		return myself;
	}

	/**
	 * The latest attempt failed with this error: its {@code errorType} ({@code java.lang.IllegalStateException},
	 * {@code Sandbox.Timedout}, {@code Runtime.ExitError}) and {@code errorMessage}, as the error payload has them.
	 */
	public FunctionAssert failedWith(String errorType, String errorMessage) {
		isNotNull();
		JournalEntry.AttemptEnded latest = latestAttempt();
		String expected = errorType + ": " + errorMessage;
		if (latest == null || latest.succeeded() || !Objects.equals(errorType, latest.errorType())
				|| !Objects.equals(errorMessage, latest.errorMessage())) {
			fail("the latest invocation of " + subject(), "error", expected, outcome(latest), expected, outcome(latest));
		}
		return myself;
	}

	/** {@link #failedWith(String, String)} with the exception's class. */
	public FunctionAssert failedWith(Class<? extends Throwable> errorType, String errorMessage) {
		return failedWith(errorType.getName(), errorMessage);
	}

	/** A line of the function's log ({@link FunctionHandle#logs()}) contains {@code text}. */
	public FunctionAssert hasLogLineContaining(String text) {
		return hasLogLine("containing", "\"" + text + "\"", line -> line.contains(text));
	}

	/** A line of the function's log matches the regular expression {@code regex} as a whole. */
	public FunctionAssert hasLogLineMatching(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return hasLogLine("matching", pattern.pattern(), line -> pattern.matcher(line).matches());
	}

	/** No line of the function's log contains {@code text}. */
	public FunctionAssert hasNoLogLineContaining(String text) {
		isNotNull();
		List<String> found = actual.logs().stream().filter(line -> line.contains(text)).toList();
		if (!found.isEmpty()) {
			report(assertionError(shouldHaveNoLogLine(subject(), "containing", "\"" + text + "\"", Evidence.logLines(found),
					Evidence.aroundFunction(actual))));
		}
		return myself;
	}

	private FunctionAssert hasLogLine(String how, String shown, Predicate<String> matches) {
		isNotNull();
		List<String> logs = actual.logs();
		if (logs.stream().noneMatch(matches)) {
			report(assertionError(shouldHaveLogLine(subject(), how, shown, logs.size(), Evidence.logLines(logs),
					Evidence.aroundFunction(actual))));
		}
		return myself;
	}

	/** The latest attempt that ended, of the function or of the requests made through this version or alias. */
	private JournalEntry.AttemptEnded latestAttempt() {
		JournalEntry.AttemptEnded latest = null;
		for (JournalEntry entry : Evidence.entriesOf(actual)) {
			if (entry instanceof JournalEntry.AttemptEnded ended) {
				latest = ended;
			}
		}
		return latest;
	}

	/** {@code success}, {@code java.lang.RuntimeException: boom!}, {@code no invocation yet}. */
	private static String outcome(JournalEntry.AttemptEnded ended) {
		if (ended == null) {
			return "no invocation yet";
		}
		return ended.succeeded() ? "success" : ended.errorType() + ": " + ended.errorMessage();
	}

	/** {@code function "orders"}. */
	private String subject() {
		return "function \"" + Evidence.invokedAs(actual) + "\"";
	}

	private void fail(String subject, String field, String expectedShown, String actualShown, Object expected,
			Object actualValue) {
		String message = shouldHaveValue(subject, field, expectedShown, actualShown, Evidence.aroundFunction(actual)).create();
		report(failureWithActualExpected(actualValue, expected, "%s", message));
	}

	/** Throws the failure, or collects it in a soft-assertions block; the cause is the handler's last error. */
	private void report(AssertionError error) {
		actual.lastError().ifPresent(cause -> {
			if (error.getCause() == null) {
				error.initCause(cause);
			}
		});
		if (softly != null) {
			softly.collectAssertionError(error);
			return;
		}
		throw error;
	}
}
