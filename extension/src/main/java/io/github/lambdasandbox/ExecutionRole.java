package io.github.lambdasandbox;

import java.util.List;

/**
 * The execution role of a function: the IAM role Lambda assumes to run it, and whose permissions decide what the
 * function may do. Lambda uses it too: to send to the function's dead-letter queue and destinations, and to read the
 * sources of its event source mappings.
 *
 * <p>Its permissions are IAM actions, as {@link LambdaFunction#permissions()} declares them: {@code "sqs:SendMessage"},
 * patterns such as {@code "sqs:*"} or {@code "sqs:Send*"}, or {@code "*"} for everything (the default); IAM compares
 * actions without regard to case. What the role may not do fails as in AWS: an AWS SDK call in a handler with the
 * service's {@code AccessDenied} error, a delivery to a dead-letter queue or destination as a
 * {@code DeadLetterErrors} or {@code DestinationDeliveryFailures}. Test code is the account's administrator: it may
 * do everything.
 *
 * <pre>{@code
 * sandbox.function("demo-lambda").executionRole().putRolePolicy("sqs:SendMessage");
 * sandbox.function("demo-lambda").updateDeadLetterConfig("sqs:lambda-DLQ");   // now Lambda accepts it
 * }</pre>
 *
 * @since 0.3
 */
public interface ExecutionRole {

	/** The role's name: {@code <function>-role}. */
	String roleName();

	/** The role's ARN: {@code arn:aws:iam::123456789012:role/<function>-role}. */
	String arn();

	/** The IAM actions the role's policy allows, as they were given: {@code ["*"]} when everything is allowed. */
	List<String> permissions();

	/** Whether the role may do {@code action} ({@code "sqs:SendMessage"}), as IAM decides it. */
	boolean allows(String action);

	/**
	 * Replaces the role's permissions, as IAM's {@code PutRolePolicy} replaces the role's inline policy: from now on
	 * the role may do these actions, and only these ({@code "*"} for everything, none for nothing). It applies at once
	 * to the function's running handlers, its deliveries and its event source mappings; a mapping that could not read
	 * its queue reads it again.
	 *
	 * @throws IllegalArgumentException for an action IAM refuses in a policy, with IAM's message
	 */
	void putRolePolicy(String... actions);
}
