package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import io.github.lambdasandbox.ExecutionRole;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.FailingDemoLambdaHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab (seed 002, step 3.2): the dead-letter queue cannot be saved until the execution role may send to it.
 *
 * <p>The console created {@code demo-lambda} with an execution role that may only write CloudWatch Logs (the policy
 * {@code AWSLambdaBasicExecutionRole}). Saving the SQS queue {@code lambda-DLQ} as its dead-letter queue fails: Lambda
 * checks that the role may {@code sqs:SendMessage}. The lab attaches {@code AmazonSQSFullAccess} ({@code sqs:*}) to the
 * role and saves again; in production, {@code sqs:SendMessage} alone is enough. Then the failing function is invoked
 * asynchronously, and after its 3 attempts the event lands in {@code lambda-DLQ} with the error as attributes.
 */
@LambdaSandbox
@LambdaFunction(name = "demo-lambda", handler = FailingDemoLambdaHandler.class, maximumRetryAttempts = 2,
		permissions = { "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents" }) // AWSLambdaBasicExecutionRole
@Queue(name = "lambda-DLQ")
@DisplayName("Lab: the dead-letter queue needs the execution role's permission to send to it")
@Order(2)
class DeadLetterQueuePermissionLab {

	/** What {@code aws lambda invoke --payload '{"key1": "value1"}'} sends. */
	static final String EVENT = """
			{"key1": "value1"}""";

	/** What AWSLambdaBasicExecutionRole allows. */
	static final String[] LOGS = { "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents" };

	@Test
	@Order(1)
	@DisplayName("saving lambda-DLQ fails: the execution role may not sqs:SendMessage")
	void savingTheDeadLetterQueueFailsWithoutThePermission(Sandbox sandbox) {
		FunctionHandle demo = sandbox.function("demo-lambda");

		LambdaServiceException refused = catchThrowableOfType(LambdaServiceException.class,
				() -> demo.updateDeadLetterConfig("sqs:lambda-DLQ"));

		assertThat(refused.errorCode()).isEqualTo("InvalidParameterValueException");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.getMessage()).startsWith("The provided execution role does not have permissions to call "
				+ "SendMessage on SQS");
		assertThat(demo.deadLetterQueue()).isEmpty();   // nothing was saved
		assertThat(demo.executionRole().allows("sqs:SendMessage")).isFalse();
	}

	@Test
	@Order(2)
	@DisplayName("attach AmazonSQSFullAccess (sqs:*) to the role, and saving works")
	void withTheSqsPermissionTheDeadLetterQueueIsSaved(Sandbox sandbox) {
		FunctionHandle demo = sandbox.function("demo-lambda");
		ExecutionRole role = demo.executionRole();
		assertThat(role.roleName()).isEqualTo("demo-lambda-role");

		role.putRolePolicy("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "sqs:*");
		demo.updateDeadLetterConfig("sqs:lambda-DLQ");

		assertThat(role.allows("sqs:SendMessage")).isTrue();
		assertThat(demo.deadLetterQueue()).contains("sqs:lambda-DLQ");
	}

	/** Step 2 again: AmazonSQSFullAccess attached, lambda-DLQ saved. */
	private static FunctionHandle withTheDeadLetterQueueSaved(Sandbox sandbox) {
		FunctionHandle demo = sandbox.function("demo-lambda");
		demo.executionRole().putRolePolicy("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "sqs:*");
		demo.updateDeadLetterConfig("sqs:lambda-DLQ");
		return demo;
	}

	@Test
	@Order(3)
	@DisplayName("after the last retry the failed event lands in lambda-DLQ with RequestID, ErrorCode and ErrorMessage")
	void theFailedEventReachesTheDeadLetterQueue(Sandbox sandbox) {
		withTheDeadLetterQueueSaved(sandbox);

		String requestId = sandbox.invokeAsync("demo-lambda", EVENT).requestId();

		assertThat(queue("lambda-DLQ")).receivesMessage()
				.withBody("""
						{"key1": "value1"}""")
				.withAttribute("RequestID", requestId)
				.withAttribute("ErrorCode", "200")
				.withAttribute("ErrorMessage", "Something went wrong!");
		assertThat(function("demo-lambda").metric("Invocations")).isEqualTo(3);   // the first attempt and 2 retries
		assertThat(function("demo-lambda").metric("DeadLetterErrors")).isZero();
	}

	@Test
	@Order(4)
	@DisplayName("if the permission is taken away again, the next failed event is lost: DeadLetterErrors counts it")
	void withoutThePermissionTheDeadLetterIsLostAndCounted(Sandbox sandbox) {
		FunctionHandle demo = withTheDeadLetterQueueSaved(sandbox);
		demo.executionRole().putRolePolicy(LOGS);    // someone detaches AmazonSQSFullAccess

		sandbox.invokeAsync("demo-lambda", EVENT);

		assertThat(queue("lambda-DLQ")).receivesNoMessage();
		assertThat(function("demo-lambda").metric("DeadLetterErrors")).isEqualTo(1);
		assertThat(sandbox.timeline()).contains("NOT delivered: the execution role demo-lambda-role may not do "
				+ "sqs:SendMessage (AccessDenied) (DeadLetterErrors)");
	}

	/** The same function declared with its dead-letter queue, but a role that may only write logs. */
	@LambdaFunction(name = "demo-lambda", handler = FailingDemoLambdaHandler.class, deadLetterQueue = "sqs:lambda-DLQ",
			permissions = { "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents" })
	static class DeclaredWithoutTheSqsPermission {
	}

	@Nested
	@DisplayName("the same in the declaration")
	@Order(5)
	class InTheDeclaration {

		@Test
		@Order(1)
		@DisplayName("a dead-letter queue the role cannot send to is refused before the test runs, with the fix")
		void theDeclarationIsRefusedWithAwsMessageAndTheFix() {
			Throwable refused = catchThrowable(() -> Sandbox.create(DeclaredWithoutTheSqsPermission.class).close());

			assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessage("@LambdaFunction(name = "
					+ "\"demo-lambda\") on DeclaredWithoutTheSqsPermission: deadLetterQueue = \"sqs:lambda-DLQ\": AWS refuses "
					+ "it: \"The provided execution role does not have permissions to call SendMessage on SQS\" Add "
					+ "{\"sqs:SendMessage\"} to permissions (now {\"logs:CreateLogGroup\", \"logs:CreateLogStream\", "
					+ "\"logs:PutLogEvents\"}), or leave permissions out: the role may then do everything.");
		}

		@Test
		@Order(2)
		@LambdaFunction(name = "demo-lambda", handler = FailingDemoLambdaHandler.class, deadLetterQueue = "sqs:lambda-DLQ",
				permissions = { "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage" })
		@DisplayName("with sqs:SendMessage declared (least privilege), the failed event reaches lambda-DLQ")
		void withTheLeastPermissionDeclaredTheEventReachesTheDeadLetterQueue(Sandbox sandbox) {
			String requestId = sandbox.invokeAsync("demo-lambda", EVENT).requestId();

			assertThat(queue("lambda-DLQ")).receivesMessage()
					.withAttribute("RequestID", requestId)
					.withAttribute("ErrorMessage", "Something went wrong!");
		}
	}
}
