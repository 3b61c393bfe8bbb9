package io.github.lambdasandbox.internal.services;

import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.internal.json.Arns;

/** An in-memory EventBridge bus that keeps the events put on it. */
public final class EventBusImpl implements EventBus {

	private final String name;

	private final List<String> events = new ArrayList<>();

	public EventBusImpl(String name) {
		this.name = name;
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
	public synchronized List<String> events() {
		return List.copyOf(events);
	}

	public synchronized void put(String event) {
		events.add(event);
	}

	@Override
	public String toString() {
		return "EventBus[" + name + "]";
	}
}
