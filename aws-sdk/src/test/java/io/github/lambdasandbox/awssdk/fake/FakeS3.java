package io.github.lambdasandbox.awssdk.fake;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.ObjectListing;

/** Buckets of objects, keys in UTF-8 binary order as S3 lists them. */
final class FakeS3 implements AwsServices.S3 {

	private final Map<String, NavigableMap<String, AwsServices.S3Object>> buckets = new HashMap<>();

	private final Supplier<Instant> clock;

	FakeS3(Supplier<Instant> clock) {
		this.clock = clock;
	}

	void create(String bucket) {
		buckets.put(bucket, new TreeMap<>(ObjectListing.UTF8_ORDER));
	}

	private synchronized NavigableMap<String, AwsServices.S3Object> bucket(String name) {
		NavigableMap<String, AwsServices.S3Object> bucket = buckets.get(name);
		if (bucket == null) {
			throw new AwsServiceException(404, "NoSuchBucket", "The specified bucket does not exist", true,
					Map.of("BucketName", name));
		}
		return bucket;
	}

	@Override
	public synchronized AwsServices.PutObjectResult putObject(String bucket, String key, byte[] content, String contentType,
			Map<String, String> metadata) {
		String eTag = Md5.hex(content);
		bucket(bucket).put(key, new AwsServices.S3Object(key, content.clone(), content.length, eTag, clock.get(), contentType,
				Map.copyOf(metadata)));
		return new AwsServices.PutObjectResult(eTag, null);
	}

	@Override
	public synchronized AwsServices.S3Object getObject(String bucket, String key) {
		AwsServices.S3Object object = bucket(bucket).get(key);
		if (object == null) {
			throw new AwsServiceException(404, "NoSuchKey", "The specified key does not exist.", true, Map.of("Key", key));
		}
		return object;
	}

	@Override
	public synchronized AwsServices.S3Object headObject(String bucket, String key) {
		AwsServices.S3Object object = getObject(bucket, key);
		return new AwsServices.S3Object(object.key(), null, object.size(), object.eTag(), object.lastModified(),
				object.contentType(), object.metadata());
	}

	@Override
	public synchronized void deleteObject(String bucket, String key) {
		bucket(bucket).remove(key);
	}

	@Override
	public synchronized AwsServices.PutObjectResult copyObject(String sourceBucket, String sourceKey, String bucket, String key) {
		AwsServices.S3Object source = getObject(sourceBucket, sourceKey);
		return putObject(bucket, key, source.content(), source.contentType(), source.metadata());
	}

	@Override
	public synchronized AwsServices.ListObjectsResult listObjectsV2(String bucket, String prefix, String delimiter, int maxKeys,
			String continuationToken, String startAfter) {
		return ObjectListing.page(bucket, bucket(bucket), object -> headObject(bucket, object.key()), prefix, delimiter,
				maxKeys, continuationToken, startAfter);
	}
}
