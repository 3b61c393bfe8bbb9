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
 * queue when nothing else names it, for example one that the test sends messages to.
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Queue.Queues.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface Queue {

	/** The queue name: 1 to 80 letters, digits, hyphens or underscores, plus {@code .fifo} for FIFO queues. */
	String name();

	/** Holds repeated {@link Queue @Queue} declarations. */
	@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface Queues {

		Queue[] value();
	}
}
