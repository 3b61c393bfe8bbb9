package io.github.lambdasandbox.internal.engine;

import java.util.Map;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.ObjectListing;
import io.github.lambdasandbox.internal.config.ConfigReader;

/**
 * S3 of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Writes are commands
 * of the executive; reads first let what is due now happen (from the test), as the sandbox's own reads do. Engine
 * only.
 */
final class S3Api implements AwsServices.S3 {

	private final SandboxEngine engine;

	S3Api(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public AwsServices.PutObjectResult putObject(String bucket, String key, byte[] content, String contentType,
			Map<String, String> metadata) {
		byte[] copy = content.clone();
		Caller caller = Caller.of(engine);
		SimulatedBucket.StoredObject stored = engine.executive.command(() -> bucket(bucket).put(key, copy, contentType,
				metadata == null ? Map.of() : metadata, caller.requestId(), caller.function()));
		return new AwsServices.PutObjectResult(stored.eTag(), null);
	}

	@Override
	public AwsServices.S3Object getObject(String bucket, String key) {
		return engine.executive.read(() -> s3Object(object(bucket(bucket), key), true));
	}

	@Override
	public AwsServices.S3Object headObject(String bucket, String key) {
		return engine.executive.read(() -> s3Object(object(bucket(bucket), key), false));
	}

	@Override
	public void deleteObject(String bucket, String key) {
		Caller caller = Caller.of(engine);
		engine.executive.command(() -> bucket(bucket).delete(key, caller.requestId(), caller.function()));
	}

	@Override
	public AwsServices.PutObjectResult copyObject(String sourceBucket, String sourceKey, String bucket, String key) {
		Caller caller = Caller.of(engine);
		SimulatedBucket.StoredObject copy = engine.executive.command(() -> {
			SimulatedBucket source = bucket(sourceBucket);
			SimulatedBucket target = bucket(bucket);
			SimulatedBucket.StoredObject object = object(source, sourceKey);
			if (source == target && sourceKey.equals(key)) {
				throw new AwsServiceException(400, "InvalidRequest", SimulatedBucket.COPY_TO_ITSELF);
			}
			return source.copy(object, target, key, caller.requestId(), caller.function());
		});
		return new AwsServices.PutObjectResult(copy.eTag(), null);
	}

	@Override
	public AwsServices.ListObjectsResult listObjectsV2(String bucket, String prefix, String delimiter, int maxKeys,
			String continuationToken, String startAfter) {
		return engine.executive.read(() -> {
			SimulatedBucket listed = bucket(bucket);
			return ObjectListing.page(listed.name(), listed.objects(), object -> s3Object(object, false), prefix,
					delimiter, maxKeys, continuationToken, startAfter);
		});
	}

	private SimulatedBucket bucket(String name) {
		SimulatedBucket bucket = engine.bucketOrNull(name);
		if (bucket == null) {
			throw new AwsServiceException(404, "NoSuchBucket", "The specified bucket does not exist. Buckets of this "
					+ "sandbox: " + ConfigReader.quoted(engine.bucketNames()) + "; declare it with @Bucket(name = \"" + name
					+ "\").", true, Map.of("BucketName", String.valueOf(name)));
		}
		return bucket;
	}

	private static SimulatedBucket.StoredObject object(SimulatedBucket bucket, String key) {
		SimulatedBucket.StoredObject object = bucket.object(key);
		if (object == null) {
			throw new AwsServiceException(404, "NoSuchKey", "The specified key does not exist.", true,
					Map.of("Key", String.valueOf(key)));
		}
		return object;
	}

	private static AwsServices.S3Object s3Object(SimulatedBucket.StoredObject object, boolean withContent) {
		return new AwsServices.S3Object(object.key(), withContent ? object.content().clone() : null, object.content().length,
				object.eTag(), object.lastModified(), object.contentType(), object.metadata());
	}
}
