package io.github.lambdasandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a fault when the sandbox starts, as {@link FunctionHandle#injectFault(Fault)} and
 * {@link Sandbox#injectFault(String, Fault)} do from code: into the first attempts of a function, or the first
 * deliveries to a resource.
 *
 * <pre>{@code
 * @InjectFault(function = "worker", kind = Fault.Kind.FUNCTION_ERROR, errorType = "java.io.IOException",
 *              errorMessage = "db down", times = 2)
 * @InjectFault(resource = "sqs:failures", kind = Fault.Kind.UNAVAILABLE)
 * }</pre>
 *
 * @since 0.2
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(InjectFault.InjectFaults.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface InjectFault {

	/** The function whose attempts fail; {@code ""} when {@link #resource()} is given. */
	String function() default "";

	/** The resource that is unavailable ({@code sqs:q}, {@code sns:t}, {@code events:bus}, {@code s3:b}, {@code lambda:f}). */
	String resource() default "";

	Fault.Kind kind();

	/** {@link Fault.Kind#FUNCTION_ERROR}: the error type. */
	String errorType() default "java.lang.RuntimeException";

	/** {@link Fault.Kind#FUNCTION_ERROR}: the error message. */
	String errorMessage() default "Injected fault";

	/** {@link Fault.Kind#LATENCY}: the extra virtual time, in milliseconds. */
	long latencyMillis() default 0;

	/** How many attempts or deliveries, 1 or more. */
	int times() default 1;

	/** Holds repeated {@link InjectFault @InjectFault} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface InjectFaults {

		InjectFault[] value();
	}
}
