package io.github.lambdasandbox.samples.handlers;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

/**
 * The function of the Lambda Destinations lab, in its first version: it reads the S3 event of an upload and
 * answers {@code {"statusCode": 200, "body": "…"}}.
 */
public class S3UploadHandler implements RequestHandler<S3Event, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(S3Event event, Context context) {
		S3EventNotificationRecord upload = event.getRecords().get(0);
		String bucket = upload.getS3().getBucket().getName();
		String key = upload.getS3().getObject().getUrlDecodedKey();
		context.getLogger().log(upload.getEventName() + " s3://" + bucket + "/" + key);

		Map<String, Object> response = new LinkedHashMap<>();
		response.put("statusCode", 200);
		response.put("body", "Processed s3://" + bucket + "/" + key);
		return response;
	}
}
