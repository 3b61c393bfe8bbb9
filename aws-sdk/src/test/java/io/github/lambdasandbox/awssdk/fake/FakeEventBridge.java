package io.github.lambdasandbox.awssdk.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServices;

/** Buses whose events all go to one queue, as EventBridge writes an event to a target. */
final class FakeEventBridge implements AwsServices.EventBridge {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, String> queueByBus = new HashMap<>();

	private final FakeSqs sqs;

	private final Supplier<Instant> clock;

	FakeEventBridge(FakeSqs sqs, Supplier<Instant> clock) {
		this.sqs = sqs;
		this.clock = clock;
	}

	void create(String bus, String queue) {
		queueByBus.put(bus, queue);
	}

	@Override
	public synchronized AwsServices.PutEventsResult putEvents(List<AwsServices.PutEventsEntry> entries) {
		List<AwsServices.PutEventsResultEntry> results = new ArrayList<>();
		int failed = 0;
		for (AwsServices.PutEventsEntry entry : entries) {
			String bus = entry.eventBusName() == null ? "default" : entry.eventBusName();
			String queue = queueByBus.get(bus.substring(bus.lastIndexOf('/') + 1));
			if (entry.detailType() == null) {
				failed++;
				results.add(new AwsServices.PutEventsResultEntry(null, "InvalidArgument",
						"Parameter DetailType is not valid. Reason: DetailType is a required argument."));
				continue;
			}
			if (queue == null) {
				failed++;
				results.add(new AwsServices.PutEventsResultEntry(null, "NotFoundException", "Event bus " + bus + " does not exist."));
				continue;
			}
			String id = UUID.randomUUID().toString();
			ObjectNode event = JSON.createObjectNode()
				.put("version", "0")
				.put("id", id)
				.put("detail-type", entry.detailType())
				.put("source", entry.source())
				.put("account", AwsServices.ACCOUNT_ID)
				.put("time", (entry.time() != null ? entry.time() : clock.get()).toString())
				.put("region", AwsServices.REGION);
			entry.resources().forEach(event.putArray("resources")::add);
			try {
				event.set("detail", JSON.readTree(entry.detail()));
			}
			catch (Exception e) {
				failed++;
				results.add(new AwsServices.PutEventsResultEntry(null, "MalformedDetail", "Detail is malformed."));
				continue;
			}
			sqs.deliver(queue, event.toString(), Map.of());
			results.add(new AwsServices.PutEventsResultEntry(id, null, null));
		}
		return new AwsServices.PutEventsResult(failed, results);
	}
}
