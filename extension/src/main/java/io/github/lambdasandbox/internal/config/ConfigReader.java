package io.github.lambdasandbox.internal.config;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.internal.config.TargetRef.Service;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads and validates the sandbox annotations of a class (and of the classes enclosing a {@code @Nested}
 * one). Every message names the annotation, the attribute, the value and what AWS allows.
 */
public final class ConfigReader {

	/** The latest start: the clock needs room to run, and AWS writes four-digit years. */
	private static final Instant LATEST_START = Instant.parse("9000-01-01T00:00:00Z");

	private final String declaredOn;

	/** Topics and buses are named by destinations only. */
	private final Set<String> topics = new LinkedHashSet<>();

	private final Set<String> eventBuses = new LinkedHashSet<>();

	private ConfigReader(String declaredOn) {
		this.declaredOn = declaredOn;
	}

	/** @throws InvalidConfigurationException for the first problem found */
	public static SandboxConfig read(Class<?> testClass) {
		return new ConfigReader(testClass.getSimpleName()).readFrom(testClass);
	}

	private SandboxConfig readFrom(Class<?> testClass) {
		List<Class<?>> classes = new ArrayList<>();
		for (Class<?> c = testClass; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
			classes.add(0, c);
		}
		List<LambdaFunction> functionAnnotations = new ArrayList<>();
		List<Queue> queueAnnotations = new ArrayList<>();
		List<Bucket> bucketAnnotations = new ArrayList<>();
		LambdaSandbox sandbox = null;
		for (Class<?> c : classes) {
			functionAnnotations.addAll(AnnotationSupport.findRepeatableAnnotations(c, LambdaFunction.class));
			queueAnnotations.addAll(AnnotationSupport.findRepeatableAnnotations(c, Queue.class));
			bucketAnnotations.addAll(AnnotationSupport.findRepeatableAnnotations(c, Bucket.class));
			sandbox = AnnotationSupport.findAnnotation(c, LambdaSandbox.class).orElse(sandbox);
		}

		Instant startTime = startTime(sandbox == null ? "2025-01-01T00:00:00Z" : sandbox.startTime());
		long seed = sandbox == null ? LambdaSandbox.SEED_FROM_TEST : sandbox.seed();
		int accountConcurrency = sandbox == null ? 1000 : sandbox.accountConcurrency();
		if (accountConcurrency < 1) {
			throw fail("@LambdaSandbox on " + declaredOn + ": accountConcurrency = " + accountConcurrency
					+ " must be 1 or more (the account's ConcurrentExecutions; AWS's default is 1000).");
		}

		Set<String> functionNames = new LinkedHashSet<>();
		for (LambdaFunction f : functionAnnotations) {
			String where = "@LambdaFunction(name = \"" + f.name() + "\") on " + declaredOn;
			String problem = AwsNames.function(f.name());
			if (problem != null) {
				throw fail(where + ": " + problem + ".");
			}
			if (!functionNames.add(f.name())) {
				throw fail(where + ": a function of this name is declared twice. Give each @LambdaFunction its own name.");
			}
		}

		Set<String> queues = new LinkedHashSet<>();
		for (Queue q : queueAnnotations) {
			checkQueueName("@Queue(name = \"" + q.name() + "\") on " + declaredOn, q.name());
			if (!queues.add(q.name())) {
				throw fail("@Queue(name = \"" + q.name() + "\") on " + declaredOn + ": this queue is declared twice.");
			}
		}
		Set<String> buckets = new LinkedHashSet<>();
		for (Bucket b : bucketAnnotations) {
			String where = "@Bucket(name = \"" + b.name() + "\") on " + declaredOn;
			String problem = AwsNames.bucket(b.name());
			if (problem != null) {
				throw fail(where + ": " + problem + ".");
			}
			if (!buckets.add(b.name())) {
				throw fail(where + ": this bucket is declared twice.");
			}
		}

		List<FunctionConfig> functions = new ArrayList<>();
		for (LambdaFunction f : functionAnnotations) {
			functions.add(function(f, functionNames, queues, buckets));
		}
		checkReservations(functions, accountConcurrency);

		Map<String, TargetRef> notifications = new LinkedHashMap<>();
		for (Bucket b : bucketAnnotations) {
			if (!b.onObjectCreated().isBlank()) {
				String where = "@Bucket(name = \"" + b.name() + "\") on " + declaredOn + ": onObjectCreated = \""
						+ b.onObjectCreated() + "\"";
				String value = b.onObjectCreated();
				TargetRef target = value.contains(":") ? Targets.parse(where, value, null)
						: new TargetRef(Service.LAMBDA, value);
				if (target.service() != Service.LAMBDA && target.service() != Service.SQS && target.service() != Service.SNS) {
					throw fail(where + ": S3 notifications go to a function (a name, or lambda:name), an SQS queue "
							+ "(sqs:name) or an SNS topic (sns:name), as in AWS.");
				}
				if (target.name().endsWith(".fifo") && target.service() != Service.LAMBDA) {
					throw fail(where + ": S3 does not send notifications to FIFO queues or topics, as in AWS.");
				}
				resolve(where, target, functionNames, queues, buckets);
				notifications.put(b.name(), target);
			}
		}
		int maxAsyncPayload = (sandbox == null ? LambdaSandbox.AsyncPayloadLimit.ONE_MB : sandbox.asyncPayloadLimit()).bytes();
		boolean failOnPendingWork = sandbox != null && sandbox.failOnPendingWork();
		return new SandboxConfig(declaredOn, startTime, seed, accountConcurrency, maxAsyncPayload, failOnPendingWork, functions,
				List.copyOf(queues),
				List.copyOf(topics),
				List.copyOf(eventBuses), List.copyOf(buckets), notifications);
	}

	private FunctionConfig function(LambdaFunction f, Set<String> functionNames, Set<String> queues, Set<String> buckets) {
		String where = "@LambdaFunction(name = \"" + f.name() + "\") on " + declaredOn;
		// a handler the Java runtime cannot load is not refused here: as in AWS, every invocation then fails
		range(where, "maximumRetryAttempts", f.maximumRetryAttempts(), 0, 2, "MaximumRetryAttempts");
		range(where, "maximumEventAgeInSeconds", f.maximumEventAgeInSeconds(), 60, 21600, "MaximumEventAgeInSeconds");
		range(where, "timeout", f.timeout(), 1, 900, "Timeout, in seconds");
		range(where, "memorySize", f.memorySize(), 128, 10240, "MemorySize, in MB");
		if (f.reservedConcurrency() < -1) {
			throw fail(where + ": reservedConcurrency = " + f.reservedConcurrency()
					+ " must be -1 (no reservation) or 0 and above, as in AWS (ReservedConcurrentExecutions).");
		}
		TargetRef onSuccess = f.onSuccess().isBlank() ? null : Targets.parse(where + ": onSuccess = \"" + f.onSuccess() + "\"",
				f.onSuccess(), "destinationConfig.onSuccess.destination");
		TargetRef onFailure = f.onFailure().isBlank() ? null : Targets.parse(where + ": onFailure = \"" + f.onFailure() + "\"",
				f.onFailure(), "destinationConfig.onFailure.destination");
		destination(where, "onSuccess", f.onSuccess(), onSuccess, onSuccess, onFailure, f.name(), functionNames, queues, buckets);
		destination(where, "onFailure", f.onFailure(), onFailure, onSuccess, onFailure, f.name(), functionNames, queues, buckets);
		TargetRef dlq = null;
		if (!f.deadLetterQueue().isBlank()) {
			String at = where + ": deadLetterQueue = \"" + f.deadLetterQueue() + "\"";
			dlq = Targets.parse(at, f.deadLetterQueue(), null);
			if (dlq.service() != Service.SQS && dlq.service() != Service.SNS) {
				// AWS: DeadLetterConfig takes an SQS queue or an SNS topic
				throw fail(at + ": a dead-letter queue is an SQS queue or an SNS topic, as in AWS: write \"sqs:<queue name>\", "
						+ "\"sns:<topic name>\" or an ARN of one.");
			}
			resolve(at, dlq, functionNames, queues, buckets);
		}
		return new FunctionConfig(f.name(), f.handler(), f.maximumRetryAttempts(), f.maximumEventAgeInSeconds(),
				f.timeout(), f.memorySize(), onSuccess, onFailure, dlq, f.reservedConcurrency());
	}

	/**
	 * AWS keeps at least 100 of the account's concurrency unreserved (all of it on an account with a smaller
	 * limit): PutFunctionConcurrency refuses a reservation that would leave less.
	 */
	private void checkReservations(List<FunctionConfig> functions, int accountConcurrency) {
		int minimumUnreserved = Math.min(100, accountConcurrency);
		long reserved = 0;
		for (FunctionConfig function : functions) {
			if (function.reservedConcurrency() > 0) {
				reserved += function.reservedConcurrency();
				if (reserved > accountConcurrency - minimumUnreserved) {
					throw fail("@LambdaFunction(name = \"" + function.name() + "\") on " + declaredOn + ": reservedConcurrency = "
							+ function.reservedConcurrency() + " is refused, as AWS refuses it: \"Specified "
							+ "ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its "
							+ "minimum value of [" + minimumUnreserved + "].\" The account's concurrency is " + accountConcurrency
							+ " (@LambdaSandbox(accountConcurrency)), of which " + minimumUnreserved + " must stay unreserved"
							+ (reserved > function.reservedConcurrency() ? " and " + (reserved - function.reservedConcurrency())
									+ " is reserved by other functions" : "") + ": reserve at most "
							+ Math.max(0, accountConcurrency - minimumUnreserved - (reserved - function.reservedConcurrency()))
							+ ", or raise accountConcurrency.");
				}
			}
		}
	}

	/**
	 * Checks a destination as PutFunctionEventInvokeConfig does, with AWS's messages: a service Lambda does not send
	 * to, S3 on success, the function itself, a function that does not exist.
	 */
	private void destination(String where, String attribute, String value, TargetRef target, TargetRef onSuccess,
			TargetRef onFailure, String self, Set<String> functionNames, Set<String> queues, Set<String> buckets) {
		if (target == null) {
			return;
		}
		String at = where + ": " + attribute + " = \"" + value + "\"";
		if (target.service() == null || target.service() == Service.S3 && attribute.equals("onSuccess")) {
			String fix = target.service() == null ? " Destinations are SQS queues, SNS topics, Lambda functions, EventBridge "
					+ "buses and (on failure) S3 buckets." : " S3 buckets are supported only for on-failure destinations: use "
					+ "onFailure, or an SQS queue for onSuccess.";
			throw fail(at + ": AWS refuses it: \"The provided destination config DestinationConfig(onSuccess="
					+ (onSuccess == null ? "null" : "OnSuccess(destination=" + onSuccess.arn() + ")") + ", onFailure="
					+ (onFailure == null ? "null" : "OnFailure(destination=" + onFailure.arn() + ")") + ") is invalid.\"" + fix);
		}
		if (target.service() == Service.LAMBDA) {
			if (target.name().equals(self)) {
				throw fail(at + ": AWS refuses it: \"You can't specify the function as a destination for itself.\"");
			}
			if (!functionNames.contains(target.name())) {
				throw fail(at + ": AWS refuses it: \"The destination ARN " + target.arn() + " is invalid.\" Declared functions: "
						+ quoted(functionNames) + ".");
			}
		}
		resolve(at, target, functionNames, queues, buckets);
	}

	/** Checks that a named function exists; adds the queues, topics, buses and buckets that are named. */
	private void resolve(String at, TargetRef target, Set<String> functionNames, Set<String> queues, Set<String> buckets) {
		switch (target.service()) {
			case LAMBDA -> {
				if (!functionNames.contains(target.name())) {
					throw fail(at + " names a function that is not declared. Declared functions: "
							+ quoted(functionNames) + ".");
				}
			}
			case SQS -> {
				checkQueueName(at, target.name());
				queues.add(target.name());
			}
			case S3 -> {
				check(at, AwsNames.bucket(target.name()));
				buckets.add(target.name());
			}
			case SNS -> {
				check(at, AwsNames.topic(target.name()));
				topics.add(target.name());
			}
			case EVENTS -> {
				check(at, AwsNames.eventBus(target.name()));
				eventBuses.add(target.name());
			}
		}
	}

	private void check(String at, String problem) {
		if (problem != null) {
			throw fail(at + ": " + problem + ".");
		}
	}

	private void checkQueueName(String at, String name) {
		check(at, AwsNames.queue(name));
	}

	private static boolean isInner(Class<?> c) {
		return c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers()) && c.isMemberClass();
	}

	private void range(String where, String attribute, int value, int min, int max, String awsName) {
		if (value < min || value > max) {
			throw fail(where + ": " + attribute + " = " + value + " must be " + min + ".." + max + ", as in AWS ("
					+ awsName + ").");
		}
	}

	private Instant startTime(String value) {
		Instant start;
		try {
			start = Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			throw fail("@LambdaSandbox on " + declaredOn + ": startTime = \"" + value
					+ "\" is not an ISO-8601 instant such as \"2025-01-01T00:00:00Z\".");
		}
		if (start.isBefore(Instant.EPOCH) || start.isAfter(LATEST_START)) {
			throw fail("@LambdaSandbox on " + declaredOn + ": startTime = \"" + value + "\" is out of range: the virtual "
					+ "clock starts between 1970-01-01T00:00:00Z and 9000-01-01T00:00:00Z (AWS writes timestamps since the epoch, "
					+ "with four-digit years, and the clock needs room to run).");
		}
		return start;
	}

	/** {@code "a", "b"}, or {@code (none)}: how messages list the names there are. */
	public static String quoted(java.util.Collection<String> names) {
		return names.isEmpty() ? "(none)" : names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
	}

	private static InvalidConfigurationException fail(String message) {
		return new InvalidConfigurationException(message);
	}
}
