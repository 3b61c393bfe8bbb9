package io.github.lambdasandbox.internal.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one execution environment, for isolated environments: it loads the user's classes
 * ({@link UserCode}) anew from their code sources, so that their static state starts fresh on every cold start,
 * as it does in AWS where each execution environment is a JVM of its own. Everything else — the JDK, the Lambda
 * Java libraries ({@code aws-lambda-java-core}, {@code -events}: the handler's interfaces and event classes), other
 * libraries, the sandbox — comes from the parent loader, and so is shared with the engine and the test.
 *
 * <p>Child-first for user code, parent-first for the rest: a class is defined here when the parent's class path
 * has its class file in a user code source (or in an extra package), and is not in a package that is never user
 * code ({@link UserCode#NEVER}), even inside the user's jar. The calls to time, sleep and exit of the classes it
 * defines are rewritten as they are defined ({@link TimeCallRewriter}; no agent needed), unless the
 * {@link HandlerCode#mode() mode} is {@code off}.
 *
 * <p>Class files are read and rewritten once per JVM (per parent and class), then defined in each new loader:
 * a cold start costs the definition of the classes it uses, not their reading.
 */
public final class EnvironmentClassLoader extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	/**
	 * Where the parent finds a class file (its code source's location); its bytes, as read and as rewritten, once
	 * asked for. Shared by the environment loaders of a parent.
	 */
	private static final class ClassFile {

		final URL resource;

		final String location;

		final ProtectionDomain domain;

		private volatile byte[] original;

		private volatile byte[] rewritten;

		ClassFile(URL resource, String location) {
			this.resource = resource;
			this.location = location;
			this.domain = location == null ? null : DOMAINS.computeIfAbsent(location, EnvironmentClassLoader::domain);
		}

		byte[] bytes(String name, boolean rewrite) {
			byte[] bytes = rewrite ? rewritten : original;
			if (bytes == null) {
				// a race reads twice, harmlessly
				byte[] read = original != null ? original : read(name);
				original = read;
				bytes = rewrite ? rewritten(name, read) : read;
				if (rewrite) {
					rewritten = bytes;
				}
			}
			return bytes;
		}

		private byte[] rewritten(String name, byte[] classFile) {
			try {
				return TimeCallRewriter.rewrite(classFile);
			}
			catch (RuntimeException e) {
				throw new IllegalStateException("lambda-sandbox could not rewrite the time, sleep and exit calls of " + name
						+ " from " + location + " (" + e + "). Run with -D" + HandlerCode.MODE_PROPERTY
						+ "=off to load handler code unchanged.", e);
			}
		}

		private byte[] read(String name) {
			try {
				URLConnection connection = resource.openConnection();
				connection.setUseCaches(false);
				try (InputStream in = connection.getInputStream()) {
					return in.readAllBytes();
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not read the class file of " + name + " from " + resource, e);
			}
		}
	}

	/** Class files by parent loader and class name; a name the parent has no class file for maps to NONE. */
	private static final Map<ClassLoader, Map<String, ClassFile>> FILES = new WeakHashMap<>();

	private static final ClassFile NONE = new ClassFile(null, null);

	private static final Map<String, ProtectionDomain> DOMAINS = new ConcurrentHashMap<>();

	private final UserCode code;

	private final boolean rewrite;

	private final Map<String, ClassFile> files;

	/**
	 * An environment's loader for the user code of {@code handlerClass} (its code source) and
	 * {@code extraPackages}, under the handler class's loader; it rewrites unless the {@link HandlerCode#mode()}
	 * is {@code off}.
	 *
	 * @throws IllegalArgumentException if the handler class has no code source or comes from the JDK
	 */
	public static EnvironmentClassLoader forHandler(Class<?> handlerClass, Set<String> extraPackages) {
		UserCode code = UserCode.of(handlerClass).withPackages(extraPackages);
		if (handlerClass.getClassLoader() == null || !code.includes(handlerClass)) {
			throw new IllegalArgumentException(handlerClass.getName() + " is not user code (" + code
					+ "): an execution environment cannot load it anew.");
		}
		return new EnvironmentClassLoader(code, handlerClass.getClassLoader(), HandlerCode.mode() != HandlerCode.Mode.OFF);
	}

	/**
	 * @param code which classes are the user's, to load anew here
	 * @param parent the loader of everything else, whose class path also holds the user's classes
	 * @param rewrite whether to rewrite the calls to time, sleep and exit of the classes loaded here
	 */
	public EnvironmentClassLoader(UserCode code, ClassLoader parent, boolean rewrite) {
		super("lambda-sandbox-environment", Objects.requireNonNull(parent, "parent"));
		this.code = Objects.requireNonNull(code, "code");
		this.rewrite = rewrite;
		synchronized (FILES) {
			this.files = FILES.computeIfAbsent(parent, p -> new ConcurrentHashMap<>());
		}
	}

	/**
	 * Loads a handler class anew in this environment (not initialised: its static initialiser runs when the
	 * handler is first constructed or used, on the handler's thread).
	 *
	 * @throws ClassNotFoundException if there is no such class
	 * @throws IllegalArgumentException if it is not user code, so that it would not be loaded anew
	 */
	public Class<?> loadHandler(String className) throws ClassNotFoundException {
		Class<?> type = loadClass(className);
		if (type.getClassLoader() != this) {
			throw new IllegalArgumentException(className + " is not user code (" + code + ") and comes from "
					+ type.getClassLoader() + ": an execution environment cannot load it anew.");
		}
		return type;
	}

	/** The user code this loader loads anew. */
	public UserCode userCode() {
		return code;
	}

	/** Whether the classes defined here have their time, sleep and exit calls rewritten. */
	public boolean rewrites() {
		return rewrite;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		synchronized (getClassLoadingLock(name)) {
			Class<?> type = findLoadedClass(name);
			if (type == null) {
				ClassFile file = UserCode.isNever(name) ? NONE : classFile(name);
				type = file != NONE && code.includes(name, file.location) ? define(name, file) : getParent().loadClass(name);
			}
			if (resolve) {
				resolveClass(type);
			}
			return type;
		}
	}

	private Class<?> define(String name, ClassFile file) {
		int dot = name.lastIndexOf('.');
		if (dot > 0) {
			String packageName = name.substring(0, dot);
			if (getDefinedPackage(packageName) == null) {
				try {
					definePackage(packageName, null, null, null, null, null, null, null);
				}
				catch (IllegalArgumentException definedMeanwhile) {
					// another thread defined it
				}
			}
		}
		byte[] bytes = file.bytes(name, rewrite);
		return defineClass(name, bytes, 0, bytes.length, file.domain);
	}

	/** Where the parent finds the class file of a class (looked up once per parent), or NONE. */
	private ClassFile classFile(String name) {
		ClassFile file = files.get(name);
		if (file == null) {
			URL resource = getParent().getResource(name.replace('.', '/') + ".class");
			file = resource == null ? NONE : new ClassFile(resource, locationOf(resource, name));
			ClassFile raced = files.putIfAbsent(name, file);
			if (raced != null) {
				file = raced;
			}
		}
		return file;
	}

	private static ProtectionDomain domain(String location) {
		try {
			return new ProtectionDomain(new CodeSource(new URL(location), (Certificate[]) null), null);
		}
		catch (MalformedURLException e) {
			return null;
		}
	}

	/**
	 * The code source's location of a class file found at {@code resource}, as its class loader would give it: the
	 * jar of a {@code jar:} URL, the class path directory of a {@code file:} URL; null if it cannot be told.
	 */
	static String locationOf(URL resource, String className) {
		String url = resource.toExternalForm();
		String path = className.replace('.', '/') + ".class";
		if (url.startsWith("jar:")) {
			int bang = url.lastIndexOf("!/");
			return bang < 0 ? null : url.substring("jar:".length(), bang);
		}
		if (url.endsWith(path)) {
			return url.substring(0, url.length() - path.length());
		}
		return null;
	}

	@Override
	public String toString() {
		return "EnvironmentClassLoader[" + code + (rewrite ? ", rewriting" : "") + "]";
	}
}
