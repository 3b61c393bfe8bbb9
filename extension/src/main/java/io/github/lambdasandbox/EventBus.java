package io.github.lambdasandbox;

import java.util.List;

/**
 * An EventBridge event bus of the sandbox. It keeps the events put on it, so tests can read them.
 *
 * @since 0.1
 */
public interface EventBus {

	/** The sandbox this bus belongs to. */
	Sandbox sandbox();

	/** The bus name. */
	String name();

	/** {@code arn:aws:events:us-east-1:123456789012:event-bus/<name>}. */
	String arn();

	/**
	 * The events put on the bus so far, oldest first, as EventBridge delivers them to a rule's target:
	 * {@code {"version":"0","id":…,"detail-type":…,"source":…,"account":…,"time":…,"region":…,"resources":[…],"detail":{…}}}.
	 */
	List<String> events();
}
