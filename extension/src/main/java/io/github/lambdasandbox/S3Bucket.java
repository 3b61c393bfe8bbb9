package io.github.lambdasandbox;

import java.util.List;
import java.util.Optional;

/**
 * An S3 bucket of the sandbox.
 *
 * @since 0.1
 */
public interface S3Bucket {

	/** The sandbox this bucket belongs to. */
	Sandbox sandbox();

	/** The bucket name. */
	String name();

	/** {@code arn:aws:s3:::<name>}. */
	String arn();

	/**
	 * Stores an object (UTF-8) and emits an {@code ObjectCreated:Put} notification if the bucket has one.
	 *
	 * @return the object's ETag (the MD5 of its content, in hex)
	 */
	String putObject(String key, String content);

	/** Stores an object and emits an {@code ObjectCreated:Put} notification if the bucket has one. */
	String putObject(String key, byte[] content);

	/** The content of an object as UTF-8 text, if the bucket holds it. */
	Optional<String> getObject(String key);

	/** The keys of the bucket's objects, in lexicographic order (as ListObjectsV2 lists them). */
	List<String> keys();
}
