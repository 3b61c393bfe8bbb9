package io.github.lambdasandbox.assertions;

import java.util.List;
import java.util.stream.Collectors;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import io.github.lambdasandbox.internal.json.Json;

/** What a failure message shows besides its verdict: every queue, the routing, the timeline. */
final class Evidence {

	private Evidence() {
	}

	/** The sandbox state around a queue, for a failure message about that queue. */
	static String around(SandboxEngine sandbox, String queueName) {
		List<String> senders = sandbox.functionsSendingTo(queueName);
		StringBuilder out = new StringBuilder();
		out.append("Queues at virtual time ").append(sandbox.elapsed()).append(":\n");
		for (SqsQueue queue : sandbox.queues()) {
			out.append("  \"").append(queue.name()).append("\": ").append(describe(queue.messages())).append('\n');
		}
		for (SnsTopic topic : sandbox.topics()) {
			out.append("  topic \"").append(topic.name()).append("\": ").append(topic.messages().size()).append(" published\n");
		}
		for (EventBus bus : sandbox.eventBuses()) {
			out.append("  event bus \"").append(bus.name()).append("\": ").append(bus.events().size()).append(" events\n");
		}
		String routing = sandbox.routing();
		if (!routing.isEmpty()) {
			out.append("Routing:\n").append(routing).append('\n');
		}
		// the requests of the functions that send to this queue; if none ran, every request: the event went elsewhere
		String timeline = senders.isEmpty() ? "" : sandbox.timeline(senders);
		out.append(timeline.startsWith("Timeline") ? timeline : sandbox.timeline());
		return out.toString().stripTrailing();
	}

	/** "0 messages", "2 messages (records: Success, RetriesExhausted)". */
	static String describe(List<SqsMessage> messages) {
		if (messages.isEmpty()) {
			return "0 messages";
		}
		String kinds = messages.stream().map(Evidence::kind).collect(Collectors.joining(", "));
		return messages.size() + (messages.size() == 1 ? " message" : " messages") + " (" + kinds + ")";
	}

	private static String kind(SqsMessage message) {
		String condition = Records.condition(message.body());
		if (condition != null) {
			return "record " + condition;
		}
		if (message.attribute("RequestID") != null) {
			return "dead letter of " + message.attribute("RequestID");
		}
		return Json.isJson(message.body()) ? "JSON message" : "text message";
	}
}
