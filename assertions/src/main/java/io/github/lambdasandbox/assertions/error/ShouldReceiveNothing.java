package io.github.lambdasandbox.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * A queue received what the test said it would not, or the sandbox could not tell:
 *
 * <pre>
 * Expecting queue "S3-success" to receive no invocation record,
 * but it received 1:
 *   {"version":"1.0",…}
 * </pre>
 *
 * @since 0.2
 */
public class ShouldReceiveNothing extends BasicErrorMessageFactory {

	/**
	 * @param what {@code invocation record}, {@code message}
	 * @param received the unexpected messages, one per line, already indented
	 */
	public static ErrorMessageFactory shouldReceiveNothing(String queue, String what, int count, String received,
			String evidence) {
		return shouldReceiveNothing("queue", queue, what, count, received, evidence);
	}

	/**
	 * The same for any resource that receives: {@code Expecting event bus "default" to receive no event, …}.
	 *
	 * @param kind {@code queue}, {@code topic}, {@code event bus}
	 * @since 0.3
	 */
	public static ErrorMessageFactory shouldReceiveNothing(String kind, String name, String what, int count,
			String received, String evidence) {
		return new ShouldReceiveNothing("%nExpecting %s %s to receive no %s,%nbut it received %s:%n%s%n%s",
				unquotedString(kind), name, unquotedString(what), count, unquotedString(received), unquotedString(evidence));
	}

	/** The clock is paused with work to come: what it would deliver is not known yet. */
	public static ErrorMessageFactory shouldReceiveNothingButClockIsPaused(String queue, String what, String pending,
			String evidence) {
		return shouldReceiveNothingButClockIsPaused("queue", queue, what, pending, evidence);
	}

	/** The same for any resource that receives. @since 0.3 */
	public static ErrorMessageFactory shouldReceiveNothingButClockIsPaused(String kind, String name, String what,
			String pending, String evidence) {
		return new ShouldReceiveNothing("%nExpecting %s %s to receive no %s,%nbut the clock is paused with work still to "
				+ "come (%s): what it would deliver is unknown. Call clock().advance(…) or clock().resume() first.%n%n%s",
				unquotedString(kind), name, unquotedString(what), unquotedString(pending), unquotedString(evidence));
	}

	/** The sandbox kept running in real time: it cannot be told that nothing will come. */
	public static ErrorMessageFactory shouldReceiveNothingButSandboxStillRuns(String queue, String what, String pending,
			String evidence) {
		return shouldReceiveNothingButSandboxStillRuns("queue", queue, what, pending, evidence);
	}

	/** The same for any resource that receives. @since 0.3 */
	public static ErrorMessageFactory shouldReceiveNothingButSandboxStillRuns(String kind, String name, String what,
			String pending, String evidence) {
		return new ShouldReceiveNothing("%nExpecting %s %s to receive no %s,%nbut the sandbox was still running after "
				+ "its real-time guard (%s): what it would deliver is unknown.%n%n%s", unquotedString(kind), name,
				unquotedString(what), unquotedString(pending), unquotedString(evidence));
	}

	private ShouldReceiveNothing(String format, Object... arguments) {
		super(format, arguments);
	}
}
