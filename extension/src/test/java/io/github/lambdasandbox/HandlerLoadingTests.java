package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.JournalEntry.AttemptStarted;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Handlers are loaded as the Java runtime (aws-lambda-java-runtime-interface-client) loads them: what it cannot
 * load is accepted when declared and fails every invocation with the runtime's own error, as in AWS.
 */
@DisplayName("Handler loading as the Java runtime does it")
class HandlerLoadingTests {

	public static class Order {

		public String id;
	}

	/** The user's own interface, no type parameters of its own: the runtime finds RequestHandler's. */
	public interface OrderHandler extends RequestHandler<Order, String> {
	}

	public static class ThroughOwnInterface implements OrderHandler {

		@Override
		public String handleRequest(Order order, Context context) {
			return "order " + order.id;
		}
	}

	public abstract static class Base<I, O> implements RequestHandler<I, O> {
	}

	public abstract static class Middle<I> extends Base<I, Integer> {
	}

	/** The input and output types are two superclasses up. */
	public static class TwoLevelsUp extends Middle<Map<String, Object>> {

		@Override
		public Integer handleRequest(Map<String, Object> event, Context context) {
			return event.size();
		}
	}

	/** A user interface with a type parameter of its own: the runtime takes ITS arguments (one), not RequestHandler's. */
	public interface Typed<X> extends RequestHandler<X, String> {
	}

	public static class ThroughGenericInterface implements Typed<Order> {

		@Override
		public String handleRequest(Order order, Context context) {
			return order.id;
		}
	}

	@SuppressWarnings("rawtypes")
	public static class Raw implements RequestHandler {

		@Override
		public Object handleRequest(Object input, Context context) {
			return "raw";
		}
	}

	public static class Unbound<I, O> implements RequestHandler<I, O> {

		@Override
		public O handleRequest(I input, Context context) {
			return null;
		}
	}

	public static class PrivateConstructor implements RequestHandler<Map<String, Object>, String> {

		private PrivateConstructor() {
		}

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "unreachable";
		}
	}

	static class PackagePrivate implements RequestHandler<Map<String, Object>, String> {

		public PackagePrivate() {
		}

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "unreachable";
		}
	}

	public class Inner implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "unreachable";
		}
	}

	public abstract static class Abstract implements RequestHandler<Map<String, Object>, String> {
	}

	public static class FailingConstructor implements RequestHandler<Map<String, Object>, String> {

		public FailingConstructor() {
			throw new IllegalStateException("no configuration");
		}

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "unreachable";
		}
	}

	@LambdaFunction(name = "own-interface", handler = ThroughOwnInterface.class)
	@LambdaFunction(name = "two-levels-up", handler = TwoLevelsUp.class)
	@LambdaFunction(name = "generic-interface", handler = ThroughGenericInterface.class)
	@LambdaFunction(name = "raw", handler = Raw.class)
	@LambdaFunction(name = "unbound", handler = Unbound.class)
	@LambdaFunction(name = "private-constructor", handler = PrivateConstructor.class)
	@LambdaFunction(name = "package-private", handler = PackagePrivate.class)
	@LambdaFunction(name = "inner", handler = Inner.class)
	@LambdaFunction(name = "abstract", handler = Abstract.class)
	@LambdaFunction(name = "failing-constructor", handler = FailingConstructor.class)
	@LambdaFunction(name = "not-a-handler", handler = String.class)
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void inputTypesDeclaredThroughTheUsersOwnInterfaceAreFound() {
		assertThat(sandbox.invoke("own-interface", "{\"id\": \"A-1\"}").payload()).isEqualTo("\"order A-1\"");
	}

	@Test
	void inputTypesTwoSuperclassesUpAreFound() {
		assertThat(sandbox.invoke("two-levels-up", "{\"a\": 1, \"b\": 2}").payload()).isEqualTo("2");
	}

	@Test
	void aUserInterfaceWithTypeParametersOfItsOwnMisleadsTheRuntimeAsInAws() {
		assertFault("generic-interface", "{\"errorMessage\":\"Invalid class signature for RequestHandler. Expected two generic "
				+ "types, got 1\"}");
	}

	@Test
	void aRawRequestHandlerIsRefusedAtEveryInvocation() {
		assertFault("raw", "{\"errorMessage\":\"Class " + Raw.class.getName()
				+ " does not implement RequestHandler with concrete type parameters\"}");
	}

	@Test
	void typeParametersWithoutBoundsAreRefused() {
		assertFault("unbound", "{\"errorMessage\":\"Class " + Unbound.class.getName()
				+ " does not implement RequestHandler with concrete type parameters: parameter I has no upper bound.\"}");
	}

	@Test
	void aPrivateConstructorIsNoPublicZeroArgumentConstructor() {
		assertFault("private-constructor", "{\"errorMessage\":\"Class " + PrivateConstructor.class.getName()
				+ " has no public zero-argument constructor\",\"errorType\":\"java.lang.Exception\"}");
		assertThat(sandbox.function("private-constructor").logs()).anySatisfy(line -> assertThat(line).startsWith("Class "
				+ PrivateConstructor.class.getName() + " has no public zero-argument constructor: java.lang.Exception\n"
				+ "java.lang.Exception: Class " + PrivateConstructor.class.getName() + " has no public zero-argument constructor\n"
				+ "Caused by: java.lang.NoSuchMethodException: " + PrivateConstructor.class.getName() + ".<init>()\n"
				+ "\tat java.base/java.lang.Class.getConstructor0("));
	}

	@Test
	void aPackagePrivateClassCannotBeAccessedByTheRuntime() {
		assertFault("package-private", "{\"errorMessage\":\"class com.amazonaws.services.lambda.runtime.api.client."
				+ "EventHandlerLoader cannot access a member of class " + PackagePrivate.class.getName()
				+ " with modifiers \\\"public\\\"\",\"errorType\":\"java.lang.IllegalAccessException\"}");
	}

	@Test
	void anInnerClassCannotBeInstantiated() {
		assertFault("inner", "{\"errorMessage\":\"Class " + Inner.class.getName() + " cannot be instantiated because it is a "
				+ "non-static inner class\",\"errorType\":\"java.lang.Exception\"}");
	}

	@Test
	void anAbstractClassGivesTheInstantiationExceptionOfReflection() {
		assertFault("abstract", "{\"errorMessage\":\"java.lang.InstantiationException\",\"errorType\":"
				+ "\"java.lang.InstantiationException\"}");
	}

	@Test
	void aClassThatIsNoHandlerIsRefusedWithoutAnErrorType() {
		assertFault("not-a-handler", "{\"errorMessage\":\"Class does not implement an appropriate handler interface: "
				+ "java.lang.String\"}");
		assertThat(sandbox.function("not-a-handler").logs())
				.contains("Class does not implement an appropriate handler interface: java.lang.String");
	}

	@Test
	void aConstructorThatThrowsEndsTheEnvironmentSoTheNextInvocationStartsColdAgain() {
		assertFault("failing-constructor", "{\"errorMessage\":\"no configuration\",\"errorType\":"
				+ "\"java.lang.IllegalStateException\"}");
		sandbox.invoke("failing-constructor", "{}");

		List<AttemptStarted> started = sandbox.journal().entries(AttemptStarted.class);
		assertThat(started).hasSize(2).allMatch(AttemptStarted::coldStart);
		assertThat(sandbox.function("failing-constructor").lastError()).get().isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aHandlerTheRuntimeCannotLoadFailsEveryAsynchronousAttemptToo() {
		sandbox.invokeAsync("package-private", "{}");
		sandbox.settle();

		assertThat(sandbox.function("package-private").metric("Errors")).isEqualTo(3);
		assertThat(sandbox.function("package-private").metric("AsyncEventsDropped")).isEqualTo(1);
	}

	private void assertFault(String function, String expectedPayload) {
		InvokeResult result = sandbox.invoke(function, "{\"id\": \"A-1\"}");

		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.functionError()).isEqualTo("Unhandled");
		JsonNode payload = Fixtures.parse(result.payload());
		assertThat(payload).isEqualTo(Fixtures.parse(expectedPayload));
		assertThat(result.payload()).as("the key order of the runtime's payload").isEqualTo(payload.toString());
	}
}
