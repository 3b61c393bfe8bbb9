package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.aws.ObjectListing;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.json.Arns;

/** An S3 bucket of the sandbox: objects by key, and the notifications of what happens to them. */
final class SimulatedBucket implements S3Bucket {

	/** What S3 knows of a stored object. */
	record StoredObject(String key, byte[] content, String eTag, String contentType, Map<String, String> metadata,
			Instant lastModified) {
	}

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final NavigableMap<String, StoredObject> objects = new TreeMap<>(ObjectListing.UTF8_ORDER);

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
		checkKey(key);
		byte[] copy = content.clone();
		Caller caller = Caller.of(engine);
		return engine.executive.command(() -> put(key, copy, caller.requestId(), caller.function()));
	}

	@Override
	public void deleteObject(String key) {
		checkKey(key);
		Caller caller = Caller.of(engine);
		engine.executive.command(() -> delete(key, caller.requestId(), caller.function()));
	}

	@Override
	public String copyObject(String sourceKey, String targetKey) {
		checkKey(sourceKey);
		checkKey(targetKey);
		if (sourceKey.equals(targetKey)) {
			throw new IllegalArgumentException("S3 refuses the copy: \"" + COPY_TO_ITSELF + "\" (InvalidRequest). Copy to "
					+ "another key.");
		}
		Caller caller = Caller.of(engine);
		String eTag = engine.executive.command(() -> {
			StoredObject source = objects.get(sourceKey);
			return source == null ? null : copy(source, this, targetKey, caller.requestId(), caller.function()).eTag();
		});
		if (eTag == null) {
			throw new IllegalArgumentException("S3 refuses the copy: \"The specified key does not exist.\" (NoSuchKey): "
					+ "bucket \"" + name + "\" holds no \"" + sourceKey + "\". Keys: " + abbreviated(keys()) + ".");
		}
		return eTag;
	}

	/** S3's message for a copy of an object onto itself that changes nothing. */
	static final String COPY_TO_ITSELF = "This copy request is illegal because it is trying to copy an object to itself "
			+ "without changing the object's metadata, storage class, website redirect location or encryption attributes.";

	private static void checkKey(String key) {
		if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > 1024) {
			throw new IllegalArgumentException("An S3 object key must be 1 to 1024 bytes of UTF-8, as in AWS; this one is "
					+ (key == null ? "null" : key.isEmpty() ? "empty" : key.getBytes(StandardCharsets.UTF_8).length + " bytes") + ".");
		}
	}

	/** Stores an object (PutObject), journals it and sends the bucket's notifications. Engine only. */
	String put(String key, byte[] content, String requestId, String function) {
		return store(new StoredObject(key, content, md5(content), null, Map.of(), engine.executive.instant()),
				"ObjectCreated:Put", requestId, function).eTag();
	}

	/** Stores an object with its content type and metadata (PutObject). Engine only. */
	StoredObject put(String key, byte[] content, String contentType, Map<String, String> metadata, String requestId,
			String function) {
		return store(new StoredObject(key, content, md5(content), contentType, Map.copyOf(metadata),
				engine.executive.instant()), "ObjectCreated:Put", requestId, function);
	}

	/** Copies an object into {@code target} (CopyObject): content, type and metadata kept. Engine only. */
	StoredObject copy(StoredObject source, SimulatedBucket target, String key, String requestId, String function) {
		return target.store(new StoredObject(key, source.content(), source.eTag(), source.contentType(), source.metadata(),
				engine.executive.instant()), "ObjectCreated:Copy", requestId, function);
	}

	private StoredObject store(StoredObject object, String eventName, String requestId, String function) {
		objects.put(object.key(), object);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.ObjectPut(journal.next(), engine.executive.instant(), requestId, function, resource,
				object.key(), object.content().length, object.eTag()));
		engine.notifications.objectCreated(this, object, eventName, requestId, function);
		return object;
	}

	/**
	 * Deletes an object (DeleteObject): journals it and sends the bucket's notifications if there was one to delete;
	 * S3 answers the same either way. Engine only.
	 *
	 * @return whether the bucket held the key
	 */
	boolean delete(String key, String requestId, String function) {
		if (objects.remove(key) == null) {
			return false;
		}
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.ObjectDeleted(journal.next(), engine.executive.instant(), requestId, function,
				resource, key));
		engine.notifications.objectRemoved(this, key, requestId, function);
		return true;
	}

	/** The object, or null. Engine only. */
	StoredObject object(String key) {
		return objects.get(key);
	}

	/** The objects, in UTF-8 order of their keys. Engine only. */
	NavigableMap<String, StoredObject> objects() {
		return objects;
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

	/** Up to 10 keys, quoted, for messages. */
	static String abbreviated(List<String> keys) {
		return keys.size() <= 10 ? ConfigReader.quoted(keys) : ConfigReader.quoted(keys.subList(0, 10)) + " … ("
				+ keys.size() + " in all)";
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
