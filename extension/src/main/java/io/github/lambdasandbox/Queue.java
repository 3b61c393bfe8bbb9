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
 * Declares an SQS queue of the sandbox. A name ending in {@code .fifo} declares a FIFO queue, as in AWS.
 *
 * <p>Queues named by destinations and dead-letter queues exist without this annotation; declare a
 * queue when nothing else names it, for example one that the test sends messages to, or the source of an
 * {@link EventSourceMapping @EventSourceMapping}.
 *
 * <pre>{@code
 * @Queue(name = "orders", visibilityTimeout = 30, deadLetterQueue = "sqs:orders-dlq", maxReceiveCount = 3)
 * }</pre>
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Queue.Queues.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface Queue {

	/** The queue name: 1 to 80 letters, digits, hyphens or underscores, plus {@code .fifo} for FIFO queues. */
	String name();

	/**
	 * {@code VisibilityTimeout} in seconds, 0..43200 (12 hours), default 30: how long a received message stays
	 * hidden before it can be received again.
	 */
	int visibilityTimeout() default 30;

	/**
	 * The queue's redrive policy: the dead-letter queue ({@code sqs:} plus a name, or an ARN) that takes a message
	 * received more than {@link #maxReceiveCount()} times; {@code ""} for none.
	 */
	String deadLetterQueue() default "";

	/** The redrive policy's {@code maxReceiveCount}, 1..1000, default 10 (as the AWS console proposes). */
	int maxReceiveCount() default 10;

	/** {@code DelaySeconds}, 0..900: how long a new message stays hidden before its first receive. */
	int delaySeconds() default 0;

	/**
	 * {@code MessageRetentionPeriod} in seconds, 60..1209600 (14 days), default 345600 (4 days): an older message is
	 * deleted by SQS, received or not (the sandbox journals it and counts it as dropped).
	 */
	int messageRetentionPeriod() default 345_600;

	/**
	 * {@code ContentBasedDeduplication} of a FIFO queue: the SHA-256 of the body serves as deduplication id when a
	 * message has none. Without it, every FIFO message needs a deduplication id, as in SQS.
	 */
	boolean contentBasedDeduplication() default false;

	/** Holds repeated {@link Queue @Queue} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface Queues {

		Queue[] value();
	}
}
