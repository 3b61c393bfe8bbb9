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
 * Declares an S3 bucket of the sandbox and, optionally, where its {@code s3:ObjectCreated:*}
 * notifications go.
 *
 * <p>{@code onObjectCreated} names a function of the sandbox (invoked asynchronously, so retries,
 * destinations and dead-letter queues apply), or {@code sqs:}, {@code sns:} or {@code lambda:} plus a
 * name, or an ARN. Each {@link S3Bucket#putObject(String, String) putObject} then emits an
 * {@code ObjectCreated:Put} event shaped exactly as S3 writes it.
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Bucket.Buckets.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface Bucket {

	/** The bucket name: 3 to 63 lower-case letters, digits, dots or hyphens. */
	String name();

	/** Where {@code ObjectCreated} notifications go; {@code ""} for nowhere. */
	String onObjectCreated() default "";

	/** Holds repeated {@link Bucket @Bucket} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface Buckets {

		Bucket[] value();
	}
}
