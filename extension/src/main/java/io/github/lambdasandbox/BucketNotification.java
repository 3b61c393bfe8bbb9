package io.github.lambdasandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One event notification configuration of an S3 bucket: which events, for which keys, go where. A bucket may have
 * several; together they are its notification configuration, checked as {@code PutBucketNotificationConfiguration}
 * checks it (S3 refuses two configurations that share an event type for keys that both could match:
 * {@code Configurations overlap. Configurations on the same bucket cannot share a common event type.}).
 *
 * <pre>{@code
 * @Bucket(name = "images")
 * @BucketNotification(bucket = "images", events = "s3:ObjectCreated:*", prefix = "uploads/", suffix = ".jpg",
 *                     target = "lambda:resize")
 * @BucketNotification(bucket = "images", events = "s3:ObjectRemoved:*", target = "sqs:removed")
 * }</pre>
 *
 * <p>The sandbox's buckets fire {@code s3:ObjectCreated:Put} ({@link S3Bucket#putObject(String, String) putObject},
 * PutObject), {@code s3:ObjectCreated:Copy} ({@link S3Bucket#copyObject(String, String) copyObject}, CopyObject) and
 * {@code s3:ObjectRemoved:Delete} ({@link S3Bucket#deleteObject(String) deleteObject}, DeleteObject); a configuration
 * may also name {@code s3:ObjectCreated:Post}, {@code s3:ObjectCreated:CompleteMultipartUpload},
 * {@code s3:ObjectRemoved:DeleteMarkerCreated} (buckets are not versioned, so it never fires) and the {@code :*}
 * forms. Each event is a document exactly as S3 writes it. An SQS or SNS target first receives S3's
 * {@code s3:TestEvent} (through the topic's subscriptions, for SNS).
 *
 * <p>{@link Bucket#onObjectCreated() @Bucket(onObjectCreated = …)} is shorthand for one configuration of
 * {@code s3:ObjectCreated:*} without filters. As {@code PutBucketNotificationConfiguration} replaces a bucket's whole
 * configuration, the configurations a test method or a nested class declares for a bucket (with
 * {@code @BucketNotification} or {@code @Bucket}) replace those of the enclosing class for that bucket.
 *
 * @since 0.3
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(BucketNotification.BucketNotifications.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface BucketNotification {

	/** The bucket: declared with {@link Bucket @Bucket} or named by a destination. */
	String bucket();

	/** The configuration's {@code Id}, written as {@code configurationId} in each event; {@code ""}: S3 makes one up. */
	String id() default "";

	/** The event types, e.g. {@code s3:ObjectCreated:*}, {@code s3:ObjectRemoved:Delete}. */
	String[] events() default { "s3:ObjectCreated:*" };

	/** The key filter's prefix rule; {@code ""} for none. Write a space as {@code +}, as S3 asks. */
	String prefix() default "";

	/** The key filter's suffix rule; {@code ""} for none. */
	String suffix() default "";

	/**
	 * Where the events go: a function (its name, {@code lambda:<name>} or ARN; invoked asynchronously), an SQS queue
	 * ({@code sqs:<name>}) or an SNS topic ({@code sns:<name>}); not FIFO queues or topics, as in AWS.
	 */
	String target();

	/** Holds repeated {@link BucketNotification @BucketNotification} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface BucketNotifications {

		BucketNotification[] value();
	}
}
