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
 * Declares an event source mapping: Lambda polls a source (an SQS queue, a Kinesis stream, a DynamoDB table's
 * stream) and invokes a function synchronously with batches of what it finds.
 *
 * <pre>{@code
 * @Queue(name = "orders", deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 3)
 * @EventSourceMapping(function = "worker", source = "sqs:orders", reportBatchItemFailures = true)
 *
 * @DataStream(name = "clicks")
 * @EventSourceMapping(function = "clicker", source = "kinesis:clicks", batchSize = 100,
 *        maximumRetryAttempts = 2, onFailure = "sqs:clicks-failures")
 * }</pre>
 *
 * <p>Every value is checked as {@code CreateEventSourceMapping} checks it, with AWS's messages. Attributes that
 * belong to streams only ({@code maximumRetryAttempts}, {@code maximumRecordAgeInSeconds},
 * {@code bisectBatchOnFunctionError}, {@code parallelizationFactor}, {@code onFailure}, {@code startingPosition})
 * are refused on an SQS mapping, as AWS refuses them.
 *
 * @since 0.2
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(EventSourceMapping.EventSourceMappings.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface EventSourceMapping {

	/** The function to invoke: a name, or an ARN. */
	String function();

	/** The source: {@code sqs:queue}, {@code kinesis:stream}, {@code dynamodb:table}, or an ARN of one. */
	String source();

	/** {@code BatchSize}: records per batch; 0 means AWS's default for the source (10 for SQS, 100 for streams). */
	int batchSize() default 0;

	/** {@code MaximumBatchingWindowInSeconds}, 0..300: how long Lambda gathers records before it invokes. */
	int maximumBatchingWindowInSeconds() default 0;

	/** {@code FunctionResponseTypes = ["ReportBatchItemFailures"]}: the handler reports the items that failed. */
	boolean reportBatchItemFailures() default false;

	/**
	 * {@code StartingPosition} of a stream mapping: {@code TRIM_HORIZON}, {@code LATEST} (or {@code AT_TIMESTAMP}
	 * with {@link #startingPositionTimestamp()}, Kinesis only). Unset ({@code ""}) on a stream means TRIM_HORIZON
	 * here (AWS requires a value; the sandbox's streams start empty with each test).
	 */
	String startingPosition() default "";

	/** With {@code AT_TIMESTAMP}: the instant, ISO-8601. */
	String startingPositionTimestamp() default "";

	/** Streams: {@code MaximumRetryAttempts}, -1 (infinite, the default) or 0..10000. */
	int maximumRetryAttempts() default -1;

	/** Streams: {@code MaximumRecordAgeInSeconds}, -1 (infinite, the default) or 60..604800. */
	int maximumRecordAgeInSeconds() default -1;

	/** Streams: {@code BisectBatchOnFunctionError}: split a failed batch in two (does not use up retries). */
	boolean bisectBatchOnFunctionError() default false;

	/** Streams: {@code ParallelizationFactor}, 1..10: concurrent batches per shard, order kept per partition key. */
	int parallelizationFactor() default 1;

	/** Streams: the on-failure destination (SQS, SNS or S3), which gets a record of the batch that failed. */
	String onFailure() default "";

	/** Whether the mapping polls from the start ({@code Enabled}). */
	boolean enabled() default true;

	/** Holds repeated {@link EventSourceMapping @EventSourceMapping} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface EventSourceMappings {

		EventSourceMapping[] value();
	}
}
