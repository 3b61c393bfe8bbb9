package io.github.lambdasandbox.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

/**
 * Calls a handler as the Java runtime does: reads the input with the runtime's own serialisers (the
 * classes of aws-lambda-java-events with their mix-ins, anything else with its Jackson configuration)
 * and writes the result back as JSON.
 */
final class HandlerAdapter {

	/** The input could not be read as the handler's input type. */
	static final class InputException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InputException(Throwable cause) {
			super(cause);
		}
	}

	private final Class<?> handlerClass;

	private final PojoSerializer<Object> input;

	/** The serialiser of the declared output type; null when it is only known from the result (Object, a variable). */
	private final PojoSerializer<Object> output;

	private HandlerAdapter(Class<?> handlerClass, PojoSerializer<Object> input, Type outputType) {
		this.handlerClass = handlerClass;
		this.input = input;
		this.output = outputType instanceof Class<?> c && c != Object.class && c != Void.class ? serializer(outputType) : null;
	}

	static HandlerAdapter of(Class<?> handlerClass) {
		if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
			return new HandlerAdapter(handlerClass, null, null);
		}
		Type[] types = requestHandlerTypes(handlerClass);
		return new HandlerAdapter(handlerClass, serializer(types[0]), types[1]);
	}

	/** Whether the handler is a {@code RequestStreamHandler}: its answer is whatever it writes. */
	boolean isStream() {
		return input == null;
	}

	Object newInstance() throws ReflectiveOperationException {
		Constructor<?> constructor = handlerClass.getDeclaredConstructor();
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

	/** The {@code I} and {@code O} of {@code RequestHandler<I, O>} as the handler class binds them. */
	private static Type[] requestHandlerTypes(Class<?> handlerClass) {
		for (Class<?> c = handlerClass; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Type type : c.getGenericInterfaces()) {
				if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
					return p.getActualTypeArguments();
				}
			}
			if (c.getGenericSuperclass() instanceof ParameterizedType p) {
				Type raw = p.getRawType();
				if (raw instanceof Class<?> superclass && RequestHandler.class.isAssignableFrom(superclass)) {
					for (Type type : superclass.getGenericInterfaces()) {
						if (type instanceof ParameterizedType handler && handler.getRawType() == RequestHandler.class) {
							return bind(handler.getActualTypeArguments(), superclass, p);
						}
					}
				}
			}
		}
		return new Type[] { Object.class, Object.class };
	}

	private static Type[] bind(Type[] arguments, Class<?> superclass, ParameterizedType binding) {
		Type[] bound = arguments.clone();
		TypeVariable<?>[] variables = superclass.getTypeParameters();
		for (int i = 0; i < bound.length; i++) {
			for (int v = 0; v < variables.length; v++) {
				if (variables[v].equals(bound[i])) {
					bound[i] = binding.getActualTypeArguments()[v];
				}
			}
		}
		return bound;
	}
}
