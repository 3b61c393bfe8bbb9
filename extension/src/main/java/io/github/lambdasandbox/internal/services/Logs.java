package io.github.lambdasandbox.internal.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** CloudWatch Logs: the log lines of each function ({@code /aws/lambda/<name>}), in order. */
public final class Logs {

	private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

	public void append(String function, String line) {
		List<String> log = lines.computeIfAbsent(function, f -> new ArrayList<>());
		synchronized (log) {
			log.add(line);
		}
	}

	public List<String> lines(String function) {
		List<String> log = lines.get(function);
		if (log == null) {
			return List.of();
		}
		synchronized (log) {
			return List.copyOf(log);
		}
	}
}
