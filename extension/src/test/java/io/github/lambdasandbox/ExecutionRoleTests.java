package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import io.github.lambdasandbox.JournalEntry.DeliveryFailed;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A function's execution role ({@code @LambdaFunction(permissions)}): what Lambda checks of it when a dead-letter
 * queue, a destination or a mapping is declared, and what fails when it changes while the test runs.
 */
@DisplayName("Execution role permissions: declared, checked as Lambda checks them, changed at run time")
class ExecutionRoleTests {

	@LambdaFunction(name = "exact", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			deadLetterQueue = "sqs:dlq", permissions = { "logs:CreateLogStream", "sqs:SendMessage" })
	@LambdaFunction(name = "any-case", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			deadLetterQueue = "sqs:dlq", permissions = "SQS:sendmessage")
	@LambdaFunction(name = "prefix", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			deadLetterQueue = "sqs:dlq", permissions = "sqs:Send*")
	@LambdaFunction(name = "service", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			deadLetterQueue = "sns:dead-letters", permissions = "sns:*")
	@LambdaFunction(name = "single-char", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			onFailure = "s3:failed-events", permissions = { "s3:PutObjec?", "s3:ListBucket" })
	@LambdaFunction(name = "everything", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			onFailure = "lambda:exact", onSuccess = "events:bus", permissions = "*")
	@LambdaFunction(name = "nothing", handler = Handlers.Hello.class, permissions = {})
	static class Accepted {
	}

	@Nested
	@DisplayName("declared permissions")
	class Declared {

		@Test
		void aRoleThatMaySendToItsDeadLetterQueueGetsItsFailedEventsThere() {
			try (Sandbox sandbox = Sandbox.create(Accepted.class)) {
				for (String function : List.of("exact", "any-case", "prefix")) {
					sandbox.invokeAsync(function, "{\"from\": \"" + function + "\"}");
				}
				sandbox.invokeAsync("service", "{}");
				sandbox.invokeAsync("single-char", "{}");
				sandbox.settle();

				assertThat(sandbox.queue("dlq").messages()).extracting(SqsMessage::body).containsExactly(
						"{\"from\": \"exact\"}", "{\"from\": \"any-case\"}", "{\"from\": \"prefix\"}");
				assertThat(sandbox.topic("dead-letters").messages()).hasSize(1);
				assertThat(sandbox.bucket("failed-events").keys()).hasSize(1);
				assertThat(sandbox.journal().entries(DeliveryFailed.class)).isEmpty();
			}
		}

		@Test
		void theRoleShowsItsNameArnAndPermissionsAndDecidesAsIamDoes() {
			try (Sandbox sandbox = Sandbox.create(Accepted.class)) {
				ExecutionRole role = sandbox.function("prefix").executionRole();

				assertThat(role.roleName()).isEqualTo("prefix-role");
				assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/prefix-role");
				assertThat(role.permissions()).containsExactly("sqs:Send*");
				assertThat(role.allows("sqs:SendMessage")).isTrue();
				assertThat(role.allows("SQS:SENDMESSAGEBATCH")).isTrue();
				assertThat(role.allows("sqs:ReceiveMessage")).isFalse();
				assertThat(role.allows("sns:SendMessage")).isFalse();
				assertThat(sandbox.function("everything").executionRole().allows("dynamodb:PutItem")).isTrue();
				assertThat(sandbox.function("nothing").executionRole().permissions()).isEmpty();
				assertThat(sandbox.function("nothing").executionRole().allows("logs:CreateLogStream")).isFalse();
			}
		}

		@Test
		void withoutPermissionsTheRoleMayDoEverything() {
			try (Sandbox sandbox = Sandbox.create(RecursiveLoopTests.PingPong.class)) {
				ExecutionRole role = sandbox.function("ping").executionRole();

				assertThat(role.permissions()).containsExactly("*");
				assertThat(role.allows("lambda:InvokeFunction")).isTrue();
			}
		}

		@Test
		void aRoleThatMayDoNothingStillRunsItsHandler() {
			try (Sandbox sandbox = Sandbox.create(Accepted.class)) {
				assertThat(sandbox.invoke("nothing", "{}").functionError()).isNull();
			}
		}
	}

	@LambdaFunction(name = "failing", handler = Handlers.Boom.class, maximumRetryAttempts = 0,
			deadLetterQueue = "sqs:lambda-DLQ", onFailure = "lambda:audit",
			permissions = { "sqs:SendMessage", "lambda:InvokeFunction" })
	@LambdaFunction(name = "audit", handler = Handlers.Echo.class)
	@Queue(name = "spare")
	static class RunTime {
	}

	@Nested
	@DisplayName("permissions changed while the test runs (PutRolePolicy)")
	class ChangedAtRunTime {

		@Test
		void aDeadLetterTheRoleMayNoLongerSendIsLostAndCountedAsADeadLetterError() {
			try (Sandbox sandbox = Sandbox.create(RunTime.class)) {
				sandbox.function("failing").executionRole().putRolePolicy("lambda:InvokeFunction");
				String requestId = sandbox.invokeAsync("failing", "{\"n\": 1}").requestId();
				sandbox.settle();

				assertThat(sandbox.queue("lambda-DLQ").messages()).isEmpty();
				assertThat(sandbox.function("failing").metric("DeadLetterErrors")).isEqualTo(1);
				assertThat(sandbox.function("failing").metric("DestinationDeliveryFailures")).isZero();
				assertThat(sandbox.journal().entries(DeliveryFailed.class)).singleElement().satisfies(failed -> {
					assertThat(failed.requestId()).isEqualTo(requestId);
					assertThat(failed.deadLetter()).isTrue();
					assertThat(failed.resource()).isEqualTo("sqs:lambda-DLQ");
					assertThat(failed.reason()).isEqualTo("the execution role failing-role may not do sqs:SendMessage "
							+ "(AccessDenied)");
				});
				assertThat(sandbox.journal().timeline(requestId)).contains("event → dead-letter queue sqs:lambda-DLQ NOT "
						+ "delivered: the execution role failing-role may not do sqs:SendMessage (AccessDenied) (DeadLetterErrors)");
			}
		}

		@Test
		void aRecordTheRoleMayNoLongerSendIsLostAndCountedAsADestinationDeliveryFailure() {
			try (Sandbox sandbox = Sandbox.create(RunTime.class)) {
				sandbox.function("failing").executionRole().putRolePolicy("sqs:SendMessage");
				sandbox.invokeAsync("failing", "{}");
				sandbox.settle();

				assertThat(sandbox.function("audit").metric("Invocations")).isZero();
				assertThat(sandbox.function("failing").metric("DestinationDeliveryFailures")).isEqualTo(1);
				assertThat(sandbox.queue("lambda-DLQ").messages()).hasSize(1);
				assertThat(sandbox.journal().entries(DeliveryFailed.class)).extracting(DeliveryFailed::reason)
						.containsExactly("the execution role failing-role may not do lambda:InvokeFunction (AccessDenied)");
			}
		}

		@Test
		void givingThePermissionBackLetsTheNextEventThrough() {
			try (Sandbox sandbox = Sandbox.create(RunTime.class)) {
				ExecutionRole role = sandbox.function("failing").executionRole();
				role.putRolePolicy();
				sandbox.invokeAsync("failing", "{\"n\": 1}");
				sandbox.settle();
				role.putRolePolicy("sqs:*", "lambda:*");
				sandbox.invokeAsync("failing", "{\"n\": 2}");
				sandbox.settle();

				assertThat(role.permissions()).containsExactly("sqs:*", "lambda:*");
				assertThat(sandbox.queue("lambda-DLQ").messages()).extracting(SqsMessage::body).containsExactly("{\"n\": 2}");
				assertThat(sandbox.function("audit").metric("Invocations")).isEqualTo(1);
				assertThat(sandbox.function("failing").metric("DeadLetterErrors")).isEqualTo(1);
				assertThat(sandbox.function("failing").metric("DestinationDeliveryFailures")).isEqualTo(1);
			}
		}

		@Test
		void aNewDeadLetterQueueIsRefusedUntilTheRoleMaySendToIt() {
			try (Sandbox sandbox = Sandbox.create(RunTime.class)) {
				FunctionHandle audit = sandbox.function("audit");
				audit.executionRole().putRolePolicy("logs:*");

				LambdaServiceException refused = catchThrowableOfType(LambdaServiceException.class,
						() -> audit.updateDeadLetterConfig("sqs:spare"));
				assertThat(refused.statusCode()).isEqualTo(400);
				assertThat(refused.errorCode()).isEqualTo("InvalidParameterValueException");
				assertThat(refused).hasMessageStartingWith("The provided execution role does not have permissions to call "
						+ "SendMessage on SQS — ");
				assertThat(audit.deadLetterQueue()).isEmpty();

				audit.executionRole().putRolePolicy("logs:*", "sqs:SendMessage");
				audit.updateDeadLetterConfig("sqs:spare");
				assertThat(audit.deadLetterQueue()).contains("sqs:spare");
			}
		}

		@Test
		void aNewDestinationIsRefusedUntilTheRoleMaySendToIt() {
			try (Sandbox sandbox = Sandbox.create(RunTime.class)) {
				FunctionHandle audit = sandbox.function("audit");
				audit.executionRole().putRolePolicy("logs:*");

				LambdaServiceException refused = catchThrowableOfType(LambdaServiceException.class,
						() -> audit.putEventInvokeConfig(EventInvokeConfig.builder().onSuccess("sqs:spare").build()));
				assertThat(refused.errorCode()).isEqualTo("InvalidParameterValueException");
				assertThat(refused).hasMessageStartingWith("The function's execution role does not have permissions to call "
						+ "SendMessage on arn:aws:sqs:us-east-1:123456789012:spare — ");
				assertThat(audit.eventInvokeConfig()).isEmpty();
			}
		}
	}

	@LambdaFunction(name = "worker", handler = Handlers.Hello.class,
			permissions = { "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes" })
	@LambdaFunction(name = "clicker", handler = Handlers.Boom.class,
			permissions = { "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListShards",
					"sqs:SendMessage" })
	@Queue(name = "orders")
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "worker", source = "sqs:orders")
	@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRetryAttempts = 0,
			onFailure = "sqs:clicks-failed")
	static class Mappings {
	}

	@Nested
	@DisplayName("event source mappings")
	class EventSourceMappings {

		@Test
		void aQueueTheRoleMayNoLongerReceiveFromKeepsItsMessagesUntilThePermissionIsBack() {
			try (Sandbox sandbox = Sandbox.create(Mappings.class)) {
				ExecutionRole role = sandbox.function("worker").executionRole();
				role.putRolePolicy("sqs:DeleteMessage", "sqs:GetQueueAttributes");
				sandbox.queue("orders").sendMessage("{\"order\": 1}");
				sandbox.settle();

				assertThat(sandbox.function("worker").metric("Invocations")).isZero();
				assertThat(sandbox.queue("orders").approximateNumberOfMessages()).isEqualTo(1);

				role.putRolePolicy("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
				sandbox.settle();
				assertThat(sandbox.function("worker").metric("Invocations")).isEqualTo(1);
				assertThat(sandbox.queue("orders").messages()).isEmpty();
			}
		}

		@Test
		void aBatchTheRoleMayNotDeleteComesBackAfterItsVisibilityTimeout() {
			try (Sandbox sandbox = Sandbox.create(Mappings.class)) {
				sandbox.function("worker").executionRole().putRolePolicy("sqs:ReceiveMessage", "sqs:GetQueueAttributes");
				sandbox.queue("orders").sendMessage("{\"order\": 1}");
				sandbox.runUntil(() -> sandbox.function("worker").metric("Invocations") == 2, java.time.Duration.ofMinutes(1));

				assertThat(sandbox.function("worker").metric("Invocations")).isEqualTo(2);
				assertThat(sandbox.queue("orders").messages()).singleElement()
						.satisfies(message -> assertThat(message.approximateReceiveCount()).isEqualTo(2));
			}
		}

		@Test
		void aStreamsOnFailureRecordTheRoleMayNoLongerSendIsLostAndCounted() {
			try (Sandbox sandbox = Sandbox.create(Mappings.class)) {
				sandbox.function("clicker").executionRole().putRolePolicy("kinesis:*");
				sandbox.stream("clicks").putRecord("user-1", "click");
				sandbox.settle();

				assertThat(sandbox.queue("clicks-failed").messages()).isEmpty();
				assertThat(sandbox.function("clicker").metric("DestinationDeliveryFailures")).isEqualTo(1);
				assertThat(sandbox.journal().entries(DeliveryFailed.class)).singleElement()
						.satisfies(failed -> assertThat(failed.condition()).isEqualTo(Condition.RETRY_ATTEMPTS_EXHAUSTED));
			}
		}

		@Test
		void aStreamsOnFailureRecordReachesItsQueueWhileTheRoleMaySendToIt() {
			try (Sandbox sandbox = Sandbox.create(Mappings.class)) {
				sandbox.stream("clicks").putRecord("user-1", "click");
				sandbox.settle();

				assertThat(sandbox.queue("clicks-failed").messages()).singleElement().satisfies(message -> assertThat(
						Fixtures.parse(message.body()).at("/requestContext/condition").asText())
						.isEqualTo("RetryAttemptsExhausted"));
			}
		}
	}
}
