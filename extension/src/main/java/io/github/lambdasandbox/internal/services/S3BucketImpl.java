package io.github.lambdasandbox.internal.services;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.internal.json.Arns;

/** An in-memory S3 bucket; tells its listener of each object created. */
public final class S3BucketImpl implements S3Bucket {

	/** What S3 knows of a stored object. */
	public record StoredObject(String key, byte[] content, String eTag) {
	}

	/** Hears of objects created in the bucket. */
	@FunctionalInterface
	public interface Listener {

		void objectCreated(S3BucketImpl bucket, StoredObject object);
	}

	private final String name;

	private final Map<String, StoredObject> objects = new TreeMap<>();

	private volatile Listener listener;

	public S3BucketImpl(String name) {
		this.name = name;
	}

	public void listener(Listener listener) {
		this.listener = listener;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String arn() {
		return Arns.bucket(name);
	}

	@Override
	public String putObject(String key, String content) {
		return putObject(key, content.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String putObject(String key, byte[] content) {
		if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > 1024) {
			throw new IllegalArgumentException("An S3 object key must be 1 to 1024 bytes of UTF-8, as in AWS; was "
					+ (key == null ? "null" : "\"" + key + "\"") + ".");
		}
		StoredObject object = new StoredObject(key, content.clone(), md5(content));
		synchronized (this) {
			objects.put(key, object);
		}
		Listener current = listener;
		if (current != null) {
			current.objectCreated(this, object);
		}
		return object.eTag();
	}

	@Override
	public synchronized Optional<String> getObject(String key) {
		StoredObject object = objects.get(key);
		return object == null ? Optional.empty() : Optional.of(new String(object.content(), StandardCharsets.UTF_8));
	}

	@Override
	public synchronized List<String> keys() {
		return List.copyOf(objects.keySet());
	}

	private static String md5(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return "S3Bucket[" + name + "]";
	}
}
