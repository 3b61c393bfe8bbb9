package io.github.lambdasandbox.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * A function's log has no line as expected, or one that it should not have:
 *
 * <pre>
 * Expecting function "orders" to have a log line containing
 *   "order 7 saved"
 * but none of its 4 lines does:
 *   START RequestId: 4b2c… Version: $LATEST
 *   …
 * </pre>
 *
 * @since 0.3
 */
public class ShouldHaveLogLine extends BasicErrorMessageFactory {

	/**
	 * @param function {@code function "orders"}, {@code function "orders:prod"}
	 * @param how {@code containing}, {@code matching}
	 * @param expected the text or regular expression, as shown
	 * @param lineCount how many lines the log has
	 * @param lines the log's lines (the last ones, if many), one per line, indented
	 * @param evidence the function's state and the timeline
	 */
	public static ErrorMessageFactory shouldHaveLogLine(String function, String how, String expected, int lineCount,
			String lines, String evidence) {
		return new ShouldHaveLogLine("%nExpecting %s to have a log line %s%n  %s%nbut none of its %s lines does:%n%s%n%s",
				unquotedString(function), unquotedString(how), unquotedString(expected), lineCount, unquotedString(lines),
				unquotedString(evidence));
	}

	/** @param found the lines that contain it, indented */
	public static ErrorMessageFactory shouldHaveNoLogLine(String function, String how, String expected, String found,
			String evidence) {
		return new ShouldHaveLogLine("%nExpecting %s to have no log line %s%n  %s%nbut it has:%n%s%n%s", unquotedString(function),
				unquotedString(how), unquotedString(expected), unquotedString(found), unquotedString(evidence));
	}

	private ShouldHaveLogLine(String format, Object... arguments) {
		super(format, arguments);
	}
}
