package io.github.lambdasandbox.internal.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.github.lambdasandbox.internal.bytecode.fixtures.CountingHandler;
import io.github.lambdasandbox.internal.bytecode.fixtures.TimeCalls;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.MethodCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Isolated execution environments: user classes loaded anew per environment, rewritten as they are defined. The
 * agent rewrites the tests' code source meanwhile, to show that it leaves the environments' classes alone.
 */
@Isolated("undoes the rewriting of the test classes (HandlerCode.reset()), which every other sandbox test relies on")
@DisplayName("An execution environment's class loader: fresh user classes, shared Lambda interfaces")
class EnvironmentClassLoaderTests {

	private final ManualClock clock = new ManualClock();

	@BeforeAll
	static void theAgentRewritesTheTestsCodeSourceToo() {
		HandlerCode.instrument(CountingHandler.class, Set.of());
	}

	@AfterAll
	static void giveTheTestClassesTheirCodeBack() {
		HandlerCode.reset();
	}

	@Test
	void eachEnvironmentHasFreshStaticStateOfTheHandler() throws Exception {
		int parentCalls = CountingHandler.calls();
		RequestHandler<Map<String, Object>, Map<String, Object>> first = newHandler(environment());
		RequestHandler<Map<String, Object>, Map<String, Object>> second = newHandler(environment());

		assertThat(first.handleRequest(Map.of(), null)).containsEntry("calls", 1);
		assertThat(first.handleRequest(Map.of(), null)).containsEntry("calls", 2);
		assertThat(second.handleRequest(Map.of(), null)).containsEntry("calls", 1);
		assertThat(first.getClass()).isNotSameAs(second.getClass()).isNotSameAs(CountingHandler.class);
		assertThat(CountingHandler.calls()).isEqualTo(parentCalls);
	}

	@Test
	void theLambdaInterfacesEventsAndTheSandboxAreSharedWithTheParent() throws Exception {
		EnvironmentClassLoader environment = environment();
		Class<?> handler = environment.loadHandler(CountingHandler.class.getName());

		assertThat(handler.getClassLoader()).isSameAs(environment);
		assertThat(handler.getInterfaces()).containsExactly(RequestHandler.class);
		assertThat(environment.loadClass(RequestHandler.class.getName())).isSameAs(RequestHandler.class);
		assertThat(environment.loadClass(Context.class.getName())).isSameAs(Context.class);
		assertThat(environment.loadClass(SQSEvent.class.getName())).isSameAs(SQSEvent.class);
		assertThat(environment.loadClass(HandlerTime.class.getName())).isSameAs(HandlerTime.class);
		assertThat(environment.loadClass(Map.class.getName())).isSameAs(Map.class);
		assertThat(handler.getPackageName()).isEqualTo(CountingHandler.class.getPackageName());
		assertThat(UserCode.locationOf(handler)).isEqualTo(UserCode.locationOf(CountingHandler.class));
	}

	@Test
	void theClassesOfAnEnvironmentAreRewrittenAsTheyAreDefined() throws Exception {
		EnvironmentClassLoader environment = environment();
		Class<?> handler = environment.loadHandler(CountingHandler.class.getName());

		// initialised, and called, on a handler's thread
		Object instance = clock.callAsHandler(() -> handler.getConstructor().newInstance());
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = clock.callAsHandler(
				() -> ((RequestHandler<Map<String, Object>, Map<String, Object>>) instance).handleRequest(Map.of(), null));

		assertThat(environment.rewrites()).isTrue();
		assertThat(handler.getMethod("initialised").invoke(null)).isEqualTo(ManualClock.START);
		assertThat(answer).containsEntry("now", ManualClock.START.toString());
	}

	@Test
	void classesTheHandlerUsesAreLoadedAnewAndRewrittenToo() throws Exception {
		EnvironmentClassLoader environment = environment();
		Class<?> calls = environment.loadHandler(TimeCalls.class.getName());

		Date stamp = clock.callAsHandler(() -> (Date) calls.getMethod("newDateSubclass").invoke(null));

		assertThat(stamp).isEqualTo(Date.from(ManualClock.START));
		assertThat(stamp.getClass().getClassLoader()).isSameAs(environment);
	}

	@Test
	void anEnvironmentThatDoesNotRewriteLeavesTheSystemClockEvenWithTheAgentAttached() throws Exception {
		assertThat(HandlerCode.instrumented().includes(CountingHandler.class)).isTrue();
		EnvironmentClassLoader environment = new EnvironmentClassLoader(UserCode.of(CountingHandler.class),
				CountingHandler.class.getClassLoader(), false);
		Class<?> handler = environment.loadHandler(CountingHandler.class.getName());

		Instant before = Instant.now();
		clock.callAsHandler(() -> handler.getConstructor().newInstance());
		Instant after = Instant.now();

		assertThat((Instant) handler.getMethod("initialised").invoke(null)).isBetween(before, after);
	}

	@Test
	void theSameEnvironmentGivesTheSameClass() throws Exception {
		EnvironmentClassLoader environment = environment();

		assertThat(environment.loadHandler(CountingHandler.class.getName()))
				.isSameAs(environment.loadHandler(CountingHandler.class.getName()));
	}

	@Test
	void onlyUserCodeCanBeLoadedAsAHandler() {
		EnvironmentClassLoader environment = environment();

		assertThatIllegalArgumentException().isThrownBy(() -> environment.loadHandler(RequestHandler.class.getName()))
				.withMessageContaining("is not user code");
		assertThatIllegalArgumentException().isThrownBy(() -> environment.loadHandler(String.class.getName()));
		assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> environment.loadHandler("com.acme.Missing"));
		assertThatIllegalArgumentException().isThrownBy(() -> EnvironmentClassLoader.forHandler(String.class, Set.of()))
				.withMessageContaining("is not user code");
	}

	@Test
	void aHandlerFromAJarIsLoadedAnewFromTheJar(@TempDir Path dir) throws Exception {
		File jar = dir.resolve("handlers.jar").toFile();
		new ByteBuddy().subclass(Object.class)
				.name("com.acme.handlers.Jarred")
				.defineMethod("millis", long.class, Visibility.PUBLIC, Ownership.STATIC)
				.intercept(MethodCall.invoke(System.class.getMethod("currentTimeMillis")))
				.make()
				.toJar(jar);
		try (URLClassLoader parent = new URLClassLoader(new URL[] { jar.toURI().toURL() }, getClass().getClassLoader())) {
			Class<?> original = parent.loadClass("com.acme.handlers.Jarred");
			EnvironmentClassLoader environment = EnvironmentClassLoader.forHandler(original, Set.of());
			Class<?> anew = environment.loadHandler(original.getName());

			assertThat(anew).isNotSameAs(original);
			assertThat(UserCode.locationOf(anew)).isEqualTo(jar.toURI().toURL().toExternalForm());
			assertThat(clock.callAsHandler(() -> anew.getMethod("millis").invoke(null))).isEqualTo(ManualClock.START.toEpochMilli());
		}
	}

	@Test
	void modeOffLoadsAnewWithoutRewriting() {
		String before = System.getProperty(HandlerCode.MODE_PROPERTY);
		System.setProperty(HandlerCode.MODE_PROPERTY, "off");
		try {
			assertThat(environment().rewrites()).isFalse();
		}
		finally {
			if (before == null) {
				System.clearProperty(HandlerCode.MODE_PROPERTY);
			}
			else {
				System.setProperty(HandlerCode.MODE_PROPERTY, before);
			}
		}
	}

	private static EnvironmentClassLoader environment() {
		return EnvironmentClassLoader.forHandler(CountingHandler.class, Set.of());
	}

	@SuppressWarnings("unchecked")
	private static RequestHandler<Map<String, Object>, Map<String, Object>> newHandler(EnvironmentClassLoader environment)
			throws ReflectiveOperationException {
		return (RequestHandler<Map<String, Object>, Map<String, Object>>) environment
				.loadHandler(CountingHandler.class.getName()).getConstructor().newInstance();
	}
}
