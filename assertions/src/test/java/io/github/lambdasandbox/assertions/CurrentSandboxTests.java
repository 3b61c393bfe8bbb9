package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.queue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Static accessors outside a @LambdaSandbox test")
class CurrentSandboxTests {

	@Test
	void queueOutsideASandboxTestSaysWhatToDo() {
		assertThatThrownBy(() -> queue("S3-failure")).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("queue(\"S3-failure\") was called outside a @LambdaSandbox test")
				.hasMessageContaining("use the Sandbox parameter of the test instead");
	}
}
