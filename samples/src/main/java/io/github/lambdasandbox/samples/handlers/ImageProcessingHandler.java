package io.github.lambdasandbox.samples.handlers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

/**
 * The image-processing function of the Destinations overview's example workflow: it "processes" an uploaded image
 * and returns its metadata, which the on-success destination carries on. It cannot read anything but JPEG and PNG
 * images: other uploads fail with {@code UnsupportedOperationException}, which the on-failure destination reports.
 */
public class ImageProcessingHandler implements RequestHandler<S3Event, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(S3Event event, Context context) {
		S3EventNotificationRecord upload = event.getRecords().get(0);
		String bucket = upload.getS3().getBucket().getName();
		String key = upload.getS3().getObject().getUrlDecodedKey();
		String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		if (!extension.equals("jpg") && !extension.equals("jpeg") && !extension.equals("png")) {
			throw new UnsupportedOperationException("cannot process s3://" + bucket + "/" + key + ": not a JPEG or PNG image");
		}
		context.getLogger().log("processed s3://" + bucket + "/" + key);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("bucket", bucket);
		metadata.put("key", key);
		metadata.put("format", extension.equals("png") ? "PNG" : "JPEG");
		metadata.put("bytes", upload.getS3().getObject().getSizeAsLong());
		return metadata;
	}
}
