package io.github.lambdasandbox.samples.handlers;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code thumbnailer}: for each uploaded image, reads the object with {@code S3Client.getObject}, "makes" its
 * thumbnail (this sample only names one) and sends a thumbnail record to the queue {@code thumbnails} with
 * {@code SqsClient}: {@code {"bucket": …, "key": …, "size": …, "thumbnailKey": "thumbnails/…"}}. Written as for AWS:
 * the clients are built the ordinary way and kept in static fields; nothing in it knows about the sandbox.
 *
 * <p>An upload may be gone by the time the function reads it (deleted, or overwritten and deleted, right after):
 * S3 then answers {@code NoSuchKey}. This handler expects that, logs it and goes on: there is nothing to make a
 * thumbnail of, and retrying would not bring the object back. {@link #missing} is where it decides so.
 */
public class ThumbnailHandler implements RequestHandler<S3Event, Void> {

	private static final S3Client S3 = S3Client.create();

	private static final SqsClient SQS = SqsClient.create();

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public Void handleRequest(S3Event event, Context context) {
		String queueUrl = SQS.getQueueUrl(b -> b.queueName("thumbnails")).queueUrl();
		for (S3EventNotificationRecord upload : event.getRecords()) {
			String bucket = upload.getS3().getBucket().getName();
			String key = upload.getS3().getObject().getUrlDecodedKey();   // S3 writes keys URL-encoded in events
			ResponseBytes<GetObjectResponse> image;
			try {
				image = S3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
			}
			catch (NoSuchKeyException gone) {
				missing(bucket, key, gone, context);
				continue;
			}
			SQS.sendMessage(b -> b.queueUrl(queueUrl).messageBody(thumbnailRecord(bucket, key, image.asByteArray().length)));
			context.getLogger().log("thumbnail of s3://" + bucket + "/" + key + " (" + image.asByteArray().length + " bytes)");
		}
		return null;
	}

	/** An upload that is gone: logged and skipped. */
	protected void missing(String bucket, String key, NoSuchKeyException gone, Context context) {
		context.getLogger().log("skipped s3://" + bucket + "/" + key + ": " + gone.awsErrorDetails().errorCode());
	}

	private static String thumbnailRecord(String bucket, String key, long size) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("bucket", bucket);
		record.put("key", key);
		record.put("size", size);
		record.put("thumbnailKey", "thumbnails/" + key.substring(key.lastIndexOf('/') + 1));
		try {
			return JSON.writeValueAsString(record);
		}
		catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}
}
