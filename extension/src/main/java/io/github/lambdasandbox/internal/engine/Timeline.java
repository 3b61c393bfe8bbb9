package io.github.lambdasandbox.internal.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to each request, in virtual time: the story a failure message tells.
 */
public final class Timeline {

	private record Entry(Instant at, String text) {
	}

	private static final class Request {

		final String function;

		final Instant accepted;

		final List<Entry> entries = new ArrayList<>();

		Request(String function, Instant accepted) {
			this.function = function;
			this.accepted = accepted;
		}
	}

	private final Map<String, Request> requests = new LinkedHashMap<>();

	synchronized void begin(String requestId, String function, Instant at, String text) {
		requests.computeIfAbsent(requestId, id -> new Request(function, at)).entries.add(new Entry(at, text));
	}

	synchronized void add(String requestId, Instant at, String text) {
		Request request = requests.get(requestId);
		if (request != null) {
			request.entries.add(new Entry(at, text));
		}
	}

	/** Every request, oldest first. */
	public synchronized String render() {
		if (requests.isEmpty()) {
			return "No request so far.";
		}
		StringBuilder out = new StringBuilder();
		requests.forEach((id, request) -> render(out, id, request));
		return out.toString().stripTrailing();
	}

	/** The requests of the given functions, oldest first. */
	public synchronized String render(java.util.Collection<String> functions) {
		StringBuilder out = new StringBuilder();
		requests.forEach((id, request) -> {
			if (functions.contains(request.function)) {
				render(out, id, request);
			}
		});
		return out.length() == 0 ? "No request of " + String.join(", ", functions) + " so far." : out.toString().stripTrailing();
	}

	/** One request, or a note that there is none of that id. */
	public synchronized String renderRequest(String requestId) {
		Request request = requests.get(requestId);
		if (request == null) {
			return "No request " + requestId + " in this sandbox.";
		}
		StringBuilder out = new StringBuilder();
		render(out, requestId, request);
		return out.toString().stripTrailing();
	}

	public synchronized boolean isEmpty() {
		return requests.isEmpty();
	}

	private static void render(StringBuilder out, String id, Request request) {
		out.append("Timeline of request ").append(id).append("  (function ").append(request.function).append(")\n");
		for (Entry entry : request.entries) {
			String offset = offset(request.accepted, entry.at);
			out.append("  ").append(offset).append(" ".repeat(Math.max(1, 10 - offset.length()))).append(entry.text)
					.append('\n');
		}
	}

	/** {@code +0s}, {@code +60s}, {@code +1.5s}. */
	static String offset(Instant from, Instant to) {
		Duration d = Duration.between(from, to);
		BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
		return "+" + seconds.stripTrailingZeros().toPlainString() + "s";
	}
}
