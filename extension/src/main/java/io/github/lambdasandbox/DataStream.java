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
 * Declares a Kinesis data stream of the sandbox ({@code @DataStream}, not {@code @Stream}: test code often imports
 * {@code java.util.stream.Stream}). Tests write to it with {@code sandbox.stream(name).putRecord(partitionKey, data)};
 * records go to the shard whose hash key range holds the MD5 of their partition key, as Kinesis does.
 *
 * <pre>{@code
 * @DataStream(name = "clicks", shards = 2)
 * @EventSourceMapping(function = "clicker", source = "kinesis:clicks", onFailure = "sqs:clicks-failures")
 * }</pre>
 *
 * @since 0.2
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(DataStream.DataStreams.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface DataStream {

	/** The stream name: 1 to 128 letters, digits, hyphens, underscores or dots. */
	String name();

	/** The number of shards, 1..100 here (their hash key ranges split evenly, as a new stream's), default 1. */
	int shards() default 1;

	/** How long records stay in the stream, in hours: 24 (the default) to 8760 (365 days), as in Kinesis. */
	int retentionHours() default 24;

	/** Holds repeated {@link DataStream @DataStream} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface DataStreams {

		DataStream[] value();
	}
}
