package io.github.lambdasandbox.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * A record or a message has another value than expected:
 *
 * <pre>
 * Expecting the invocation record of request 4b2c… (from queue "S3-failure") to have condition
 *   "EventAgeExceeded"
 * but it was
 *   "RetriesExhausted"
 *
 * Record: …
 * </pre>
 *
 * @since 0.2
 */
public class ShouldHaveValue extends BasicErrorMessageFactory {

	/**
	 * @param subject {@code the invocation record of request … (from queue "q")}
	 * @param field {@code condition}, {@code attribute ErrorMessage}, …
	 * @param expected the expected value, as shown (quoted strings, JSON)
	 * @param actual the actual value, as shown
	 * @param evidence the record or message, and the timeline of its request
	 */
	public static ErrorMessageFactory shouldHaveValue(String subject, String field, String expected, String actual,
			String evidence) {
		return new ShouldHaveValue("%nExpecting %s to have %s%n  %s%nbut it was%n  %s%n%n%s", unquotedString(subject),
				unquotedString(field), unquotedString(expected), unquotedString(actual), unquotedString(evidence));
	}

	private ShouldHaveValue(String format, Object... arguments) {
		super(format, arguments);
	}
}
