package io.github.lambdasandbox.awssdk.fake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/** Buckets of objects, keys in UTF-8 binary order as S3 lists them. */
final class FakeS3 implements AwsServices.S3 {

	private static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
			b.getBytes(StandardCharsets.UTF_8));

	private final Map<String, NavigableMap<String, AwsServices.S3Object>> buckets = new HashMap<>();

	private final Supplier<Instant> clock;

	FakeS3(Supplier<Instant> clock) {
		this.clock = clock;
	}

	void create(String bucket) {
		buckets.put(bucket, new TreeMap<>(UTF8_ORDER));
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
		NavigableMap<String, AwsServices.S3Object> objects = bucket(bucket);
		String after = startAfter;
		if (continuationToken != null) {
			try {
				after = new String(Base64.getDecoder().decode(continuationToken), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				throw new AwsServiceException(400, "InvalidArgument", "The continuation token provided is incorrect", true,
						Map.of("ArgumentName", "continuation-token"));
			}
		}
		String from = prefix == null ? "" : prefix;
		List<AwsServices.S3Object> contents = new ArrayList<>();
		TreeSet<String> commonPrefixes = new TreeSet<>(UTF8_ORDER);
		String last = null;
		boolean truncated = false;
		for (AwsServices.S3Object object : (after == null ? objects : objects.tailMap(after, false)).values()) {
			String key = object.key();
			if (!key.startsWith(from)) {
				continue;
			}
			int delimiterAt = delimiter == null ? -1 : key.indexOf(delimiter, from.length());
			String commonPrefix = delimiterAt < 0 ? null : key.substring(0, delimiterAt + delimiter.length());
			if (commonPrefix != null && commonPrefixes.contains(commonPrefix)) {
				last = key;
				continue;
			}
			if (contents.size() + commonPrefixes.size() == maxKeys) {
				truncated = true;
				break;
			}
			if (commonPrefix != null) {
				commonPrefixes.add(commonPrefix);
			}
			else {
				contents.add(headObject(bucket, key));
			}
			last = key;
		}
		String next = truncated ? Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)) : null;
		return new AwsServices.ListObjectsResult(bucket, prefix, delimiter, maxKeys, contents, List.copyOf(commonPrefixes),
				truncated, next, contents.size() + commonPrefixes.size());
	}
}
