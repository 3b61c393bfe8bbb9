package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.json.Arns;

/** An S3 bucket of the sandbox: objects by key, and notifications of objects created. */
final class SimulatedBucket implements S3Bucket {

	/** What S3 knows of a stored object. */
	record StoredObject(String key, byte[] content, String eTag) {
	}

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final Map<String, StoredObject> objects = new TreeMap<>();

	SimulatedBucket(SandboxEngine engine, String name) {
		this.engine = engine;
		this.name = name;
		this.resource = "s3:" + name;
	}

	@Override
	public Sandbox sandbox() {
		return engine;
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
			throw new IllegalArgumentException("An S3 object key must be 1 to 1024 bytes of UTF-8, as in AWS; this one is "
					+ (key == null ? "null" : key.isEmpty() ? "empty" : key.getBytes(StandardCharsets.UTF_8).length + " bytes") + ".");
		}
		byte[] copy = content.clone();
		return engine.executive.command(() -> put(key, copy, null, null));
	}

	/** Stores an object, journals it and sends the bucket's notification. Engine only. */
	String put(String key, byte[] content, String requestId, String function) {
		StoredObject object = new StoredObject(key, content, md5(content));
		objects.put(key, object);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.ObjectPut(journal.next(), engine.executive.instant(), requestId, function, resource,
				key, content.length, object.eTag()));
		engine.objectCreated(this, object);
		return object.eTag();
	}

	@Override
	public Optional<String> getObject(String key) {
		return engine.executive.read(() -> {
			StoredObject object = objects.get(key);
			return object == null ? Optional.empty() : Optional.of(new String(object.content(), StandardCharsets.UTF_8));
		});
	}

	@Override
	public List<String> keys() {
		return engine.executive.read(() -> List.copyOf(objects.keySet()));
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
