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
 * Declares an SNS topic of the sandbox. A name ending in {@code .fifo} declares a FIFO topic, as in AWS.
 *
 * <p>Topics named by destinations, dead-letter queues and notifications exist without this annotation; declare
 * a topic when nothing else names it, for example one that handler code publishes to with the AWS SDK. A topic
 * keeps what is published to it ({@link SnsTopic#messages()}) and delivers it to its
 * {@link Subscription @Subscription}s.
 *
 * <pre>{@code
 * @Topic(name = "alerts")
 * @Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox")
 * }</pre>
 *
 * @since 0.3
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Topic.Topics.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface Topic {

	/**
	 * The topic name: 1 to 256 letters, digits, hyphens or underscores; a FIFO topic's name ends in {@code .fifo}
	 * (included in the 256).
	 */
	String name();

	/**
	 * A FIFO topic's {@code ContentBasedDeduplication}: whether SNS derives the deduplication id from the message
	 * (SHA-256 of the body), so that publishers need not give {@code MessageDeduplicationId}. Default false, as in AWS;
	 * only for FIFO topics.
	 */
	boolean contentBasedDeduplication() default false;

	/** Holds repeated {@link Topic @Topic} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface Topics {

		Topic[] value();
	}
}
