package io.github.lambdasandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Sandbox;

/**
 * DynamoDB Streams: the ids and ARNs of streams, shards and records, and the event Lambda's event source mapping
 * passes to a function, as in AWS's sample ({@code dynamodb-stream-event.json}, AWS-recorded):
 * {@code {"Records":[{eventID, eventName, eventVersion, eventSource, awsRegion, dynamodb:{
 * ApproximateCreationDateTime, Keys, NewImage, OldImage, SequenceNumber, SizeBytes, StreamViewType},
 * eventSourceARN}]}}, compact. Items are given as DynamoDB typed JSON ({@link DynamoDbValues}).
 */
public final class DynamoDbStreams {

	/** The stream view types. */
	public static final String KEYS_ONLY = "KEYS_ONLY";

	public static final String NEW_IMAGE = "NEW_IMAGE";

	public static final String OLD_IMAGE = "OLD_IMAGE";

	public static final String NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES";

	private static final Set<String> VIEW_TYPES = Set.of(KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES);

	/** The stream label: the stream's creation time, milliseconds, no zone. */
	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
			.withZone(ZoneOffset.UTC);

	private DynamoDbStreams() {
	}

	/**
	 * One change to an item: its keys and its images before and after, whatever the view type (the writer leaves
	 * out what the view does not show). A change with no old image is an {@code INSERT}, one with no new image a
	 * {@code REMOVE}, one with both a {@code MODIFY}.
	 *
	 * @param eventId 32 lower-case hex digits
	 * @param approximateCreationDateTime when the change was made; written in whole seconds, rounded down
	 * @param keys the item's key attributes, typed JSON
	 * @param newImage the item after the change, typed JSON; {@code null} for a removal
	 * @param oldImage the item before the change, typed JSON; {@code null} for an insertion
	 * @param sequenceNumber {@link #sequenceNumber(long)}
	 */
	public record Change(String eventId, Instant approximateCreationDateTime, String keys, String newImage,
			String oldImage, String sequenceNumber) {

		public Change {
			if (!eventId.matches("[0-9a-f]{32}")) {
				throw new IllegalArgumentException("An event id is 32 lower-case hex digits: " + eventId);
			}
			Objects.requireNonNull(approximateCreationDateTime, "approximateCreationDateTime");
			Objects.requireNonNull(keys, "keys");
			Objects.requireNonNull(sequenceNumber, "sequenceNumber");
			if (newImage == null && oldImage == null) {
				throw new IllegalArgumentException("A change has a new image, an old image or both");
			}
		}

		/** {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
		public String eventName() {
			return oldImage == null ? "INSERT" : newImage == null ? "REMOVE" : "MODIFY";
		}
	}

	/**
	 * {@code shardId-<creation, epoch milliseconds, 20 digits>-<8 hex>}, e.g.
	 * {@code shardId-00000001573689847184-864758bb}.
	 */
	public static String shardId(Instant created, String suffix) {
		if (!suffix.matches("[0-9a-f]{8}")) {
			throw new IllegalArgumentException("A shard id ends in 8 lower-case hex digits: " + suffix);
		}
		return String.format("shardId-%020d-%s", created.toEpochMilli(), suffix);
	}

	/** The stream label, e.g. {@code 2019-11-14T00:04:06.388}: the stream's creation time in UTC. */
	public static String streamLabel(Instant created) {
		return LABEL.format(created);
	}

	/** {@code arn:aws:dynamodb:us-east-1:123456789012:table/<table>/stream/<label>}. */
	public static String streamArn(String table, Instant created) {
		return "arn:aws:dynamodb:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":table/" + table + "/stream/"
				+ streamLabel(created);
	}

	/**
	 * The sequence number of a stream's {@code counter}-th record: 21 digits, {@code 8} and the counter in 20
	 * ({@code 800000000003126276362} is counter 3126276362). AWS's grow and have 21 to 40 digits; these grow with
	 * the counter, as numbers and as text.
	 */
	public static String sequenceNumber(long counter) {
		if (counter < 0) {
			throw new IllegalArgumentException("A counter is not negative: " + counter);
		}
		return String.format("8%020d", counter);
	}

	/**
	 * {@code ApproximateCreationDateTime} as written: epoch seconds, rounded down, as the Java double Lambda
	 * serialises ({@code Double.toString}: {@code 1.7E9}, {@code 1.684934517E9}). Captures of raw events show
	 * this form; the AWS-recorded sample masks the value (its {@code 1700000000.0} is a placeholder of the same
	 * number), and the DOC-2023 sample writes an integer. The text is built here, not by {@code Double.toString},
	 * so it is the same on every JDK.
	 */
	public static String approximateCreationDateTime(Instant instant) {
		long seconds = Math.floorDiv(instant.toEpochMilli(), 1000L);
		if (seconds < 0) {
			throw new IllegalArgumentException("Before the epoch: " + instant);
		}
		if (seconds < 10_000_000L) {
			return seconds + ".0";
		}
		String digits = Long.toString(seconds);
		int end = digits.length();
		while (digits.charAt(end - 1) == '0') {
			end--;
		}
		String fraction = end > 1 ? digits.substring(1, end) : "0";
		return digits.charAt(0) + "." + fraction + "E" + (digits.length() - 1);
	}

	/**
	 * {@code SizeBytes}: the {@linkplain DynamoDbValues#itemSize size} of the keys plus that of each image the
	 * record carries. AWS's sample: keys {@code {id:"id_value"}}, new image {@code {id2:"id2_new_value",
	 * id:"id_value"}}, old image {@code {id:"id_value"}}: 10 + 26 + 10 = 46.
	 *
	 * @param newImage {@code null} when the record has none
	 * @param oldImage {@code null} when the record has none
	 */
	public static int sizeBytes(String keys, String newImage, String oldImage) {
		int size = DynamoDbValues.itemSize(keys);
		if (newImage != null) {
			size += DynamoDbValues.itemSize(newImage);
		}
		if (oldImage != null) {
			size += DynamoDbValues.itemSize(oldImage);
		}
		return size;
	}

	/**
	 * {@code {"Records":[…]}} for changes of one shard.
	 *
	 * @param streamViewType {@link #KEYS_ONLY}, {@link #NEW_IMAGE}, {@link #OLD_IMAGE} or
	 * {@link #NEW_AND_OLD_IMAGES}: which images the records carry
	 * @param streamArn {@link #streamArn}; {@code awsRegion} is its region
	 */
	public static String event(List<Change> changes, String streamViewType, String streamArn) {
		if (!VIEW_TYPES.contains(streamViewType)) {
			throw new IllegalArgumentException("Unknown stream view type " + streamViewType);
		}
		boolean showsNew = streamViewType.equals(NEW_IMAGE) || streamViewType.equals(NEW_AND_OLD_IMAGES);
		boolean showsOld = streamViewType.equals(OLD_IMAGE) || streamViewType.equals(NEW_AND_OLD_IMAGES);
		String region = ArnParts.region(streamArn);
		return Json.write(out -> {
			out.writeStartObject();
			out.writeArrayFieldStart("Records");
			for (Change change : changes) {
				String newImage = showsNew ? change.newImage() : null;
				String oldImage = showsOld ? change.oldImage() : null;
				out.writeStartObject();
				out.writeStringField("eventID", change.eventId());
				out.writeStringField("eventName", change.eventName());
				out.writeStringField("eventVersion", "1.1");
				out.writeStringField("eventSource", "aws:dynamodb");
				out.writeStringField("awsRegion", region);
				out.writeObjectFieldStart("dynamodb");
				out.writeFieldName("ApproximateCreationDateTime");
				out.writeNumber(approximateCreationDateTime(change.approximateCreationDateTime()));
				out.writeFieldName("Keys");
				out.writeRawValue(compactObject(change.keys()));
				if (newImage != null) {
					out.writeFieldName("NewImage");
					out.writeRawValue(compactObject(newImage));
				}
				if (oldImage != null) {
					out.writeFieldName("OldImage");
					out.writeRawValue(compactObject(oldImage));
				}
				out.writeStringField("SequenceNumber", change.sequenceNumber());
				out.writeNumberField("SizeBytes", sizeBytes(change.keys(), newImage, oldImage));
				out.writeStringField("StreamViewType", streamViewType);
				out.writeEndObject();
				out.writeStringField("eventSourceARN", streamArn);
				out.writeEndObject();
			}
			out.writeEndArray();
			out.writeEndObject();
		});
	}

	/** A typed item, compact and checked to be an object. */
	private static String compactObject(String typedItem) {
		JsonNode item = Json.parse(typedItem);
		if (!item.isObject()) {
			throw new IllegalArgumentException("A typed item is a JSON object: " + typedItem);
		}
		return Json.write(item);
	}
}
