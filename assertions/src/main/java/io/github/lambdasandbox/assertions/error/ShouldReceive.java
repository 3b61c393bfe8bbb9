package io.github.lambdasandbox.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * A queue did not receive what the test waited for:
 *
 * <pre>
 * Expecting queue "S3-failure" to receive an invocation record,
 * but it received none: the sandbox is idle and nothing more is scheduled.
 *
 * Queues at virtual time +0s: …
 * </pre>
 *
 * @since 0.2
 */
public class ShouldReceive extends BasicErrorMessageFactory {

	/**
	 * @param queue the queue's name
	 * @param what {@code an invocation record}, {@code a message}
	 * @param within {@code ""}, or {@code " within 30s of virtual time"}
	 * @param why what happened instead, after "but "
	 * @param evidence the state of the sandbox and the timeline
	 */
	public static ErrorMessageFactory shouldReceive(String queue, String what, String within, String why, String evidence) {
		return shouldReceive("queue", queue, what, within, why, evidence);
	}

	/**
	 * The same for any resource that receives: {@code Expecting topic "alerts" to receive a message, but …}.
	 *
	 * @param kind {@code queue}, {@code topic}, {@code event bus}
	 * @param name the resource's name
	 * @since 0.3
	 */
	public static ErrorMessageFactory shouldReceive(String kind, String name, String what, String within, String why,
			String evidence) {
		return new ShouldReceive("%nExpecting %s %s to receive %s%s,%nbut %s.%n%n%s", unquotedString(kind), name,
				unquotedString(what), unquotedString(within), unquotedString(why), unquotedString(evidence));
	}

	private ShouldReceive(String format, Object... arguments) {
		super(format, arguments);
	}
}
