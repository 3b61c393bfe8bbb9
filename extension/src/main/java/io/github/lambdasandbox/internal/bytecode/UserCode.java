package io.github.lambdasandbox.internal.bytecode;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which classes are the user's own code, whose calls to time, sleep and exit the sandbox rewrites: an immutable
 * value, the line drawn between the user's code and everything else (the JDK, libraries, the sandbox).
 *
 * <p>A class is user code when
 * <ol>
 * <li>its code source (the location in {@link ProtectionDomain#getCodeSource()}: a directory such as
 * {@code target/classes} or {@code target/test-classes}, or a jar) is one of this value's code sources — by
 * default that of a handler class ({@link #of(Class)}) — or its name is in one of this value's extra packages
 * ({@link #withPackages}, a package and its subpackages), or its code source is an extra one
 * ({@link #withCodeSourceOf}, {@link #withCodeSource}),</li>
 * <li>and it is not in a package that is never user code ({@link #NEVER}: the JDK, the Lambda Java libraries, the
 * AWS SDK, JUnit, AssertJ, ByteBuddy, Jackson), even when its code source is the handler's (a shaded jar),</li>
 * <li>and it is not the sandbox's own: from the sandbox's code source (its jar, or {@code target/classes} of its
 * module), or the sandbox's engine and rewrite targets by name wherever they come from.</li>
 * </ol>
 * Classes of the bootstrap and platform class loaders, and classes without a code source (generated at run
 * time), are never user code by code source; only an extra package can name them, and JDK packages cannot be
 * named at all.
 *
 * <p>The sandbox's own package ({@code io.github.lambdasandbox.}) is excluded by code source, not by name: the
 * handlers of this project's samples and tests live under that name and are user code.
 */
public final class UserCode {

	/**
	 * Packages (name prefixes) that are never user code, whatever their code source: an extra package may not
	 * name them either.
	 */
	public static final List<String> NEVER = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "net.bytebuddy.",
			"com.amazonaws.services.lambda.runtime.", "software.amazon.awssdk.", "org.junit.", "org.assertj.",
			"com.fasterxml.");

	/** Classes of the sandbox that are never rewritten, by name: the engine, and the targets of rewritten calls. */
	private static final List<String> SANDBOX_NAMES = List.of("io.github.lambdasandbox.internal.engine.",
			HandlerTime.class.getName(), HandlerThreads.class.getName(), ProcessExit.class.getName());

	/** The sandbox's own code source (its jar, or its module's target/classes). */
	private static final String SANDBOX_LOCATION = locationOf(HandlerTime.class);

	private static final UserCode NONE = new UserCode(Set.of(), Set.of());

	/** Code sources, as {@link URL#toExternalForm()} (URLs' equals would resolve host names). */
	private final Set<String> codeSources;

	/** Extra packages, each ending in '.'. */
	private final Set<String> packages;

	private UserCode(Set<String> codeSources, Set<String> packages) {
		this.codeSources = codeSources;
		this.packages = packages;
	}

	/** No code at all. */
	public static UserCode none() {
		return NONE;
	}

	/**
	 * The code that comes from where {@code handlerClass} comes from (its code source); {@link #none()} if it has
	 * none, or if the handler class itself could never be user code (it is in a {@link #NEVER} package, or it is
	 * the sandbox's own).
	 */
	public static UserCode of(Class<?> handlerClass) {
		return none().withCodeSourceOf(handlerClass);
	}

	/** This code, and the code that comes from where {@code type} comes from (none added if it has no code source). */
	public UserCode withCodeSourceOf(Class<?> type) {
		String location = locationOf(type);
		if (location == null || isNever(type.getName()) || isSandbox(type.getName(), location)) {
			return this;
		}
		return withLocation(location);
	}

	/** This code, and every class loaded from {@code location} (a directory or a jar, as in a class path). */
	public UserCode withCodeSource(URL location) {
		return withLocation(location.toExternalForm());
	}

	private UserCode withLocation(String location) {
		if (codeSources.contains(location) || location.equals(SANDBOX_LOCATION)) {
			return this;
		}
		Set<String> more = new LinkedHashSet<>(codeSources);
		more.add(location);
		return new UserCode(Set.copyOf(more), packages);
	}

	/**
	 * This code, and every class of these packages (each with its subpackages), wherever it comes from.
	 *
	 * @param packageNames such as {@code com.acme.pricing}; a trailing '.' is allowed
	 * @throws IllegalArgumentException if a package is never user code (the JDK's, a library's: {@link #NEVER})
	 */
	public UserCode withPackages(Collection<String> packageNames) {
		Set<String> more = null;
		for (String name : packageNames) {
			String prefix = packagePrefix(name);
			if (!packages.contains(prefix)) {
				if (more == null) {
					more = new LinkedHashSet<>(packages);
				}
				more.add(prefix);
			}
		}
		return more == null ? this : new UserCode(codeSources, Set.copyOf(more));
	}

	/** Everything in this code and in {@code other}. */
	public UserCode union(UserCode other) {
		if (covers(other)) {
			return this;
		}
		if (other.covers(this)) {
			return other;
		}
		Set<String> sources = new LinkedHashSet<>(codeSources);
		sources.addAll(other.codeSources);
		Set<String> names = new LinkedHashSet<>(packages);
		names.addAll(other.packages);
		return new UserCode(Set.copyOf(sources), Set.copyOf(names));
	}

	/** Whether every class that {@code other} counts as user code, this does too. */
	public boolean covers(UserCode other) {
		return other == this || (codeSources.containsAll(other.codeSources) && packages.containsAll(other.packages));
	}

	/** The code sources, as URL strings. */
	public Set<String> codeSources() {
		return codeSources;
	}

	/** The extra packages, each ending in '.'. */
	public Set<String> packages() {
		return packages;
	}

	/** Whether nothing is user code. */
	public boolean isEmpty() {
		return codeSources.isEmpty() && packages.isEmpty();
	}

	/**
	 * Whether a class is user code.
	 *
	 * @param className its binary name ({@code com.acme.Handler$Inner})
	 * @param location its code source's location as a URL string, or null if it has none
	 */
	public boolean includes(String className, String location) {
		if (isNever(className) || isSandbox(className, location) || (location != null && location.startsWith("jrt:"))) {
			return false;
		}
		if (location != null && codeSources.contains(location)) {
			return true;
		}
		return inPackages(className);
	}

	/** Whether a loaded class is user code. */
	public boolean includes(Class<?> type) {
		return includes(type.getName(), locationOf(type));
	}

	/** Whether a class is in one of the extra packages (whatever its code source). */
	boolean inPackages(String className) {
		if (packages.isEmpty()) {
			return false;
		}
		for (String prefix : packages) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a class is in a package that is never user code ({@link #NEVER}). */
	public static boolean isNever(String className) {
		for (String prefix : NEVER) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a class is the sandbox's own: from its code source, or its engine or rewrite targets by name. */
	static boolean isSandbox(String className, String location) {
		if (location != null && location.equals(SANDBOX_LOCATION)) {
			return true;
		}
		for (String name : SANDBOX_NAMES) {
			if (className.startsWith(name) && (name.endsWith(".") || className.length() == name.length()
					|| className.charAt(name.length()) == '$')) {
				return true;
			}
		}
		return false;
	}

	/** The location of a class's code source as a URL string, or null if it has none. */
	static String locationOf(Class<?> type) {
		return locationOf(type.getProtectionDomain());
	}

	/** The location of a protection domain's code source as a URL string, or null if it has none. */
	static String locationOf(ProtectionDomain domain) {
		if (domain == null) {
			return null;
		}
		CodeSource source = domain.getCodeSource();
		URL location = source == null ? null : source.getLocation();
		return location == null ? null : location.toExternalForm();
	}

	/** The sandbox's own code source, as a URL string (never user code). */
	static String sandboxLocation() {
		return SANDBOX_LOCATION;
	}

	private static String packagePrefix(String name) {
		Objects.requireNonNull(name, "package name");
		String prefix = name.endsWith(".") ? name : name + ".";
		if (prefix.length() < 2 || prefix.startsWith(".") || prefix.contains("..")) {
			throw new IllegalArgumentException("Not a package name: \"" + name + "\".");
		}
		if (isNever(prefix)) {
			throw new IllegalArgumentException("Package " + name + " is never user code (the JDK's or a library's: "
					+ String.join(", ", NEVER) + "); its calls are not rewritten.");
		}
		return prefix;
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof UserCode other && codeSources.equals(other.codeSources) && packages.equals(other.packages);
	}

	@Override
	public int hashCode() {
		return codeSources.hashCode() * 31 + packages.hashCode();
	}

	@Override
	public String toString() {
		return "UserCode[codeSources=" + codeSources + ", packages=" + packages + "]";
	}
}
