package io.github.lambdasandbox.awssdk;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.AwsServices.PutRecordResult;
import io.github.lambdasandbox.internal.aws.AwsServices.PutRecordsEntry;
import io.github.lambdasandbox.internal.aws.AwsServices.PutRecordsResult;
import io.github.lambdasandbox.internal.aws.AwsServices.PutRecordsResultEntry;

/**
 * Kinesis's JSON 1.1 protocol ({@code X-Amz-Target: Kinesis_20131202.PutRecord}), in JSON or in CBOR: SDK clients send
 * CBOR ({@code application/x-amz-cbor-1.1}, data as byte strings) unless {@code aws.cborEnabled} is false, and JSON
 * (data in base64) otherwise. Kinesis answers in the form it was asked in.
 */
final class KinesisProtocol implements Protocol {

	@Override
	public String operation(Request request) {
		String operation = AwsJson.operation(request);
		if (!operation.equals("PutRecord") && !operation.equals("PutRecords")) {
			throw Unsupported.operation("Kinesis", operation);
		}
		return operation;
	}

	@Override
	public Response handle(String operation, Request request, AwsServices services) {
		try {
			JsonNode in = AwsJson.read(request);
			String stream = streamName(in);
			ObjectNode out = AwsJson.object();
			if (operation.equals("PutRecord")) {
				PutRecordResult result = services.kinesis().putRecord(stream, AwsJson.bytes(in, "Data"),
						AwsJson.text(in, "PartitionKey"), AwsJson.text(in, "ExplicitHashKey"));
				out.put("ShardId", result.shardId()).put("SequenceNumber", result.sequenceNumber());
			}
			else {
				List<PutRecordsEntry> records = new ArrayList<>();
				JsonNode given = in.get("Records");
				if (given != null) {
					for (JsonNode record : given) {
						records.add(new PutRecordsEntry(AwsJson.bytes(record, "Data"), AwsJson.text(record, "PartitionKey"),
								AwsJson.text(record, "ExplicitHashKey")));
					}
				}
				PutRecordsResult result = services.kinesis().putRecords(stream, records);
				out.put("FailedRecordCount", result.failedRecordCount());
				ArrayNode results = out.putArray("Records");
				for (PutRecordsResultEntry entry : result.records()) {
					ObjectNode written = results.addObject();
					if (entry.errorCode() != null) {
						written.put("ErrorCode", entry.errorCode()).put("ErrorMessage", entry.errorMessage());
					}
					else {
						written.put("SequenceNumber", entry.sequenceNumber()).put("ShardId", entry.shardId());
					}
				}
			}
			return AwsJson.ok(request, out);
		}
		catch (AwsServiceException e) {
			return AwsJson.error(request, e, e.errorCode());
		}
	}

	/** The stream, by {@code StreamName} or by {@code StreamARN} ({@code arn:aws:kinesis:…:stream/<name>}). */
	private static String streamName(JsonNode in) {
		String name = AwsJson.text(in, "StreamName");
		String arn = AwsJson.text(in, "StreamARN");
		if (name == null && arn != null) {
			int slash = arn.lastIndexOf('/');
			return slash < 0 ? arn : arn.substring(slash + 1);
		}
		return name;
	}
}
