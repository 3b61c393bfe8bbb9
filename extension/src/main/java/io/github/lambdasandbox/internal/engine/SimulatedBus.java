package io.github.lambdasandbox.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.config.RuleConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.EventBridgeRuleEvents;
import io.github.lambdasandbox.internal.json.Json;

/**
 * An EventBridge bus of the sandbox: it keeps the events put on it and sends each to the targets of the rules
 * whose pattern it matches, as EventBridge does, at the instant it was put (after what is already due then).
 */
final class SimulatedBus implements EventBus {

	/** EventBridge's maximum PutEvents request size since 2026-01-29: 1 MiB. */
	static final int MAX_ENTRY_BYTES = 1_048_576;

	/** What PutEvents answers for an entry it refuses: an error code and message. */
	record EntryError(String code, String message) {
	}

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final List<String> events = new ArrayList<>();

	private final List<RuleConfig> rules = new ArrayList<>();

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

	@Override
	public String putEvent(String source, String detailType, String detail) {
		EntryError error = entryError(source, detailType, detail);
		if (error == null && entrySize(null, source, detailType, detail, List.of()) > MAX_ENTRY_BYTES) {
			error = new EntryError("ValidationException", "Total size of the entries in the request is over the limit.");
		}
		if (error != null) {
			throw new IllegalArgumentException("EventBridge refuses the event: \"" + error.message() + "\" (" + error.code()
					+ ").");
		}
		Caller caller = Caller.of(engine);
		return engine.executive.command(() -> put(null, source, detailType, detail, List.of(), caller.requestId(),
				caller.function()));
	}

	/**
	 * PutEvents' error for an entry, or null: {@code Source}, {@code DetailType} and {@code Detail} are required, and
	 * {@code Detail} must be a JSON object (AWS's texts, as recorded from PutEvents).
	 */
	static EntryError entryError(String source, String detailType, String detail) {
		if (source == null || source.isEmpty()) {
			return new EntryError("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
		}
		if (detailType == null || detailType.isEmpty()) {
			return new EntryError("InvalidArgument",
					"Parameter DetailType is not valid. Reason: DetailType is a required argument.");
		}
		if (detail == null || detail.isEmpty()) {
			return new EntryError("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
		}
		if (!Json.isJson(detail) || !Json.parse(detail).isObject()) {
			return new EntryError("MalformedDetail", "Detail is malformed.");
		}
		return null;
	}

	/**
	 * What EventBridge counts of a PutEvents entry: {@code Time} (14 bytes, if given), then the UTF-8 bytes of
	 * {@code Source}, {@code DetailType}, {@code Detail} and each of {@code Resources}.
	 */
	static int entrySize(Instant time, String source, String detailType, String detail, List<String> resources) {
		int size = (time == null ? 0 : 14) + Bytes.utf8Length(source) + Bytes.utf8Length(detailType)
				+ Bytes.utf8Length(detail);
		for (String resource : resources) {
			size += Bytes.utf8Length(resource);
		}
		return size;
	}

	/**
	 * Puts an event given by its parts (as PutEvents takes them) and returns its id. Engine only.
	 *
	 * @param time the entry's {@code Time}, or null for now
	 */
	String put(Instant time, String source, String detailType, String detail, List<String> resources, String requestId,
			String function) {
		String eventId = engine.ids.uuid();
		put(eventId, EventBridgeRuleEvents.event(eventId, detailType, source, Sandbox.ACCOUNT_ID,
				time == null ? engine.executive.instant() : time, Sandbox.REGION, resources, detail), requestId, function);
		return eventId;
	}

	/** Puts an event, journals it, and sends it to the rules next, at the same instant. Engine only. */
	void put(String eventId, String event, String requestId, String function) {
		events.add(event);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.EventPut(journal.next(), engine.executive.instant(), requestId, function, resource,
				eventId, event));
		if (!rules.isEmpty()) {
			engine.executive.scheduleNow(EventQueue.Task.of("the rules of bus " + name + " for event " + eventId,
					() -> route(eventId, event, requestId, function)));
		}
	}

	/** Adds a rule. Engine only, while the sandbox is built. */
	void addRule(RuleConfig rule) {
		rules.add(rule);
	}

	/** The rules' names, in the order they were made. */
	List<String> ruleNames() {
		return rules.stream().map(RuleConfig::name).toList();
	}

	private void route(String eventId, String event, String requestId, String function) {
		JournalStore journal = engine.journal;
		boolean matched = false;
		for (RuleConfig rule : rules) {
			if (!rule.pattern().matches(event)) {
				continue;
			}
			matched = true;
			TargetRef target = rule.target();
			String problem = targetProblem(target, event);
			if (problem != null) {
				journal.append(new JournalEntry.NotDelivered(journal.next(), engine.executive.instant(), requestId, function,
						resource, rule.name(), target.toString(), eventId, problem));
				continue;
			}
			String deliveredId = switch (target.service()) {
				case SQS -> engine.queueImpl(target.name()).deliver(event, Map.of(), requestId, function);
				case SNS -> engine.topicImpl(target.name()).publish(event, null, Map.of(), requestId, function);
				case LAMBDA -> engine.asyncInvoker.accept(engine.runtime(target.name()), event,
						resource + " rule " + rule.name());
				default -> throw new IllegalStateException("No rule target " + target);
			};
			journal.append(new JournalEntry.RuleMatched(journal.next(), engine.executive.instant(), requestId, function,
					resource, rule.name(), eventId, target.toString(), deliveredId));
		}
		if (!matched) {
			journal.append(new JournalEntry.EventUnmatched(journal.next(), engine.executive.instant(), requestId, function,
					resource, eventId, ruleNames()));
		}
	}

	/** Why an event cannot go to a rule's target, or null: what each target takes. */
	private String targetProblem(TargetRef target, String event) {
		int size = Bytes.utf8Length(event);
		return switch (target.service()) {
			case SQS -> size > SimulatedQueue.MAX_MESSAGE_BYTES ? "the event (" + size + " bytes with EventBridge's "
					+ "envelope) is larger than SQS's 1 MiB message limit" : null;
			case SNS -> size > SimulatedTopic.MAX_MESSAGE_BYTES ? "the event (" + size + " bytes) is larger than SNS's "
					+ "256 KB message limit" : null;
			case LAMBDA -> size > engine.config().maxAsyncPayloadBytes() ? "the event (" + size + " bytes) is larger than "
					+ "the " + engine.config().maxAsyncPayloadBytes() + "-byte limit of asynchronous invocations" : null;
			default -> null;
		};
	}

	@Override
	public String toString() {
		return "EventBus[" + name + "]";
	}
}
