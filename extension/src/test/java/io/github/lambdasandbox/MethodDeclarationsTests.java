package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Declarations on test methods add to the class's and replace those of the same name")
@LambdaSandbox
@LambdaFunction(name = "f", handler = Handlers.Hello.class, onSuccess = "sqs:class-done")
class MethodDeclarationsTests {

	@Test
	void aMethodWithoutDeclarationsGetsTheClasss(Sandbox sandbox) {
		sandbox.invokeAsync("f", "{}");
		sandbox.settle();

		assertThat(sandbox.queue("class-done").messages()).hasSize(1);
	}

	@Test
	@LambdaFunction(name = "f", handler = Handlers.Hello.class, onSuccess = "sqs:method-done")
	void aMethodDeclarationReplacesTheClasssOfTheSameName(Sandbox sandbox) {
		sandbox.invokeAsync("f", "{}");
		sandbox.settle();

		assertThat(sandbox.queue("method-done").messages()).hasSize(1);
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.queue("class-done"))
				.withMessageContaining("No queue \"class-done\"");
	}

	@Test
	@Queue(name = "extra")
	@LambdaFunction(name = "g", handler = Handlers.Hello.class)
	void aMethodDeclarationAddsToTheClasss(Sandbox sandbox) {
		assertThat(sandbox.queue("extra").messages()).isEmpty();
		assertThat(sandbox.functions()).extracting(FunctionHandle::name).containsExactly("f", "g");
	}

	@Test
	@LambdaSandbox(startTime = "2030-01-01T00:00:00Z")
	void aMethodMayStartTheClockElsewhere(Sandbox sandbox) {
		assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(sandbox.functions()).extracting(FunctionHandle::name).containsExactly("f");
	}

	@Nested
	@LambdaFunction(name = "f", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "sqs:nested-failed")
	class ANestedClass {

		@Test
		void replacesTheEnclosingClasssDeclarationOfTheSameName(Sandbox sandbox) {
			sandbox.invokeAsync("f", "{}");
			sandbox.settle();

			assertThat(sandbox.queue("nested-failed").messages()).hasSize(1);
		}
	}
}
