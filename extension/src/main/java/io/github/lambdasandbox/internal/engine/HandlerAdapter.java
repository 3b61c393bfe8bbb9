package io.github.lambdasandbox.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * Loads and calls a handler as the Java runtime (aws-lambda-java-runtime-interface-client) does: a
 * {@code RequestStreamHandler} gets the raw bytes; a {@code RequestHandler<I, O>} gets its input read by the
 * runtime's own serialisers (the classes of aws-lambda-java-events with their mix-ins, anything else with its
 * Jackson configuration), its {@code I} and {@code O} found by the runtime's breadth-first search through
 * interfaces and superclasses (quirks included), and its result written back as JSON.
 *
 * <p>What the runtime cannot load (a class that is no handler, type parameters it cannot resolve, no public
 * no-argument constructor, a class it may not access) is not refused when the function is declared: as in AWS,
 * every invocation then fails with the runtime's error.
 */
final class HandlerAdapter {

	/** The input could not be read as the handler's input type. */
	static final class InputException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InputException(Throwable cause) {
			super(cause);
		}
	}

	/**
	 * What the runtime reports when it cannot load the handler: its message, and the type of the exception behind
	 * it (null when there is none: the payload then has no {@code errorType}). Every invocation fails with it.
	 */
	record LoadFailure(String message, Throwable exception) {
	}

	/** The runtime's class, as JDK access errors name it. */
	private static final String RUNTIME_LOADER = "com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader";

	private final Class<?> handlerClass;

	private final PojoSerializer<Object> input;

	/** The serialiser of the declared output type; null when it is only known from the result (Object, a variable). */
	private final PojoSerializer<Object> output;

	private final LoadFailure failure;

	private HandlerAdapter(Class<?> handlerClass, PojoSerializer<Object> input, Type outputType, LoadFailure failure) {
		this.handlerClass = handlerClass;
		this.input = input;
		this.output = outputType instanceof Class<?> c && c != Object.class && c != Void.class && c != void.class
				? serializer(outputType) : null;
		this.failure = failure;
	}

	static HandlerAdapter of(Class<?> handlerClass) {
		if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
			return new HandlerAdapter(handlerClass, null, null, constructorProblem(handlerClass));
		}
		if (!RequestHandler.class.isAssignableFrom(handlerClass)) {
			return failing(handlerClass, "Class does not implement an appropriate handler interface: " + handlerClass.getName());
		}
		Type[] types = requestHandlerTypes(handlerClass);
		if (types == null) {
			return failing(handlerClass, "Class " + handlerClass.getName() + " does not implement RequestHandler with concrete type "
					+ "parameters");
		}
		if (types.length != 2) {
			return failing(handlerClass, "Invalid class signature for RequestHandler. Expected two generic types, got "
					+ types.length);
		}
		for (Type type : types) {
			if (type instanceof TypeVariable<?> variable && !bounded(variable)) {
				return failing(handlerClass, "Class " + handlerClass.getName() + " does not implement RequestHandler with "
						+ "concrete type parameters: parameter " + variable + " has no upper bound.");
			}
		}
		LoadFailure problem = constructorProblem(handlerClass);
		if (problem != null) {
			return new HandlerAdapter(handlerClass, null, null, problem);
		}
		return new HandlerAdapter(handlerClass, serializer(types[0]), types[1], null);
	}

	/** A handler the runtime cannot load: every invocation fails with {@code message}. */
	static HandlerAdapter failing(Class<?> handlerClass, String message) {
		return new HandlerAdapter(handlerClass, null, null, new LoadFailure(message, null));
	}

	/** What {@code getConstructor()} and the access check of the runtime say about the class; null if it can be made. */
	private static LoadFailure constructorProblem(Class<?> handlerClass) {
		Constructor<?> constructor;
		try {
			constructor = handlerClass.getConstructor();
		}
		catch (NoSuchMethodException e) {
			if (handlerClass.getEnclosingClass() != null && !Modifier.isStatic(handlerClass.getModifiers())) {
				String message = "Class " + handlerClass.getName() + " cannot be instantiated because it is a non-static inner class";
				return new LoadFailure(message, new Exception(message));
			}
			String message = "Class " + handlerClass.getName() + " has no public zero-argument constructor";
			return new LoadFailure(message, new Exception(message, e));
		}
		if (Modifier.isAbstract(handlerClass.getModifiers())) {
			// Constructor.newInstance throws an InstantiationException without message: the runtime reports its class name
			return new LoadFailure(InstantiationException.class.getName(), new InstantiationException());
		}
		if (!Modifier.isPublic(handlerClass.getModifiers())) {
			String message = "class " + RUNTIME_LOADER + " cannot access a member of class " + handlerClass.getName()
					+ " with modifiers \"" + Modifier.toString(constructor.getModifiers()) + "\"";
			return new LoadFailure(message, new IllegalAccessException(message));
		}
		return null;
	}

	private static boolean bounded(TypeVariable<?> variable) {
		for (Type bound : variable.getBounds()) {
			if (!Object.class.equals(bound)) {
				return true;
			}
		}
		return false;
	}

	/** Why the runtime cannot load the handler; null if it can. */
	LoadFailure failure() {
		return failure;
	}

	/** Whether the handler is a {@code RequestStreamHandler}: its answer is whatever it writes. */
	boolean isStream() {
		return RequestStreamHandler.class.isAssignableFrom(handlerClass);
	}

	/**
	 * Constructs the handler (the cold start). The runtime calls the public no-argument constructor; we may have to
	 * open access to it where the test's class is not public (the runtime would have refused it before).
	 */
	Object newInstance() throws ReflectiveOperationException {
		Constructor<?> constructor = handlerClass.getConstructor();
		constructor.setAccessible(true);
		return constructor.newInstance();
	}

	/** Calls the handler with the event (JSON) and returns what it answers, as the runtime writes it. */
	@SuppressWarnings("unchecked")
	String handle(Object handler, String payload, Context context) throws Exception {
		if (handler instanceof RequestStreamHandler stream) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			stream.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context);
			return out.toString(StandardCharsets.UTF_8);
		}
		Object event;
		try {
			event = input.fromJson(payload);
		}
		catch (RuntimeException e) {
			throw new InputException(e);
		}
		Object result = ((RequestHandler<Object, Object>) handler).handleRequest(event, context);
		return write(result);
	}

	private String write(Object result) {
		if (result == null) {
			return "null";
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		(output != null ? output : serializer(result.getClass())).toJson(result, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private static PojoSerializer<Object> serializer(Type type) {
		if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
			return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, c.getClassLoader());
		}
		return JacksonFactory.getInstance().getSerializer(type instanceof TypeVariable<?> ? Object.class : type);
	}

	// --- the runtime's search for I and O ---------------------------------------------------------------------

	/** A class or parameterized type met in the search, with its type arguments as resolved so far (null: unknown). */
	private record Step(Class<?> type, Type[] arguments) {

		/** {@code variable} in the terms of this step: its argument, if this step declares it and knows it. */
		Type resolve(TypeVariable<?> variable) {
			TypeVariable<?>[] parameters = type.getTypeParameters();
			for (int i = 0; i < parameters.length; i++) {
				if (parameters[i].getName().equals(variable.getName())) {
					return arguments == null ? parameters[i] : arguments[i];
				}
			}
			return variable;
		}

		static Step of(ParameterizedType type, Step from) {
			Type[] arguments = type.getActualTypeArguments().clone();
			for (int i = 0; i < arguments.length; i++) {
				if (arguments[i] instanceof TypeVariable<?> variable) {
					arguments[i] = from.resolve(variable);
				}
			}
			return new Step((Class<?>) type.getRawType(), arguments);
		}

		static Step of(Class<?> type, Step from) {
			TypeVariable<?>[] parameters = type.getTypeParameters();
			if (parameters.length == 0 || from.arguments == null) {
				return new Step(type, null);
			}
			Type[] arguments = new Type[parameters.length];
			for (int i = 0; i < parameters.length; i++) {
				arguments[i] = from.resolve(parameters[i]);
			}
			return new Step(type, arguments);
		}
	}

	/**
	 * The type arguments of the first parameterized interface, in a breadth-first walk of interfaces then superclass,
	 * whose raw type is assignable to {@code RequestHandler}: the runtime's answer, so also its quirk (a user
	 * interface {@code MyHandler<X> extends RequestHandler<X, String>} yields MyHandler's one argument). Null if none.
	 */
	static Type[] requestHandlerTypes(Class<?> handlerClass) {
		Deque<Step> queue = new ArrayDeque<>();
		queue.addLast(new Step(handlerClass, null));
		while (!queue.isEmpty()) {
			Step step = queue.pollFirst();
			for (Type type : step.type.getGenericInterfaces()) {
				if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
					if (RequestHandler.class.isAssignableFrom(raw)) {
						return Step.of(parameterized, step).arguments;
					}
					queue.addLast(Step.of(parameterized, step));
				}
				else if (type instanceof Class<?> plain) {
					queue.addLast(Step.of(plain, step));
				}
			}
			Type superclass = step.type.getGenericSuperclass();
			if (superclass instanceof ParameterizedType parameterized) {
				queue.addLast(Step.of(parameterized, step));
			}
			else if (superclass instanceof Class<?> plain) {
				queue.addLast(Step.of(plain, step));
			}
		}
		return null;
	}

	/** Unwraps what constructing a handler threw into what the runtime reports. */
	static Throwable constructionError(Throwable thrown) {
		return thrown instanceof InvocationTargetException target && target.getCause() != null ? target.getCause() : thrown;
	}
}
