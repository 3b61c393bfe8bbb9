package io.github.lambdasandbox.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What a Kinesis or DynamoDB Streams event source mapping sends to its on-failure destination when it gives up on
 * a batch, as in AWS's samples ({@code kinesis-on-failure-record.json}, {@code dynamodb-on-failure-record.json};
 * spec §6.2): {@code requestContext, responseContext, version, timestamp, KinesisBatchInfo | DDBStreamBatchInfo},
 * an order unlike the asynchronous invocation record's. Metadata only for SQS and SNS; for S3 the same record and,
 * last, {@code "payload"}: the batch's whole invocation event as a JSON string. Last because AWS's S3 example
 * (Lambda Developer Guide, "kinesis-on-failure-destination", Example Amazon S3 invocation record) lists it after
 * {@code KinesisBatchInfo}. Compact.
 */
public final class StreamFailureRecords {

	/** The function failed on every attempt allowed ({@code MaximumRetryAttempts}). */
	public static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";

	/** The records grew older than {@code MaximumRecordAgeInSeconds}; the record then has no responseContext. */
	public static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

	/** Kinesis's batch times: milliseconds. */
	private static final DateTimeFormatter MILLISECONDS = InvocationRecords.TIMESTAMP;

	/** DynamoDB's batch times: seconds ({@code 2019-11-14T00:13:19Z}). */
	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
			.withZone(ZoneOffset.UTC);

	/** The S3 object key's date folders and time: {@code YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS}. */
	private static final DateTimeFormatter S3_KEY_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd/yyyy-MM-dd'T'HH.mm.ss")
			.withZone(ZoneOffset.UTC);

	private StreamFailureRecords() {
	}

	/**
	 * The last attempt's response: {@code statusCode} 200 and the version that ran.
	 *
	 * @param functionError {@code "Unhandled"} after a function error; {@code null} after a partial batch failure
	 * ({@code ReportBatchItemFailures}), which AWS writes as {@code "functionError":null}
	 */
	public record Response(String executedVersion, String functionError) {

		public Response {
			Objects.requireNonNull(executedVersion, "executedVersion");
		}
	}

	/**
	 * The batch given up on.
	 *
	 * @param approximateArrivalOfFirstRecord written to the millisecond for Kinesis, to the second for DynamoDB
	 */
	public record BatchInfo(String shardId, String startSequenceNumber, String endSequenceNumber,
			Instant approximateArrivalOfFirstRecord, Instant approximateArrivalOfLastRecord, int batchSize,
			String streamArn) {

		public BatchInfo {
			Objects.requireNonNull(shardId, "shardId");
			Objects.requireNonNull(startSequenceNumber, "startSequenceNumber");
			Objects.requireNonNull(endSequenceNumber, "endSequenceNumber");
			Objects.requireNonNull(approximateArrivalOfFirstRecord, "approximateArrivalOfFirstRecord");
			Objects.requireNonNull(approximateArrivalOfLastRecord, "approximateArrivalOfLastRecord");
			Objects.requireNonNull(streamArn, "streamArn");
		}
	}

	/**
	 * A Kinesis on-failure record.
	 *
	 * @param functionArn the function as the mapping names it: unqualified for an unqualified mapping
	 * @param condition {@link #RETRY_ATTEMPTS_EXHAUSTED} or {@link #RECORD_AGE_EXCEEDED}
	 * @param response {@code null} for none (records that expired)
	 * @param payload the batch's invocation event (JSON) for an S3 destination; {@code null} for SQS and SNS
	 */
	public static String kinesis(String requestId, String functionArn, String condition, int approximateInvokeCount,
			Response response, Instant timestamp, BatchInfo batch, String payload) {
		return record(requestId, functionArn, condition, approximateInvokeCount, response, timestamp, "KinesisBatchInfo",
				batch, MILLISECONDS, payload);
	}

	/** A DynamoDB Streams on-failure record: as {@link #kinesis}, with {@code DDBStreamBatchInfo}. */
	public static String dynamoDb(String requestId, String functionArn, String condition, int approximateInvokeCount,
			Response response, Instant timestamp, BatchInfo batch, String payload) {
		return record(requestId, functionArn, condition, approximateInvokeCount, response, timestamp,
				"DDBStreamBatchInfo", batch, SECONDS, payload);
	}

	/**
	 * The key of the S3 object: {@code aws/lambda/<ESM-UUID>/<shardID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<Random UUID>}
	 * (DOC).
	 */
	public static String s3ObjectKey(String eventSourceMappingUuid, String shardId, Instant timestamp, String randomUuid) {
		return "aws/lambda/" + eventSourceMappingUuid + "/" + shardId + "/" + S3_KEY_TIME.format(timestamp) + "-"
				+ randomUuid;
	}

	private static String record(String requestId, String functionArn, String condition, int approximateInvokeCount,
			Response response, Instant timestamp, String batchInfoName, BatchInfo batch, DateTimeFormatter arrivals,
			String payload) {
		return Json.write(out -> {
			out.writeStartObject();
			out.writeObjectFieldStart("requestContext");
			out.writeStringField("requestId", requestId);
			out.writeStringField("functionArn", functionArn);
			out.writeStringField("condition", condition);
			out.writeNumberField("approximateInvokeCount", approximateInvokeCount);
			out.writeEndObject();
			if (response != null) {
				out.writeObjectFieldStart("responseContext");
				out.writeNumberField("statusCode", 200);
				out.writeStringField("executedVersion", response.executedVersion());
				out.writeStringField("functionError", response.functionError());
				out.writeEndObject();
			}
			out.writeStringField("version", "1.0");
			out.writeStringField("timestamp", InvocationRecords.TIMESTAMP.format(timestamp));
			out.writeObjectFieldStart(batchInfoName);
			out.writeStringField("shardId", batch.shardId());
			out.writeStringField("startSequenceNumber", batch.startSequenceNumber());
			out.writeStringField("endSequenceNumber", batch.endSequenceNumber());
			out.writeStringField("approximateArrivalOfFirstRecord", arrivals.format(batch.approximateArrivalOfFirstRecord()));
			out.writeStringField("approximateArrivalOfLastRecord", arrivals.format(batch.approximateArrivalOfLastRecord()));
			out.writeNumberField("batchSize", batch.batchSize());
			out.writeStringField("streamArn", batch.streamArn());
			out.writeEndObject();
			if (payload != null) {
				out.writeStringField("payload", payload);
			}
			out.writeEndObject();
		});
	}
}
