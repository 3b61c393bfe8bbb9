package io.github.lambdasandbox.awssdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.AwsServices.PutEventsEntry;
import io.github.lambdasandbox.internal.aws.AwsServices.PutEventsResult;
import io.github.lambdasandbox.internal.aws.AwsServices.PutEventsResultEntry;

/**
 * EventBridge's JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.PutEvents}). Timestamps are epoch seconds, with a
 * fraction.
 */
final class EventBridgeProtocol implements Protocol {

	@Override
	public String operation(Request request) {
		String operation = AwsJson.operation(request);
		if (!operation.equals("PutEvents")) {
			throw Unsupported.operation("EventBridge", operation);
		}
		return operation;
	}

	@Override
	public Response handle(String operation, Request request, AwsServices services) {
		try {
			JsonNode in = AwsJson.read(request);
			if (AwsJson.text(in, "EndpointId") != null) {
				throw Unsupported.parameter("EventBridge", operation, "EndpointId (global endpoints)");
			}
			List<PutEventsEntry> entries = new ArrayList<>();
			JsonNode given = in.get("Entries");
			if (given != null) {
				for (JsonNode entry : given) {
					JsonNode time = entry.get("Time");
					entries.add(new PutEventsEntry(AwsJson.text(entry, "Source"), AwsJson.text(entry, "DetailType"),
							AwsJson.text(entry, "Detail"), AwsJson.texts(entry, "Resources"),
							time == null || time.isNull() ? null : instant(time.decimalValue()),
							AwsJson.text(entry, "EventBusName")));
				}
			}
			PutEventsResult result = services.eventBridge().putEvents(entries);
			ObjectNode out = AwsJson.object().put("FailedEntryCount", result.failedEntryCount());
			ArrayNode results = out.putArray("Entries");
			for (PutEventsResultEntry entry : result.entries()) {
				ObjectNode written = results.addObject();
				if (entry.eventId() != null) {
					written.put("EventId", entry.eventId());
				}
				if (entry.errorCode() != null) {
					written.put("ErrorCode", entry.errorCode()).put("ErrorMessage", entry.errorMessage());
				}
			}
			return AwsJson.ok(request, out);
		}
		catch (AwsServiceException e) {
			return AwsJson.error(request, e, e.errorCode());
		}
	}

	private static Instant instant(BigDecimal epochSeconds) {
		long seconds = epochSeconds.longValue();
		int nanos = epochSeconds.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValue();
		return Instant.ofEpochSecond(seconds, nanos);
	}
}
