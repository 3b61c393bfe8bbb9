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
	 * Stores an object (UTF-8), as PutObject does, and sends an {@code ObjectCreated:Put} event to the bucket's
	 * notification configuration that is for it, if any ({@link Bucket @Bucket(onObjectCreated)},
	 * {@link BucketNotification @BucketNotification}).
	 *
	 * @return the object's ETag (the MD5 of its content, in hex)
	 */
	String putObject(String key, String content);

	/** Stores an object and sends an {@code ObjectCreated:Put} event, as {@link #putObject(String, String)}. */
	String putObject(String key, byte[] content);

	/**
	 * Deletes an object, as DeleteObject does on a bucket without versioning, and sends an
	 * {@code ObjectRemoved:Delete} event (whose {@code object} has no {@code size} and no {@code eTag}, as S3 writes it)
	 * to the bucket's notification configuration that is for it, if any. A key the bucket does not hold is no error,
	 * as in S3; nothing is deleted and no event is sent.
	 *
	 * @since 0.3
	 */
	void deleteObject(String key);

	/**
	 * Copies an object to another key of the bucket, as CopyObject does (content and metadata kept), and sends an
	 * {@code ObjectCreated:Copy} event to the bucket's notification configuration that is for it, if any.
	 *
	 * @return the copy's ETag
	 * @throws IllegalArgumentException with S3's {@code NoSuchKey} if the bucket does not hold {@code sourceKey}, or
	 * {@code InvalidRequest} if {@code targetKey} is {@code sourceKey}
	 * @since 0.3
	 */
	String copyObject(String sourceKey, String targetKey);

	/** The content of an object as UTF-8 text, if the bucket holds it. */
	Optional<String> getObject(String key);

	/** The keys of the bucket's objects, in lexicographic order (as ListObjectsV2 lists them). */
	List<String> keys();
}
