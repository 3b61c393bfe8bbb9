package io.github.lambdasandbox.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * A queue still holds messages: visible, in flight or delayed.
 *
 * @since 0.2
 */
public class ShouldBeDrained extends BasicErrorMessageFactory {

	/**
	 * @param why why it was checked then: "the sandbox settled", "after 5s of virtual time"
	 * @param holds what it holds, counted by state
	 * @param history what happened to each message left
	 */
	public static ErrorMessageFactory shouldBeDrained(String queue, String why, String holds, String history,
			String evidence) {
		return new ShouldBeDrained("%nExpecting queue %s to be drained (nothing visible, in flight or delayed) when %s,%n"
				+ "but it holds %s.%n%n%s%n%s", queue, unquotedString(why), unquotedString(holds), unquotedString(history),
				unquotedString(evidence));
	}

	private ShouldBeDrained(String format, Object... arguments) {
		super(format, arguments);
	}
}
