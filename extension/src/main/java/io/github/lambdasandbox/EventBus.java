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

	/**
	 * Puts an event on the bus, as a PutEvents entry: the bus keeps it and sends it to the targets of the
	 * {@link EventRule @EventRule}s it matches. {@code time} is the current virtual instant, {@code resources} is empty.
	 *
	 * @param detail a JSON object
	 * @return the event id
	 * @throws IllegalArgumentException with EventBridge's message if PutEvents would refuse the entry (no source, no
	 * detail type, a detail that is not a JSON object, over 1 MB)
	 * @since 0.3
	 */
	String putEvent(String source, String detailType, String detail);
}
