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
 * Declares a Lambda function of the sandbox: its handler class, its asynchronous invocation settings
 * (retries, maximum event age, destinations) and its dead-letter queue.
 *
 * <p>The handler is real code: a class implementing
 * {@link com.amazonaws.services.lambda.runtime.RequestHandler RequestHandler} or
 * {@link com.amazonaws.services.lambda.runtime.RequestStreamHandler RequestStreamHandler}, with a
 * no-argument constructor. Its input is deserialised as the Java runtime does (POJO, {@code Map},
 * {@code String}, the classes of {@code aws-lambda-java-events}).
 *
 * <p>Destinations and dead-letter queues name a resource as AWS does (an ARN), or shortly as
 * {@code sqs:}, {@code sns:}, {@code lambda:}, {@code events:} or {@code s3:} followed by its name.
 * Queues named in destinations need no {@link Queue @Queue}: they are created as standard queues
 * (or FIFO queues, if the name ends in {@code .fifo}).
 *
 * <p>Every value is checked before the test runs; an invalid one fails the test with a message that
 * names the attribute, the value and the range AWS allows.
 *
 * <p>A declared function is {@code $LATEST}. Versions and aliases are made while the test runs, as a deployment makes
 * them ({@link FunctionHandle#publishVersion()}, {@link FunctionHandle#createAlias(String, String)}); the same
 * attributes create a function at run time ({@link Sandbox#createFunction(FunctionDefinition)}).
 *
 * @since 0.1
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(LambdaFunction.LambdaFunctions.class)
@ExtendWith(LambdaSandboxExtension.class)
public @interface LambdaFunction {

	/** The function name: 1 to 64 letters, digits, hyphens or underscores. */
	String name();

	/** The handler class: a {@code RequestHandler} or a {@code RequestStreamHandler}. */
	Class<?> handler();

	/** {@code MaximumRetryAttempts} for function errors of asynchronous invocations: 0..2, default 2. */
	int maximumRetryAttempts() default 2;

	/** {@code MaximumEventAgeInSeconds} of asynchronous invocations: 60..21600, default 21600 (6 hours). */
	int maximumEventAgeInSeconds() default 21600;

	/** The function timeout in seconds: 1..900, default 3. Measured in real time while the handler runs. */
	int timeout() default 3;

	/** The memory size in MB: 128..10240, default 128. Reported by {@code Context.getMemoryLimitInMB()}. */
	int memorySize() default 128;

	/** The on-success destination of asynchronous invocations; {@code ""} for none. */
	String onSuccess() default "";

	/** The on-failure destination of asynchronous invocations; {@code ""} for none. */
	String onFailure() default "";

	/** The dead-letter queue: {@code sqs:} or {@code sns:} plus a name, or an ARN; {@code ""} for none. */
	String deadLetterQueue() default "";

	/**
	 * Reserved concurrency: {@code -1} (default) for none; {@code 0} throttles every invocation
	 * (asynchronous events go straight to the on-failure destination and dead-letter queue with condition
	 * {@code ZeroReservedConcurrency}).
	 */
	int reservedConcurrency() default -1;

	/**
	 * What the function's execution role may do: IAM actions such as {@code "sqs:SendMessage"}, patterns such as
	 * {@code "sqs:*"} or {@code "sqs:Send*"} (IAM compares actions without regard to case), {@code "*"} for everything
	 * (the default). Leave it out and the role may do everything; give it, and the role may do only what it lists
	 * ({@code {}}: nothing).
	 *
	 * <p>Lambda checks the role as AWS does:
	 * <ul>
	 * <li>a dead-letter queue needs {@code sqs:SendMessage} (or {@code sns:Publish} for a topic); a destination
	 * {@code sqs:SendMessage}, {@code sns:Publish}, {@code lambda:InvokeFunction}, {@code events:PutEvents}, or
	 * {@code s3:PutObject} and {@code s3:ListBucket}; without them the declaration is refused with AWS's message;</li>
	 * <li>an event source mapping needs {@code sqs:ReceiveMessage}, {@code sqs:DeleteMessage} and
	 * {@code sqs:GetQueueAttributes} for a queue, {@code kinesis:GetRecords}, {@code kinesis:GetShardIterator},
	 * {@code kinesis:DescribeStream} and {@code kinesis:ListShards} for a Kinesis stream, and {@code dynamodb:GetRecords},
	 * {@code dynamodb:GetShardIterator}, {@code dynamodb:DescribeStream} and {@code dynamodb:ListStreams} for a
	 * table's stream;</li>
	 * <li>an AWS SDK client in the handler gets the service's {@code AccessDenied} error for an action the role lacks.</li>
	 * </ul>
	 * Change the permissions while the test runs with {@link FunctionHandle#executionRole()}.
	 *
	 * @since 0.3
	 */
	String[] permissions() default { "*" };

	/**
	 * Recursive loop detection ({@code RecursiveLoop}): {@link RecursiveLoop#TERMINATE TERMINATE} (AWS's default)
	 * stops the function's 17th invocation in one chain of requests through Lambda, SQS, SNS and S3;
	 * {@link RecursiveLoop#ALLOW ALLOW} lets the loop run.
	 *
	 * @since 0.3
	 */
	RecursiveLoop recursiveLoop() default RecursiveLoop.TERMINATE;

	/** Holds repeated {@link LambdaFunction @LambdaFunction} declarations. */
	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	@ExtendWith(LambdaSandboxExtension.class)
	@interface LambdaFunctions {

		LambdaFunction[] value();
	}
}
