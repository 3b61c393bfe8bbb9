package io.github.lambdasandbox.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.CurrentSandbox;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.config.InvalidConfigurationException;
import io.github.lambdasandbox.internal.config.SandboxConfig;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * The JUnit Jupiter extension behind {@link io.github.lambdasandbox.LambdaSandbox @LambdaSandbox}. Registered by
 * the annotations; not meant to be used directly.
 *
 * <p>Before each test it builds a fresh sandbox from the class's declarations (validated once per class),
 * binds it to the test's thread for the static accessors, and resolves {@link Sandbox} parameters. After
 * each test it writes the timeline to the test report (bounded; the whole journal stays in
 * {@code sandbox.journal()}), reports work still to come, checks that every event is accounted for, unbinds and
 * closes the sandbox.
 *
 * @since 0.1
 */
public final class LambdaSandboxExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(LambdaSandboxExtension.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		CurrentSandbox.bind(sandboxOf(context));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		SandboxEngine sandbox = context.getStore(NAMESPACE).remove(SandboxEngine.class, SandboxEngine.class);
		CurrentSandbox.unbind();
		if (sandbox == null) {
			return;
		}
		// a test that failed already keeps its own failure: what the sandbox finds after it is the lesser news
		boolean failed = context.getExecutionException().isPresent();
		List<Throwable> problems = new ArrayList<>();
		try {
			String timeline = sandbox.finalTimeline();
			if (timeline != null) {
				context.publishReportEntry("lambda-sandbox timeline", timeline);
			}
			String pending = sandbox.finalPending();
			if (pending != null) {
				context.publishReportEntry("lambda-sandbox pending work", "The test ended with work still to come: " + pending
						+ ". Advance or resume the clock to see it happen, or set @LambdaSandbox(failOnPendingWork = true) to "
						+ "fail such tests.");
				if (sandbox.config().failOnPendingWork()) {
					problems.add(new AssertionFailedError("The test ended with work still to come: " + pending + ". "
							+ "Let it happen (clock().advance(…), clock().resume(), settle()) before the test ends, or drop "
							+ "@LambdaSandbox(failOnPendingWork = true)."));
				}
			}
			String lost = sandbox.accountingProblems();
			if (lost != null) {
				problems.add(new AssertionFailedError("lambda-sandbox lost track of these events: they neither succeeded, nor "
						+ "failed into a destination, a dead-letter queue or a counted drop, nor are still to come. This is a bug "
						+ "of lambda-sandbox; please report it with these timelines:\n" + lost));
			}
		}
		finally {
			try {
				sandbox.close();
			}
			catch (IllegalStateException e) {
				problems.add(e);
			}
		}
		if (!failed && !problems.isEmpty()) {
			if (problems.size() == 1) {
				rethrow(problems.get(0));
			}
			throw new MultipleFailuresError("lambda-sandbox found " + problems.size() + " problems after the test", problems);
		}
	}

	private static void rethrow(Throwable problem) {
		if (problem instanceof RuntimeException runtime) {
			throw runtime;
		}
		throw (Error) problem;
	}

	/**
	 * The sandbox of the {@code @LambdaSandbox} test running on the current thread, for static accessors such as
	 * {@code LambdaSandboxAssertions.queue("…")}.
	 *
	 * @param accessor what the caller calls, for the message: {@code queue("S3-failure")}
	 * @throws IllegalStateException if no sandbox test runs on this thread, saying what to do instead
	 */
	public static Sandbox currentSandbox(String accessor) {
		return CurrentSandbox.get(accessor);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Sandbox.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		if (parameterContext.getDeclaringExecutable() instanceof Constructor<?> || extensionContext.getTestMethod().isEmpty()) {
			throw new ParameterResolutionException("A Sandbox lives for one test: declare it as a parameter of the test "
					+ "method, or of a @BeforeEach or @AfterEach method, not of " + parameterContext.getDeclaringExecutable()
					+ ".");
		}
		return sandboxOf(extensionContext);
	}

	private static SandboxEngine sandboxOf(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		SandboxEngine sandbox = store.get(SandboxEngine.class, SandboxEngine.class);
		if (sandbox == null) {
			sandbox = new SandboxEngine(configOf(context), context.getUniqueId());
			store.put(SandboxEngine.class, sandbox);
		}
		return sandbox;
	}

	/**
	 * Read and validated once per test class; a test method with declarations of its own gets its own configuration
	 * (the class's, with the method's added and replacing those of the same name), read once per method.
	 */
	private static SandboxConfig configOf(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		Method method = context.getTestMethod().filter(ConfigReader::declaresAnything).orElse(null);
		Object key = method == null ? testClass : List.of(testClass, method);
		ExtensionContext.Store classStore = context.getParent().orElse(context).getStore(NAMESPACE);
		SandboxConfig config = classStore.get(key, SandboxConfig.class);
		if (config == null) {
			try {
				config = ConfigReader.read(testClass, method);
			}
			catch (InvalidConfigurationException e) {
				throw new ExtensionConfigurationException(e.getMessage());
			}
			classStore.put(key, config);
		}
		return config;
	}
}
