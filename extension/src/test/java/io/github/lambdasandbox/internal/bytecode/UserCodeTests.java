package io.github.lambdasandbox.internal.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URL;
import java.util.List;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.bytecode.fixtures.CountingHandler;
import io.github.lambdasandbox.internal.bytecode.fixtures.TimeCalls;
import io.github.lambdasandbox.internal.engine.VirtualTime;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The line between user code and the rest")
class UserCodeTests {

	private static final String TEST_CLASSES = UserCode.locationOf(TimeCalls.class);

	@Test
	void userCodeIsWhatComesFromTheHandlersCodeSource() {
		UserCode code = UserCode.of(CountingHandler.class);

		assertThat(code.codeSources()).containsExactly(TEST_CLASSES);
		assertThat(TEST_CLASSES).startsWith("file:").endsWith("/target/test-classes/");
		assertThat(code.includes(TimeCalls.class)).isTrue();
		assertThat(code.includes(UserCodeTests.class)).isTrue();
		assertThat(code.includes("com.acme.Anything", TEST_CLASSES)).isTrue();
	}

	@Test
	void librariesTheJdkAndTheSandboxAreNotUserCode() {
		UserCode code = UserCode.of(CountingHandler.class);

		assertThat(code.includes(String.class)).isFalse();
		assertThat(code.includes(RequestHandler.class)).isFalse();
		assertThat(code.includes(ObjectMapper.class)).isFalse();
		assertThat(code.includes(ByteBuddy.class)).isFalse();
		assertThat(code.includes(Sandbox.class)).isFalse();
		assertThat(code.includes(HandlerTime.class)).isFalse();
		assertThat(code.includes(Test.class)).isFalse();
		assertThat(code.includes(org.assertj.core.api.Assertions.class)).isFalse();
	}

	@Test
	void neverPackagesAreNotUserCodeEvenInTheHandlersCodeSource() {
		UserCode code = UserCode.of(CountingHandler.class);

		for (String prefix : UserCode.NEVER) {
			assertThat(code.includes(prefix + "Shaded", TEST_CLASSES)).as(prefix).isFalse();
		}
		assertThat(UserCode.NEVER).contains("java.", "javax.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.",
				"com.amazonaws.services.lambda.runtime.", "software.amazon.awssdk.", "org.junit.", "org.assertj.",
				"com.fasterxml.");
	}

	@Test
	void theSandboxsEngineAndRewriteTargetsAreNeverUserCodeWhereverTheyComeFrom() {
		UserCode code = UserCode.of(CountingHandler.class);

		assertThat(code.includes(VirtualTime.class.getName(), TEST_CLASSES)).isFalse();
		assertThat(code.includes(HandlerTime.class.getName(), TEST_CLASSES)).isFalse();
		assertThat(code.includes(HandlerTime.class.getName() + "$HandlerClock", TEST_CLASSES)).isFalse();
		assertThat(code.includes(ProcessExit.class.getName(), TEST_CLASSES)).isFalse();
		// the sandbox's own package by name is not excluded: this project's samples and tests live there
		assertThat(code.includes(HandlerTime.class.getName() + "Tests", TEST_CLASSES)).isTrue();
		assertThat(code.includes("io.github.lambdasandbox.samples.handlers.DemoLambdaHandler", TEST_CLASSES)).isTrue();
		assertThat(code.includes("com.acme.Anything", UserCode.sandboxLocation())).isFalse();
	}

	@Test
	void aHandlerWithoutCodeSourceOrOfTheJdkHasNoUserCode() {
		assertThat(UserCode.of(String.class).isEmpty()).isTrue();
		assertThat(UserCode.of(RequestHandler.class).isEmpty()).isTrue();
		assertThat(UserCode.of(Sandbox.class).isEmpty()).isTrue();
	}

	@Test
	void extraPackagesWidenUserCodeToTheirClassesWhereverTheyComeFrom() {
		UserCode code = UserCode.of(CountingHandler.class).withPackages(Set.of("com.acme.pricing", "org.example."));

		assertThat(code.packages()).containsExactlyInAnyOrder("com.acme.pricing.", "org.example.");
		assertThat(code.includes("com.acme.pricing.Rates", "file:/lib/pricing.jar")).isTrue();
		assertThat(code.includes("com.acme.pricing.sub.Rates", null)).isTrue();
		assertThat(code.includes("com.acme.pricingextra.Rates", "file:/lib/pricing.jar")).isFalse();
		assertThat(code.includes("com.acme.Other", "file:/lib/pricing.jar")).isFalse();
		assertThat(code.includes("org.example.Thing", "jrt:/java.base")).isFalse();
	}

	@Test
	void extraCodeSourcesWidenUserCodeToEverythingInThem() throws Exception {
		URL jar = new URL("file:/work/lib/shared-model.jar");
		UserCode code = UserCode.of(CountingHandler.class).withCodeSource(jar);

		assertThat(code.includes("com.acme.Model", "file:/work/lib/shared-model.jar")).isTrue();
		assertThat(code.includes("com.acme.Model", "file:/work/lib/other.jar")).isFalse();
		assertThat(UserCode.none().withCodeSourceOf(CountingHandler.class)).isEqualTo(UserCode.of(CountingHandler.class));
	}

	@Test
	void aPackageThatIsNeverUserCodeCannotBeNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> UserCode.none().withPackages(List.of("java.time")))
				.withMessageStartingWith("Package java.time is never user code");
		assertThatIllegalArgumentException().isThrownBy(() -> UserCode.none().withPackages(List.of("software.amazon.awssdk")));
		assertThatIllegalArgumentException().isThrownBy(() -> UserCode.none().withPackages(List.of("com..acme")))
				.withMessage("Not a package name: \"com..acme\".");
	}

	@Test
	void aUnionCoversBothAndAddingWhatIsThereChangesNothing() {
		UserCode handler = UserCode.of(CountingHandler.class);
		UserCode pricing = UserCode.none().withPackages(Set.of("com.acme.pricing"));
		UserCode both = handler.union(pricing);

		assertThat(both.covers(handler)).isTrue();
		assertThat(both.covers(pricing)).isTrue();
		assertThat(handler.covers(both)).isFalse();
		assertThat(both.union(handler)).isSameAs(both);
		assertThat(both.withPackages(Set.of("com.acme.pricing."))).isSameAs(both);
		assertThat(handler.withCodeSourceOf(TimeCalls.class)).isSameAs(handler);
		assertThat(UserCode.none().covers(UserCode.none())).isTrue();
	}

	@Test
	void aLocationIsTheClassPathEntryOfAClassFile() throws Exception {
		assertThat(EnvironmentClassLoader.locationOf(new URL("jar:file:/m2/acme/pricing-1.0.jar!/com/acme/Rates.class"),
				"com.acme.Rates")).isEqualTo("file:/m2/acme/pricing-1.0.jar");
		assertThat(EnvironmentClassLoader.locationOf(new URL("file:/work/target/classes/com/acme/Rates$1.class"),
				"com.acme.Rates$1")).isEqualTo("file:/work/target/classes/");
		assertThat(EnvironmentClassLoader.locationOf(TimeCalls.class.getResource("TimeCalls.class"), TimeCalls.class.getName()))
				.isEqualTo(TEST_CLASSES);
	}
}
