package io.github.lambdasandbox.internal.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.github.lambdasandbox.Sandbox;

/**
 * The event Lambda's Kinesis event source mapping passes to a function, as in AWS's sample
 * ({@code kinesis-event.json}): {@code {"Records":[{"kinesis":{kinesisSchemaVersion, partitionKey,
 * sequenceNumber, data, approximateArrivalTimestamp}, eventSource, eventVersion, eventID, eventName,
 * invokeIdentityArn, awsRegion, eventSourceARN}]}}, compact.
 */
public final class KinesisEvents {

	private KinesisEvents() {
	}

	/**
	 * One record of a shard.
	 *
	 * @param data the record's bytes (written in base64)
	 * @param approximateArrivalTimestamp when Kinesis accepted it; written to the millisecond
	 */
	public record Record(String partitionKey, String sequenceNumber, byte[] data, Instant approximateArrivalTimestamp) {

		public Record {
			Objects.requireNonNull(partitionKey, "partitionKey");
			Objects.requireNonNull(sequenceNumber, "sequenceNumber");
			Objects.requireNonNull(approximateArrivalTimestamp, "approximateArrivalTimestamp");
			data = data.clone();
		}

		@Override
		public byte[] data() {
			return data.clone();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Record that && partitionKey.equals(that.partitionKey)
					&& sequenceNumber.equals(that.sequenceNumber) && Arrays.equals(data, that.data)
					&& approximateArrivalTimestamp.equals(that.approximateArrivalTimestamp);
		}

		@Override
		public int hashCode() {
			return Objects.hash(partitionKey, sequenceNumber, Arrays.hashCode(data), approximateArrivalTimestamp);
		}

		@Override
		public String toString() {
			return "Record[" + partitionKey + ", " + sequenceNumber + ", " + data.length + " bytes, "
					+ approximateArrivalTimestamp + "]";
		}
	}

	/** {@code arn:aws:kinesis:us-east-1:123456789012:stream/<name>}. */
	public static String streamArn(String streamName) {
		return "arn:aws:kinesis:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":stream/" + streamName;
	}

	/**
	 * The records of one batch, all from one shard ({@code eventID} = {@code <shardId>:<sequenceNumber>}).
	 *
	 * @param streamArn the record's {@code eventSourceARN}; {@code awsRegion} is its region
	 * @param invokeIdentityArn the function's execution role ({@link IamIdentities#executionRoleArn})
	 */
	public static String event(String shardId, List<Record> records, String streamArn, String invokeIdentityArn) {
		String region = ArnParts.region(streamArn);
		Base64.Encoder base64 = Base64.getEncoder();
		return Json.write(out -> {
			out.writeStartObject();
			out.writeArrayFieldStart("Records");
			for (Record record : records) {
				out.writeStartObject();
				out.writeObjectFieldStart("kinesis");
				out.writeStringField("kinesisSchemaVersion", "1.0");
				out.writeStringField("partitionKey", record.partitionKey());
				out.writeStringField("sequenceNumber", record.sequenceNumber());
				out.writeStringField("data", base64.encodeToString(record.data));
				out.writeFieldName("approximateArrivalTimestamp");
				out.writeNumber(approximateArrivalTimestamp(record.approximateArrivalTimestamp()));
				out.writeEndObject();
				out.writeStringField("eventSource", "aws:kinesis");
				out.writeStringField("eventVersion", "1.0");
				out.writeStringField("eventID", shardId + ":" + record.sequenceNumber());
				out.writeStringField("eventName", "aws:kinesis:record");
				out.writeStringField("invokeIdentityArn", invokeIdentityArn);
				out.writeStringField("awsRegion", region);
				out.writeStringField("eventSourceARN", streamArn);
				out.writeEndObject();
			}
			out.writeEndArray();
			out.writeEndObject();
		});
	}

	/**
	 * {@code approximateArrivalTimestamp} as written: epoch seconds with three decimals, always
	 * ({@code 1545084650.987}, {@code 1545084650.900}, {@code 1545084650.000}). AWS's sample has three; captures
	 * with fewer decimals come from handlers that parsed and re-printed the event, so they do not show what
	 * Lambda wrote for trailing zeros.
	 */
	public static String approximateArrivalTimestamp(Instant instant) {
		return BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString();
	}
}
