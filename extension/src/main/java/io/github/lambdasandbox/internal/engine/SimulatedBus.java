package io.github.lambdasandbox.internal.engine;

import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.json.Arns;

/** An EventBridge bus of the sandbox: it keeps the events put on it. */
final class SimulatedBus implements EventBus {

	/** EventBridge's maximum PutEvents request size since 2026-01-29: 1 MiB. */
	static final int MAX_ENTRY_BYTES = 1_048_576;

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final List<String> events = new ArrayList<>();

	SimulatedBus(SandboxEngine engine, String name) {
		this.engine = engine;
		this.name = name;
		this.resource = "events:" + name;
	}

	@Override
	public Sandbox sandbox() {
		return engine;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String arn() {
		return Arns.eventBus(name);
	}

	@Override
	public List<String> events() {
		return engine.executive.read(() -> List.copyOf(events));
	}

	/** Puts an event and journals it. Engine only. */
	void put(String eventId, String event, String requestId, String function) {
		events.add(event);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.EventPut(journal.next(), engine.executive.instant(), requestId, function, resource,
				eventId, event));
	}

	@Override
	public String toString() {
		return "EventBus[" + name + "]";
	}
}
