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
 * Subscribes an SQS queue or a Lambda function to an SNS topic of the sandbox: what is published to the topic
 * (by a destination, a dead-letter queue, an S3 notification, an EventBridge rule, handler code with the AWS SDK,
 * or the test with {@link SnsTopic#publish(String)}) is delivered to the endpoint, as SNS delivers it.
 *
 * <ul>
 * <li>{@code sqs:<queue>}: the queue receives SNS's JSON envelope ({@code Type}, {@code MessageId},
 * {@code TopicArn}, {@code Subject} if any, {@code Message}, {@code Timestamp}, {@code SignatureVersion},
 * {@code Signature}, {@code SigningCertURL}, {@code UnsubscribeURL}, {@code MessageAttributes} if any), byte for
 * byte as SNS writes it; with {@link #rawMessageDelivery()} the queue receives the message itself, and its
 * attributes as SQS message attributes. The queue exists without {@link Queue @Queue}.
 * <li>{@code lambda:<function>}: the function is invoked asynchronously with SNS's event
 * ({@code {"Records":[{"EventSource":"aws:sns",…,"Sns":{…}}]}}), so its retries, destinations and dead-letter
 * queue apply.
 * </ul>
 *
 * <pre>{@code
 * @LambdaFunction(name = "resize", handler = Resize.class, onFailure = "sns:alerts")
 * @Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox")
 * @Subscription(topic = "alerts", endpoint = "lambda:pager",
 *               filterPolicy = "{\"severity\": [\"high\"]}")
 * }</pre>
 *
 * <p>As in AWS: a FIFO topic delivers to SQS queues only (FIFO or standard); a FIFO queue subscribes to a FIFO
 * topic only; Lambda endpoints take no raw delivery. A filter policy is checked as {@code Subscribe} checks it, with
 * SNS's messages. A declaration on a test method or a nested class replaces the enclosing class's subscription of the
 * same topic and endpoint.
 *
 * @since 0.3
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Subscription.Subscriptions.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface Subscription {

	/** The topic's name, or its ARN. It exists if {@link Topic @Topic} declares it or something else names it. */
	String topic();

	/** {@code sqs:<queue>} or {@code lambda:<function>}, or the queue's or function's ARN. */
	String endpoint();

	/** SNS's {@code RawMessageDelivery}: the message without the envelope (SQS endpoints only). Default false. */
	boolean rawMessageDelivery() default false;

	/**
	 * SNS's {@code FilterPolicy}, as JSON, e.g. {@code {"severity": ["high", "critical"]}}; {@code ""} (the default)
	 * for none: every message is delivered.
	 */
	String filterPolicy() default "";

	/** SNS's {@code FilterPolicyScope}: {@code MessageAttributes} (the default) or {@code MessageBody}. */
	String filterPolicyScope() default "MessageAttributes";

	/** Holds repeated {@link Subscription @Subscription} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface Subscriptions {

		Subscription[] value();
	}
}
