package io.github.lambdasandbox.samples.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@link ThumbnailHandler} as first written, before anyone thought of uploads that are gone: it lets S3's
 * {@code NoSuchKey} escape, so the invocation fails, Lambda retries it twice, and the on-failure destination gets the
 * event in the end.
 */
public class CarelessThumbnailHandler extends ThumbnailHandler {

	@Override
	protected void missing(String bucket, String key, NoSuchKeyException gone, Context context) {
		throw gone;
	}
}
