package io.github.lambdasandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The events an EventBridge rule delivers to its targets: {@code {"version":"0","id","detail-type","source",
 * "account","time","region","resources":[…],"detail":{…}}}, compact (spec §7.5; the envelope of
 * {@code eventbridge-destination-success.json}). {@code time} is at second precision, the fraction cut off.
 */
public final class EventBridgeRuleEvents {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
			.withZone(ZoneOffset.UTC);

	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private EventBridgeRuleEvents() {
	}

	/**
	 * One event.
	 *
	 * @param id 8-4-4-4-12 lower-case hex digits
	 * @param detail the event's {@code detail}, JSON (embedded as it is, without leading or trailing white space)
	 * @throws IllegalArgumentException if the id is not 8-4-4-4-12 hex digits
	 */
	public static String event(String id, String detailType, String source, String account, Instant time, String region,
			List<String> resources, String detail) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("An event id is 8-4-4-4-12 lower-case hex digits: " + id);
		}
		return Json.write(out -> {
			out.writeStartObject();
			out.writeStringField("version", "0");
			out.writeStringField("id", id);
			out.writeStringField("detail-type", detailType);
			out.writeStringField("source", source);
			out.writeStringField("account", account);
			out.writeStringField("time", TIME.format(time));
			out.writeStringField("region", region);
			out.writeArrayFieldStart("resources");
			for (String resource : resources) {
				out.writeString(resource);
			}
			out.writeEndArray();
			out.writeFieldName("detail");
			out.writeRawValue(detail.strip());
			out.writeEndObject();
		});
	}

	/**
	 * The event of a scheduled rule: {@code source} {@code aws.events}, {@code detail-type}
	 * {@code Scheduled Event}, the rule's ARN as the one resource, {@code detail} {@code {}}.
	 */
	public static String scheduled(String id, String account, Instant time, String region, String ruleArn) {
		return event(id, "Scheduled Event", "aws.events", account, time, region, List.of(ruleArn), "{}");
	}
}
