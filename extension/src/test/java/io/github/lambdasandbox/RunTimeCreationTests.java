package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Edit, deploy, test again: functions, queues, topics, buckets and buses created while the sandbox runs, as
 * CreateFunction, CreateQueue, CreateTopic, CreateBucket and CreateEventBus create them.
 */
@DisplayName("Creating functions, queues, topics, buckets and buses while the sandbox runs")
class RunTimeCreationTests {

	/** Creates the queue its event names, from handler code, and sends it a message. */
	public static class QueueMaker implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			Sandbox sandbox = LambdaSandboxExtension.currentSandbox("a handler");
			return sandbox.createQueue((String) event.get("queue")).sendMessage("made by " + context.getFunctionName());
		}
	}

	@LambdaFunction(name = "existing", handler = Handlers.Hello.class)
	@LambdaFunction(name = "maker", handler = QueueMaker.class)
	@LambdaSandbox(accountConcurrency = 150)
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void aFunctionCreatedWhileTheSandboxRunsCanBeInvokedAtOnce() {
		FunctionHandle created = sandbox.createFunction("orders", Handlers.Echo.class);

		InvokeResult result = sandbox.invoke("orders", "{\"id\": 1}");

		assertThat(created.name()).isEqualTo("orders");
		assertThat(result.payload()).isEqualTo("{\"id\":1}");
		assertThat(sandbox.functions()).extracting(FunctionHandle::name).containsExactly("existing", "maker", "orders");
	}

	@Test
	void aCreatedFunctionHasItsAttributesAndTheQueuesItsDestinationsName() {
		sandbox.createFunction(FunctionDefinition.builder("boom", Handlers.Boom.class).maximumRetryAttempts(0)
				.onFailure("sqs:new-failures").deadLetterQueue("sns:new-dlq").timeout(10).build());

		String requestId = sandbox.invokeAsync("boom", "{}").requestId();
		sandbox.settle();

		JsonNode record = Fixtures.parse(sandbox.queue("new-failures").messages().get(0).body());
		assertThat(record.at("/requestContext/requestId").asText()).isEqualTo(requestId);
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
		assertThat(sandbox.topic("new-dlq").messages()).hasSize(1);
		assertThat(sandbox.function("boom").eventInvokeConfig()).contains(new EventInvokeConfig(0, null, null,
				"arn:aws:sqs:us-east-1:123456789012:new-failures"));
	}

	@Test
	void aCreatedFunctionIsCheckedAsADeclarationIs() {
		Throwable error = catchThrowable(() -> sandbox.createFunction(FunctionDefinition.builder("slow", Handlers.Hello.class)
				.timeout(901).build()));

		assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessage("createFunction(name = \"slow\"): timeout = "
				+ "901 must be 1..900, as in AWS (Timeout, in seconds).");
		assertThat(catchThrowable(() -> sandbox.function("slow"))).isInstanceOf(LambdaServiceException.class);
	}

	@Test
	void aFunctionOfAnExistingNameIsRefusedAsLambdaRefusesIt() {
		Throwable error = catchThrowable(() -> sandbox.createFunction("existing", Handlers.Boom.class));

		assertThat(error).isInstanceOf(LambdaServiceException.class).hasMessage("Function already exist: existing. Deploy new "
				+ "code to it with function(\"existing\").updateCode(…), or give the new function another name.");
		assertThat(((LambdaServiceException) error).statusCode()).isEqualTo(409);
		assertThat(((LambdaServiceException) error).errorCode()).isEqualTo("ResourceConflictException");
		assertThat(sandbox.invoke("existing", "{}").functionError()).as("the function keeps its code").isNull();
	}

	@Test
	void aQueueCreatedWhileTheSandboxRunsCanBecomeADestination() {
		SqsQueue created = sandbox.createQueue("late-successes");
		sandbox.function("existing").putEventInvokeConfig(EventInvokeConfig.builder().onSuccess("sqs:late-successes").build());

		sandbox.invokeAsync("existing", "{}");
		sandbox.settle();

		assertThat(created.messages()).hasSize(1);
		assertThat(sandbox.createQueue("late-successes")).as("CreateQueue answers an existing queue with it").isSameAs(created);
	}

	@Test
	void topicsBucketsAndBusesCreatedWhileTheSandboxRunsReceiveRecords() {
		sandbox.createTopic("late-topic");
		sandbox.createBucket("late-bucket");
		sandbox.createEventBus("late-bus");
		sandbox.createFunction(FunctionDefinition.builder("boom", Handlers.Boom.class).maximumRetryAttempts(0).build());
		sandbox.function("existing").putEventInvokeConfig(EventInvokeConfig.builder().onSuccess("sns:late-topic")
				.onFailure("events:late-bus").build());
		sandbox.function("boom").putEventInvokeConfig(EventInvokeConfig.builder().maximumRetryAttempts(0)
				.onFailure("s3:late-bucket").build());

		sandbox.invokeAsync("existing", "{}");
		sandbox.invokeAsync("boom", "{}");
		sandbox.settle();

		assertThat(sandbox.topic("late-topic").messages()).hasSize(1);
		assertThat(sandbox.bucket("late-bucket").keys()).singleElement().asString().startsWith("aws/lambda/async/boom/");
		assertThat(sandbox.createTopic("late-topic")).isSameAs(sandbox.topic("late-topic"));
		assertThat(sandbox.createBucket("late-bucket")).isSameAs(sandbox.bucket("late-bucket"));
	}

	@Test
	void aBusThatExistsIsRefusedAsEventBridgeRefusesIt() {
		sandbox.createEventBus("orders");

		Throwable error = catchThrowable(() -> sandbox.createEventBus("orders"));

		assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessage("createEventBus(\"orders\"): EventBridge "
				+ "refuses it: \"Event bus orders already exists.\" (ResourceAlreadyExistsException). Use "
				+ "sandbox.eventBus(\"orders\").");
	}

	@Test
	void aHandlerCanCreateAQueueAndSendToItAtOnce() {
		InvokeResult result = sandbox.invoke("maker", "{\"queue\": \"made-at-run-time\"}");

		assertThat(result.functionError()).isNull();
		assertThat(sandbox.queue("made-at-run-time").messages()).singleElement().extracting(SqsMessage::body)
				.isEqualTo("made by maker");
	}

	@Test
	void aReservationOfACreatedFunctionCountsAgainstTheAccount() {
		sandbox.createFunction(FunctionDefinition.builder("reserved", Handlers.Hello.class).reservedConcurrency(30).build());

		Throwable error = catchThrowable(() -> sandbox.createFunction(FunctionDefinition.builder("greedy",
				Handlers.Hello.class).reservedConcurrency(30).build()));

		assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessage("createFunction(name = \"greedy\"): "
				+ "reservedConcurrency = 30 is refused, as AWS refuses it: \"Specified ReservedConcurrentExecutions for function "
				+ "decreases account's UnreservedConcurrentExecution below its minimum value of [100].\" The account's "
				+ "concurrency is 150, of which 100 must stay unreserved and 30 is reserved: reserve at most 20.");
		assertThat(sandbox.invoke("reserved", "{}").statusCode()).isEqualTo(200);
	}
}
