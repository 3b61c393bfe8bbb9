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
 * Declares a DynamoDB table of the sandbox, with a stream of view type {@code NEW_AND_OLD_IMAGES}. Tests write to it
 * with {@code sandbox.table(name).putItem(json)}, {@code updateItem(keyJson, json)} and {@code deleteItem(keyJson)}
 * (plain JSON; the stream records carry DynamoDB's typed attribute values).
 *
 * <pre>{@code
 * @Table(name = "users", partitionKey = "id")
 * @EventSourceMapping(function = "auditor", source = "dynamodb:users")
 * }</pre>
 *
 * @since 0.2
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Table.Tables.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface Table {

	/** The table name: 3 to 255 letters, digits, underscores, hyphens or dots. */
	String name();

	/** The partition key's attribute name. */
	String partitionKey();

	/** The sort key's attribute name; {@code ""} for none. */
	String sortKey() default "";

	/** Holds repeated {@link Table @Table} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface Tables {

		Table[] value();
	}
}
