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
 * An EventBridge rule: events put on its bus that match its event pattern go to its target, as EventBridge
 * delivers them.
 *
 * <ul>
 * <li>{@code sqs:<queue>}: the event ({@code {"version":"0","id":…,"detail-type":…,"source":…,"account":…,
 * "time":…,"region":…,"resources":[…],"detail":{…}}}) is the message body;
 * <li>{@code sns:<topic>}: the event is published to the topic (and so reaches its subscriptions);
 * <li>{@code lambda:<function>}: the function is invoked asynchronously with the event, so its retries,
 * destinations and dead-letter queue apply.
 * </ul>
 *
 * <p>The pattern is EventBridge's: exact values, {@code prefix}, {@code suffix}, {@code anything-but},
 * {@code exists}, {@code numeric}, {@code wildcard}, {@code equals-ignore-case}, {@code cidr}, {@code $or}; it is
 * checked as {@code PutRule} checks it, with EventBridge's messages. A Lambda function's {@code events:} destination
 * puts its records on a bus with {@code detail-type} {@code Lambda Function Invocation Result - Success} or
 * {@code - Failure}, so a rule can route them:
 *
 * <pre>{@code
 * @LambdaFunction(name = "resize", handler = Resize.class, onFailure = "events:default")
 * @EventRule(name = "failures", pattern = "{\"detail-type\": [\"Lambda Function Invocation Result - Failure\"]}",
 *            target = "sqs:failures-seen")
 * }</pre>
 *
 * <p>The bus exists once a rule or a destination names it; the {@code default} bus always exists. A declaration on
 * a test method or a nested class replaces the enclosing class's rule of the same name on the same bus.
 *
 * @since 0.3
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(EventRule.EventRules.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface EventRule {

	/** The rule name: 1 to 64 letters, digits, dots, hyphens or underscores. */
	String name();

	/** The event bus: its name or ARN; {@code default} by default. */
	String bus() default "default";

	/** The event pattern, as JSON. */
	String pattern();

	/** Where matching events go: {@code sqs:<queue>}, {@code sns:<topic>}, {@code lambda:<function>}, or an ARN. */
	String target();

	/** Holds repeated {@link EventRule @EventRule} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface EventRules {

		EventRule[] value();
	}
}
