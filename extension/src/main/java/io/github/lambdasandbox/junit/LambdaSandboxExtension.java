package io.github.lambdasandbox.junit;

import java.lang.reflect.Constructor;

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

/**
 * The JUnit Jupiter extension behind {@link io.github.lambdasandbox.LambdaSandbox @LambdaSandbox}. Registered by
 * the annotations; not meant to be used directly.
 *
 * <p>Before each test it builds a fresh sandbox from the class's declarations (validated once per class),
 * binds it to the test's thread for the static accessors, and resolves {@link Sandbox} parameters. After
 * each test it writes the timeline to the test report, unbinds and closes the sandbox.
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
		try {
			String timeline = sandbox.finalTimeline();
			if (timeline != null) {
				context.publishReportEntry("lambda-sandbox timeline", timeline);
			}
		}
		finally {
			try {
				sandbox.close();
			}
			catch (IllegalStateException e) {
				// a test that failed already keeps its own failure; a runaway thread is the lesser news
				if (context.getExecutionException().isEmpty()) {
					throw e;
				}
			}
		}
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

	/** Read and validated once per test class. */
	private static SandboxConfig configOf(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		ExtensionContext.Store classStore = context.getParent().orElse(context).getStore(NAMESPACE);
		SandboxConfig config = classStore.get(testClass, SandboxConfig.class);
		if (config == null) {
			try {
				config = ConfigReader.read(testClass);
			}
			catch (InvalidConfigurationException e) {
				throw new ExtensionConfigurationException(e.getMessage());
			}
			classStore.put(testClass, config);
		}
		return config;
	}
}
