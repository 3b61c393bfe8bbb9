package io.github.lambdasandbox.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/**
 * EventBridge of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant, with
 * EventBridge's codes and messages. Engine only.
 */
final class EventBridgeApi implements AwsServices.EventBridge {

	/** PutEvents takes 1 to 10 entries. */
	private static final int MAX_ENTRIES = 10;

	private final SandboxEngine engine;

	EventBridgeApi(SandboxEngine engine) {
		this.engine = engine;
	}

	/**
	 * PutEvents. The request fails as a whole for more than 10 entries, or entries over 1 MiB together
	 * ({@code ValidationException}); otherwise each entry succeeds (an event id) or fails on its own
	 * ({@code InvalidArgument}, {@code MalformedDetail}). An entry for a bus that does not exist succeeds, as in AWS:
	 * EventBridge drops the event without saying so; the journal notes it ({@link JournalEntry.PutToMissingBus}).
	 */
	@Override
	public AwsServices.PutEventsResult putEvents(List<AwsServices.PutEventsEntry> entries) {
		if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
			throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '"
					+ entries.stream().map(EventBridgeApi::describe).collect(Collectors.joining(", ", "[", "]"))
					+ "' at 'entries' failed to satisfy constraint: Member must have length " + (entries.isEmpty()
							? "greater than or equal to 1" : "less than or equal to " + MAX_ENTRIES));
		}
		long size = 0;
		for (AwsServices.PutEventsEntry entry : entries) {
			size += SimulatedBus.entrySize(entry.time(), nonNull(entry.source()), nonNull(entry.detailType()),
					nonNull(entry.detail()), entry.resources() == null ? List.of() : entry.resources());
		}
		if (size > SimulatedBus.MAX_ENTRY_BYTES) {
			throw new AwsServiceException(400, "ValidationException",
					"Total size of the entries in the request is over the limit.");
		}
		Caller caller = Caller.of(engine);
		return engine.executive.command(() -> {
			List<AwsServices.PutEventsResultEntry> results = new ArrayList<>();
			int failed = 0;
			for (AwsServices.PutEventsEntry entry : entries) {
				SimulatedBus.EntryError error = SimulatedBus.entryError(entry.source(), entry.detailType(), entry.detail());
				if (error != null) {
					failed++;
					results.add(new AwsServices.PutEventsResultEntry(null, error.code(), error.message()));
					continue;
				}
				String busName = busName(entry.eventBusName());
				SimulatedBus bus = engine.busOrNull(busName);
				String eventId;
				if (bus == null) {
					eventId = engine.ids.uuid();
					JournalStore journal = engine.journal;
					journal.append(new JournalEntry.PutToMissingBus(journal.next(), engine.executive.instant(),
							caller.requestId(), caller.function(), "events:" + busName, eventId));
				}
				else {
					eventId = bus.put(entry.time(), entry.source(), entry.detailType(), entry.detail(),
							entry.resources() == null ? List.of() : entry.resources(), caller.requestId(), caller.function());
				}
				results.add(new AwsServices.PutEventsResultEntry(eventId, null, null));
			}
			return new AwsServices.PutEventsResult(failed, results);
		});
	}

	/** The bus an entry names: {@code default} if none, the name of an ARN ({@code …:event-bus/<name>}). */
	private static String busName(String nameOrArn) {
		if (nameOrArn == null || nameOrArn.isEmpty()) {
			return SandboxEngine.DEFAULT_BUS;
		}
		int slash = nameOrArn.indexOf(":event-bus/");
		return nameOrArn.startsWith("arn:") && slash > 0 ? nameOrArn.substring(slash + ":event-bus/".length()) : nameOrArn;
	}

	/** An entry as EventBridge's validation message renders it (its model's {@code toString}). */
	private static String describe(AwsServices.PutEventsEntry entry) {
		return "PutEventsRequestEntry(time=" + entry.time() + ", source=" + entry.source() + ", resources="
				+ (entry.resources() == null || entry.resources().isEmpty() ? "null" : entry.resources()) + ", detailType="
				+ entry.detailType() + ", detail=" + entry.detail() + ", eventBusName=" + entry.eventBusName()
				+ ", traceHeader=null, kmsKeyIdentifier=null, internalMetadata=null)";
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}
}
