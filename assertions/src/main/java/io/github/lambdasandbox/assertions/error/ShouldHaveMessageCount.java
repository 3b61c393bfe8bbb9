package io.github.lambdasandbox.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * A queue holds another number of messages than expected.
 *
 * @since 0.2
 */
public class ShouldHaveMessageCount extends BasicErrorMessageFactory {

	/** @param holds what it holds, e.g. {@code 2 messages (records: 1 Success, 1 RetriesExhausted)} */
	public static ErrorMessageFactory shouldHaveMessageCount(String queue, int expected, String holds, String evidence) {
		return new ShouldHaveMessageCount("%nExpecting queue %s to hold %s message(s),%nbut it holds %s.%n%n%s", queue,
				expected, unquotedString(holds), unquotedString(evidence));
	}

	private ShouldHaveMessageCount(String format, Object... arguments) {
		super(format, arguments);
	}
}
