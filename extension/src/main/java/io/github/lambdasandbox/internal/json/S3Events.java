package io.github.lambdasandbox.internal.json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.Sandbox;

/** S3 event notifications as S3 writes them. */
public final class S3Events {

	private S3Events() {
	}

	/** The identity S3 records for the sandbox's caller. */
	public static final String PRINCIPAL_ID = "AWS:AIDAJDPLRKLG7UEXAMPLE";

	/** The bucket owner's canonical principal id. */
	public static final String OWNER_ID = "A3NL1KOZZKExample";

	/**
	 * One {@code ObjectCreated:Put} record in {@code {"Records":[…]}}, fields in S3's order.
	 *
	 * @param key the object key as stored; the event carries it URL-encoded (a space becomes {@code +})
	 */
	public static ObjectNode objectCreatedPut(Instant eventTime, String bucket, String key, long size, String eTag,
			String sequencer, String requestId, String hostId, String configurationId) {
		return objectEvent("ObjectCreated:Put", eventTime, bucket, key, size, eTag, sequencer, requestId, hostId,
				configurationId);
	}

	/**
	 * One record of an object event in {@code {"Records":[…]}}, fields in S3's order. The {@code object} part of an
	 * {@code ObjectCreated:*} event is {@code key, size, eTag, sequencer}; that of an {@code ObjectRemoved:Delete} event
	 * is {@code key, sequencer}: S3 writes no size and no ETag for a deleted object (captured deletion events; the
	 * Lambda console's S3 delete sample event).
	 *
	 * @param eventName {@code ObjectCreated:Put}, {@code ObjectCreated:Copy}, {@code ObjectRemoved:Delete} …
	 * @param key the object key as stored; the event carries it URL-encoded (a space becomes {@code +})
	 * @param size the object's size, or null (removal events)
	 * @param eTag the object's ETag, or null (removal events)
	 */
	public static ObjectNode objectEvent(String eventName, Instant eventTime, String bucket, String key, Long size,
			String eTag, String sequencer, String requestId, String hostId, String configurationId) {
		ObjectNode event = Json.object();
		ObjectNode record = event.putArray("Records").addObject();
		record.put("eventVersion", "2.1");
		record.put("eventSource", "aws:s3");
		record.put("awsRegion", Sandbox.REGION);
		record.put("eventTime", InvocationRecords.TIMESTAMP.format(eventTime));
		record.put("eventName", eventName);
		record.putObject("userIdentity").put("principalId", PRINCIPAL_ID);
		record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
		ObjectNode response = record.putObject("responseElements");
		response.put("x-amz-request-id", requestId);
		response.put("x-amz-id-2", hostId);
		ObjectNode s3 = record.putObject("s3");
		s3.put("s3SchemaVersion", "1.0");
		s3.put("configurationId", configurationId);
		ObjectNode bucketNode = s3.putObject("bucket");
		bucketNode.put("name", bucket);
		bucketNode.putObject("ownerIdentity").put("principalId", OWNER_ID);
		bucketNode.put("arn", Arns.bucket(bucket));
		ObjectNode object = s3.putObject("object");
		object.put("key", encodeKey(key));
		if (size != null) {
			object.put("size", size.longValue());
		}
		if (eTag != null) {
			object.put("eTag", eTag);
		}
		object.put("sequencer", sequencer);
		return event;
	}

	/**
	 * The test message S3 sends to an SQS queue when a notification to it is configured.
	 */
	public static ObjectNode testEvent(Instant time, String bucket, String requestId, String hostId) {
		ObjectNode event = Json.object();
		event.put("Service", "Amazon S3");
		event.put("Event", "s3:TestEvent");
		event.put("Time", InvocationRecords.TIMESTAMP.format(time));
		event.put("Bucket", bucket);
		event.put("RequestId", requestId);
		event.put("HostId", hostId);
		return event;
	}

	/** URL-encodes a key as S3 event notifications do: {@code +} for a space, {@code /} kept. */
	public static String encodeKey(String key) {
		return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
	}
}
