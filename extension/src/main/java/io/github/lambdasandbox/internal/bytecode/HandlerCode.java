package io.github.lambdasandbox.internal.bytecode;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.management.ManagementFactory;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Makes handler code live in virtual time: rewrites, in the user's own classes ({@link UserCode}), the calls to
 * time, sleep and exit into calls to {@link HandlerTime}, and the calls that hand a task to another thread into calls
 * to {@link HandlerThreads}, whose tasks run for the attempt that submitted them (see {@link TimeCallRewriter} for
 * the list), with a Java agent that this class attaches to the running JVM itself, once, the first time it is needed.
 *
 * <p>The engine asks for it when a sandbox is built, for each function's handler (and for new code deployed with
 * {@code FunctionHandle.updateCode}), unless the sandbox's execution environments are isolated (their class loaders
 * rewrite what they load). Whether a rewritten time or sleep call then reads the sandbox clock is decided at each
 * call, by the sandbox whose handler runs on the thread ({@code @LambdaSandbox(handlerTime)}); exits are always
 * caught on a handler's thread.
 *
 * <p>Classes already loaded (the handler classes exist before the sandbox starts) are retransformed; classes
 * loaded later from the same code sources are rewritten as they load. Only method bodies of user classes change;
 * the JDK's and the libraries' classes are never transformed. Classes that an {@link EnvironmentClassLoader}
 * defines are rewritten by it, without the agent.
 *
 * <h2>How: three modes</h2>
 * The system property {@value #MODE_PROPERTY} chooses ({@link #mode()}):
 * <ul>
 * <li>{@code agent} (the default): the agent rewrites user code, and isolated environments rewrite the classes
 * they load;</li>
 * <li>{@code loader}: no agent is attached; only the classes that an {@link EnvironmentClassLoader} loads (isolated
 * environments) are rewritten — for JVMs that may not attach agents;</li>
 * <li>{@code off}: nothing is rewritten; handler code reads the system clock, sleeps for real (a handler can still
 * wait in virtual time by calling {@code VirtualTime} itself) and exits the JVM.</li>
 * </ul>
 *
 * <h2>Java 21 and later: dynamically loaded agents</h2>
 * The agent is ByteBuddy's ({@code net.bytebuddy:byte-buddy-agent}), attached to the running JVM the first time
 * a sandbox needs it. On JDK 21 and later the JVM then prints a warning ("A Java agent has been loaded
 * dynamically …", JEP 451), and lambda-sandbox prints a note saying how to avoid it; a future JDK will refuse to
 * load agents dynamically unless the JVM runs with {@code -XX:+EnableDynamicAgentLoading}. To be ready, load the
 * agent when the test JVM starts, as Mockito documents for its own: with Maven, resolve the jar's path with
 * {@code maven-dependency-plugin}'s {@code properties} goal and give it to Surefire:
 *
 * <pre>{@code
 * <plugin>
 *   <artifactId>maven-dependency-plugin</artifactId>
 *   <executions><execution><goals><goal>properties</goal></goals></execution></executions>
 * </plugin>
 * <plugin>
 *   <artifactId>maven-surefire-plugin</artifactId>
 *   <configuration>
 *     <argLine>-javaagent:${net.bytebuddy:byte-buddy-agent:jar}</argLine>
 *   </configuration>
 * </plugin>
 * }</pre>
 *
 * (keep what the argLine had, such as JaCoCo's {@code @{argLine}}; with Gradle, add {@code -javaagent:} and the
 * jar's path to the {@code jvmArgs} of the test task). byte-buddy-agent comes with lambda-sandbox, and the
 * {@code properties} goal sets a property for transitive dependencies too. When the agent was
 * loaded so, nothing is attached and nothing is printed. Alternatively run with
 * {@code -XX:+EnableDynamicAgentLoading}, which allows attaching and silences the warning. Where attaching is
 * impossible (a JRE without the {@code jdk.attach} module, a JVM that forbids it) the first sandbox fails with an
 * {@link IllegalStateException} that says so; run with {@code -D}{@value #MODE_PROPERTY}{@code =loader} or
 * {@code =off} then.
 *
 * <p>On JDK 24 and later the JVM also warns, once, that ByteBuddy's {@code AgentBuilder} touched
 * {@code sun.misc.Unsafe} (its "Nexus", which this agent does not use); {@code -Dnet.bytebuddy.nexus.disabled=true}
 * avoids it. lambda-sandbox does not set that property itself: it would change ByteBuddy for every other library
 * in the JVM.
 *
 * <p>Thread-safe. {@link #instrument} is idempotent, and cheap once the code it asks for is rewritten: no lock,
 * tens of nanoseconds for a handler class seen before (a microsecond with extra packages).
 */
public final class HandlerCode {

	/** The system property that chooses the {@link Mode}: {@code agent} (default), {@code loader} or {@code off}. */
	public static final String MODE_PROPERTY = "lambdasandbox.bytecode";

	/** How handler code is rewritten. */
	public enum Mode {

		/** A Java agent rewrites user code; isolated environments rewrite what they load. */
		AGENT,

		/** No agent: only isolated environments ({@link EnvironmentClassLoader}) rewrite what they load. */
		LOADER,

		/** Nothing is rewritten. */
		OFF
	}

	private static final Object LOCK = new Object();

	/** The code whose calls are rewritten; grows only (but for the test hook {@link #reset()}). */
	private static volatile UserCode scope = UserCode.none();

	/** The user code of a handler class, by its code source. */
	private static final ClassValue<UserCode> HANDLER_CODE = new ClassValue<>() {
		@Override
		protected UserCode computeValue(Class<?> type) {
			return UserCode.of(type);
		}
	};

	/** The agent's transformer, installed once; null before. Guarded by LOCK. */
	private static ResettableClassFileTransformer transformer;

	private static Instrumentation instrumentation;

	/** Why the agent could not be attached, once it failed (not tried again). Guarded by LOCK. */
	private static IllegalStateException attachFailure;

	/** Errors of rewriting in the current thread's retransformation; null when it retransforms nothing. */
	private static final ThreadLocal<List<String>> ERRORS = new ThreadLocal<>();

	/** Names of the classes the agent rewrote (the test's evidence that nothing else was). */
	private static final Set<String> REWRITTEN = Collections.synchronizedSet(new LinkedHashSet<>());

	private HandlerCode() {
	}

	/** The mode the system property {@value #MODE_PROPERTY} chooses ({@link Mode#AGENT} if it is not set). */
	public static Mode mode() {
		String value = System.getProperty(MODE_PROPERTY);
		if (value == null || value.isBlank()) {
			return Mode.AGENT;
		}
		try {
			return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("-D" + MODE_PROPERTY + "=" + value + " is not a mode of rewriting handler "
					+ "code: use agent (the default), loader or off.", e);
		}
	}

	/**
	 * Rewrites the calls to time, sleep and exit in the code of a handler: the classes from its code source, and
	 * the classes of {@code extraPackages} (with their subpackages) wherever they come from — unless the
	 * {@link #mode()} is not {@link Mode#AGENT}.
	 *
	 * @param handlerClass the handler's class
	 * @param extraPackages more packages of the user's, such as {@code com.acme.pricing}; may be empty
	 * @return whether the code's calls are rewritten (false in the modes {@code loader} and {@code off}, or if the
	 *         handler class has no code source and no extra package is given)
	 * @throws IllegalStateException if the agent cannot be attached (the message says what to do instead), or a
	 *         loaded class cannot be rewritten
	 * @throws IllegalArgumentException if an extra package is never user code ({@link UserCode#NEVER})
	 */
	public static boolean instrument(Class<?> handlerClass, Set<String> extraPackages) {
		UserCode code = HANDLER_CODE.get(handlerClass);
		if (!extraPackages.isEmpty()) {
			code = code.withPackages(extraPackages);
		}
		return instrument(code);
	}

	/**
	 * Rewrites the calls to time, sleep and exit in {@code code} (in addition to what is rewritten already) —
	 * unless the {@link #mode()} is not {@link Mode#AGENT}.
	 *
	 * @return whether the code's calls are rewritten
	 * @throws IllegalStateException if the agent cannot be attached (the message says what to do instead), or a
	 *         loaded class cannot be rewritten
	 */
	public static boolean instrument(UserCode code) {
		if (mode() != Mode.AGENT || code.isEmpty()) {
			return false;
		}
		if (scope.covers(code)) {
			return true;
		}
		synchronized (LOCK) {
			UserCode before = scope;
			UserCode after = before.union(code);
			if (after == before) {
				return true;
			}
			Instrumentation agent = agent();
			scope = after;
			retransform(agent, type -> after.includes(type) && !before.includes(type));
			return true;
		}
	}

	/** The code whose calls the agent rewrites (what {@link #instrument} was asked for, together). */
	public static UserCode instrumented() {
		return scope;
	}

	/** Whether the agent is attached (by this class, or by {@code -javaagent:}) and rewrites user code. */
	public static boolean agentInstalled() {
		synchronized (LOCK) {
			return transformer != null;
		}
	}

	/** The names of the classes the agent rewrote so far (loaded, or retransformed), in order. */
	static List<String> rewrittenClassNames() {
		synchronized (REWRITTEN) {
			return List.copyOf(REWRITTEN);
		}
	}

	/**
	 * Test hook: forgets all code to rewrite, and gives every class the agent rewrote its original code back, so
	 * that a test's instrumentation does not outlive it. The agent stays attached.
	 */
	static void reset() {
		synchronized (LOCK) {
			UserCode before = scope;
			scope = UserCode.none();
			if (instrumentation != null && !before.isEmpty()) {
				retransform(instrumentation, before::includes);
			}
			REWRITTEN.clear();
		}
	}

	// --- the agent ---------------------------------------------------------------------------------------------

	/** The instrumentation, with the transformer installed: attaches the agent the first time. Holds LOCK. */
	private static Instrumentation agent() {
		if (transformer != null) {
			return instrumentation;
		}
		if (attachFailure != null) {
			throw attachFailure;
		}
		Instrumentation agent;
		try {
			agent = ByteBuddyAgent.getInstrumentation();
		}
		catch (IllegalStateException notYetAttached) {
			try {
				agent = ByteBuddyAgent.install();
			}
			catch (RuntimeException | LinkageError e) {
				attachFailure = new IllegalStateException(attachFailedMessage(e), e);
				throw attachFailure;
			}
			if (Runtime.version().feature() >= 21 && !dynamicAgentLoadingEnabled()) {
				System.err.println(selfAttachNote());
			}
		}
		if (!agent.isRetransformClassesSupported()) {
			attachFailure = new IllegalStateException("lambda-sandbox needs an agent that can retransform classes to "
					+ "rewrite time calls in handler code, and the one loaded cannot (Can-Retransform-Classes). "
					+ modeAdvice());
			throw attachFailure;
		}
		instrumentation = agent;
		transformer = new AgentBuilder.Default()
				.disableClassFormatChanges()
				.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
				// nothing is in scope yet: retransform() picks the loaded classes each time the scope grows
				.with((AgentBuilder.RedefinitionStrategy.DiscoveryStrategy) instrumentation -> List.of())
				// describe classes from their class files: reflecting on a loaded class would load its nest
				// members inside the transformer, where the agent cannot rewrite them
				.with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
				.with(new Errors())
				.ignore(ElementMatchers.none())
				.type(HandlerCode::inScope)
				.transform((builder, type, loader, module, domain) -> builder.visit(TimeCallRewriter.INSTANCE))
				.installOn(agent);
		return agent;
	}

	/**
	 * The agent's matcher, asked about every class the JVM loads: a class of the user's, not defined by an
	 * environment loader (which rewrites what it defines).
	 */
	private static boolean inScope(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> redefined,
			ProtectionDomain domain) {
		UserCode code = scope;
		if (code.isEmpty() || loader == null || loader == ClassLoader.getPlatformClassLoader()
				|| loader instanceof EnvironmentClassLoader) {
			return false;
		}
		String name = type.getName();
		return !UserCode.isNever(name) && code.includes(name, UserCode.locationOf(domain));
	}

	private static boolean retransformable(Instrumentation agent, Class<?> type) {
		ClassLoader loader = type.getClassLoader();
		return loader != null && loader != ClassLoader.getPlatformClassLoader()
				&& !(loader instanceof EnvironmentClassLoader) && !type.isArray() && agent.isModifiableClass(type);
	}

	/**
	 * Retransforms the loaded classes that {@code which} picks; fails if one cannot be rewritten. Classes that load
	 * meanwhile (the JVM verifying a rewritten class may load others) are looked at again. Holds LOCK.
	 */
	private static void retransform(Instrumentation agent, Predicate<Class<?>> which) {
		Set<Class<?>> done = Collections.newSetFromMap(new IdentityHashMap<>());
		List<String> errors = new ArrayList<>();
		for (int pass = 0; pass < 10; pass++) {
			List<Class<?>> classes = new ArrayList<>();
			for (Class<?> type : agent.getAllLoadedClasses()) {
				if (!done.contains(type) && which.test(type) && retransformable(agent, type)) {
					classes.add(type);
				}
			}
			if (classes.isEmpty()) {
				break;
			}
			done.addAll(classes);
			retransform(agent, classes, errors);
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException("lambda-sandbox could not rewrite the time, sleep and exit calls of "
					+ errors.size() + " loaded class(es) of handler code: " + String.join("; ", errors)
					+ ". Run with -D" + MODE_PROPERTY + "=off to run handler code unchanged.");
		}
	}

	private static void retransform(Instrumentation agent, List<Class<?>> classes, List<String> errors) {
		ERRORS.set(errors);
		try {
			try {
				agent.retransformClasses(classes.toArray(new Class<?>[0]));
			}
			catch (UnmodifiableClassException | RuntimeException | LinkageError batch) {
				// one by one, to know which
				for (Class<?> type : classes) {
					try {
						agent.retransformClasses(type);
					}
					catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
						errors.add(type.getName() + ": " + e);
					}
				}
			}
		}
		finally {
			ERRORS.remove();
		}
	}

	/** Records what the agent rewrote, and reports what it could not. */
	private static final class Errors extends AgentBuilder.Listener.Adapter {

		@Override
		public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
				DynamicType dynamicType) {
			REWRITTEN.add(type.getName());
		}

		@Override
		public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
			List<String> errors = ERRORS.get();
			if (errors != null) {
				errors.add(typeName + ": " + error);
			}
			else {
				// a class loading now: nobody to throw to
				System.err.println("lambda-sandbox: could not rewrite the time, sleep and exit calls of " + typeName
						+ " (it runs unchanged): " + error);
			}
		}
	}

	// --- messages ----------------------------------------------------------------------------------------------

	/** Where the agent's jar is, for {@code -javaagent:}. */
	static String agentJar() {
		String location = UserCode.locationOf(ByteBuddyAgent.class);
		if (location != null && location.startsWith("file:")) {
			try {
				return java.nio.file.Path.of(new java.net.URI(location)).toString();
			}
			catch (java.net.URISyntaxException | RuntimeException e) {
				return location;
			}
		}
		return "path/to/byte-buddy-agent.jar";
	}

	static String attachFailedMessage(Throwable cause) {
		return "lambda-sandbox could not attach its Java agent (ByteBuddy's) to this JVM to rewrite the calls to "
				+ "time, sleep and exit in handler code (" + cause + "). Start the test JVM with the agent instead: "
				+ "-javaagent:" + agentJar() + " (with Maven: Surefire's argLine -javaagent:${net.bytebuddy:byte-buddy-agent:jar}"
				+ ", the path set by maven-dependency-plugin's properties goal); or let the JVM load agents at run time "
				+ "(a JDK, not a JRE: the jdk.attach module; and -XX:+EnableDynamicAgentLoading, which a future JDK will "
				+ "require). " + modeAdvice();
	}

	/** Whether the JVM was started with {@code -XX:+EnableDynamicAgentLoading} (then the JDK does not warn either). */
	private static boolean dynamicAgentLoadingEnabled() {
		try {
			return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+EnableDynamicAgentLoading");
		}
		catch (RuntimeException | LinkageError noManagement) {
			return false;
		}
	}

	static String selfAttachNote() {
		return "lambda-sandbox is attaching a Java agent (ByteBuddy's) to this JVM to rewrite the calls to time, sleep "
				+ "and exit in handler code. Loading agents dynamically will no longer work in a future JDK release: "
				+ "add the agent to the test JVM with -javaagent:" + agentJar() + " (with Maven: Surefire's argLine "
				+ "-javaagent:${net.bytebuddy:byte-buddy-agent:jar}, resolved by maven-dependency-plugin's properties "
				+ "goal), or run with -XX:+EnableDynamicAgentLoading. See io.github.lambdasandbox.internal.bytecode."
				+ "HandlerCode.";
	}

	private static String modeAdvice() {
		return "Or run without the agent: -D" + MODE_PROPERTY + "=loader (only isolated execution environments are "
				+ "rewritten) or -D" + MODE_PROPERTY + "=off (nothing is rewritten: handler code reads the system "
				+ "clock, sleeps for real, and System.exit ends the JVM).";
	}
}
