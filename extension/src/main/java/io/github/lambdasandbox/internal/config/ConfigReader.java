package io.github.lambdasandbox.internal.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.config.TargetRef.Service;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads and validates the sandbox annotations of a class (and of the classes enclosing a {@code @Nested}
 * one). Every message names the annotation, the attribute, the value and what AWS allows.
 */
public final class ConfigReader {

	private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private static final Pattern QUEUE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,80}(\\.fifo)?");

	private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,251}(\\.fifo)?");

	private static final Pattern EVENT_BUS_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,256}");

	private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private static final Pattern ARN = Pattern.compile("arn:aws:([a-z0-9-]+):([a-z0-9-]*):(\\d{12})?:(.+)");

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
			if (!FUNCTION_NAME.matcher(f.name()).matches()) {
				throw fail(where + ": the name must be 1 to 64 letters, digits, hyphens or underscores, as in AWS.");
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
			if (!BUCKET_NAME.matcher(b.name()).matches() || b.name().contains("..")) {
				throw fail(where + ": the name must be 3 to 63 lower-case letters, digits, dots or hyphens, "
						+ "beginning and ending with a letter or digit, as in AWS.");
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
				TargetRef target = value.contains(":") ? target(where, value)
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
		return new SandboxConfig(declaredOn, startTime, seed, accountConcurrency, functions, List.copyOf(queues),
				List.copyOf(topics),
				List.copyOf(eventBuses), List.copyOf(buckets), notifications);
	}

	private FunctionConfig function(LambdaFunction f, Set<String> functionNames, Set<String> queues, Set<String> buckets) {
		String where = "@LambdaFunction(name = \"" + f.name() + "\") on " + declaredOn;
		checkHandler(where, f.handler());
		range(where, "maximumRetryAttempts", f.maximumRetryAttempts(), 0, 2, "MaximumRetryAttempts");
		range(where, "maximumEventAgeInSeconds", f.maximumEventAgeInSeconds(), 60, 21600, "MaximumEventAgeInSeconds");
		range(where, "timeout", f.timeout(), 1, 900, "Timeout, in seconds");
		range(where, "memorySize", f.memorySize(), 128, 10240, "MemorySize, in MB");
		if (f.reservedConcurrency() < -1) {
			throw fail(where + ": reservedConcurrency = " + f.reservedConcurrency()
					+ " must be -1 (no reservation) or 0 and above, as in AWS (ReservedConcurrentExecutions).");
		}
		TargetRef onSuccess = destination(where, "onSuccess", f.onSuccess(), f.name(), functionNames, queues, buckets);
		TargetRef onFailure = destination(where, "onFailure", f.onFailure(), f.name(), functionNames, queues, buckets);
		TargetRef dlq = null;
		if (!f.deadLetterQueue().isBlank()) {
			String at = where + ": deadLetterQueue = \"" + f.deadLetterQueue() + "\"";
			dlq = target(at, f.deadLetterQueue());
			if (dlq.service() != Service.SQS && dlq.service() != Service.SNS) {
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

	private TargetRef destination(String where, String attribute, String value, String self, Set<String> functionNames,
			Set<String> queues, Set<String> buckets) {
		if (value.isBlank()) {
			return null;
		}
		String at = where + ": " + attribute + " = \"" + value + "\"";
		TargetRef target = target(at, value);
		switch (target.service()) {
			case S3 -> {
				if (attribute.equals("onSuccess")) {
					throw fail(at + ": S3 buckets are supported only for on-failure destinations, as in AWS. "
							+ "Use onFailure, or an SQS queue for onSuccess.");
				}
			}
			case LAMBDA -> {
				if (target.name().equals(self)) {
					throw fail(at + ": you can't specify the function as a destination for itself, as in AWS.");
				}
			}
			default -> {
			}
		}
		resolve(at, target, functionNames, queues, buckets);
		return target;
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
			case S3 -> buckets.add(target.name());
			case SNS -> {
				checkTopicName(at, target.name());
				topics.add(target.name());
			}
			case EVENTS -> {
				if (!EVENT_BUS_NAME.matcher(target.name()).matches()) {
					throw fail(at + ": an event bus name must be 1 to 256 letters, digits, dots, hyphens or underscores, as in AWS.");
				}
				eventBuses.add(target.name());
			}
		}
	}

	private void checkTopicName(String at, String name) {
		if (!TOPIC_NAME.matcher(name).matches()) {
			throw fail(at + ": a topic name must be 1 to 256 letters, digits, hyphens or underscores "
					+ "(plus \".fifo\" for a FIFO topic), as in AWS.");
		}
	}

	private TargetRef target(String at, String value) {
		for (Service service : Service.values()) {
			String prefix = service.prefix() + ":";
			if (value.startsWith(prefix) && !value.startsWith("arn:")) {
				String name = value.substring(prefix.length());
				if (name.isBlank()) {
					throw fail(at + ": the name after \"" + prefix + "\" is missing.");
				}
				return new TargetRef(service, name);
			}
		}
		Matcher arn = ARN.matcher(value);
		if (arn.matches()) {
			String service = arn.group(1);
			String region = arn.group(2);
			String account = arn.group(3);
			String resource = arn.group(4);
			if (!service.equals("s3") && (!Sandbox.REGION.equals(region) || !Sandbox.ACCOUNT_ID.equals(account))) {
				throw fail(at + " is in account " + account + ", region " + region + "; the sandbox is account "
						+ Sandbox.ACCOUNT_ID + " in " + Sandbox.REGION + ". Use the short form (e.g. \"sqs:name\") or an ARN of "
						+ "that account and region.");
			}
			switch (service) {
				case "sqs":
					return new TargetRef(Service.SQS, resource);
				case "sns":
					return new TargetRef(Service.SNS, resource);
				case "s3":
					return new TargetRef(Service.S3, resource);
				case "lambda":
					if (resource.startsWith("function:")) {
						String name = resource.substring("function:".length());
						return new TargetRef(Service.LAMBDA, name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
					}
					break;
				case "events":
					if (resource.startsWith("event-bus/")) {
						return new TargetRef(Service.EVENTS, resource.substring("event-bus/".length()));
					}
					break;
				default:
					break;
			}
			throw fail(at + ": the provided destination is invalid, as AWS would say: destinations are SQS queues, SNS "
					+ "topics, Lambda functions, EventBridge event buses and S3 buckets.");
		}
		String hint = value.startsWith("arn:") ? "" : " Did you mean \"sqs:" + value + "\"?";
		throw fail(at + " is neither an ARN nor one of sqs:, sns:, lambda:, events:, s3: followed by a name." + hint);
	}

	private void checkQueueName(String at, String name) {
		if (!QUEUE_NAME.matcher(name).matches()) {
			throw fail(at + ": a queue name must be 1 to 80 letters, digits, hyphens or underscores "
					+ "(plus \".fifo\" for a FIFO queue), as in AWS.");
		}
	}

	private void checkHandler(String where, Class<?> handler) {
		String at = where + ": handler = " + handler.getName();
		if (!RequestHandler.class.isAssignableFrom(handler) && !RequestStreamHandler.class.isAssignableFrom(handler)) {
			throw fail(at + " implements neither RequestHandler nor RequestStreamHandler "
					+ "(com.amazonaws.services.lambda.runtime). Implement one of them.");
		}
		if (handler.isInterface() || Modifier.isAbstract(handler.getModifiers())) {
			throw fail(at + " is abstract; the Java runtime needs a concrete class to instantiate.");
		}
		if (isInner(handler)) {
			throw fail(at + " is an inner class; the Java runtime cannot instantiate it. Declare it static.");
		}
		try {
			Constructor<?> constructor = handler.getDeclaredConstructor();
			if (constructor == null) {
				throw new NoSuchMethodException();
			}
		}
		catch (NoSuchMethodException e) {
			throw fail(at + " has no no-argument constructor; the Java runtime creates the handler with one. Add it.");
		}
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
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			throw fail("@LambdaSandbox on " + declaredOn + ": startTime = \"" + value
					+ "\" is not an ISO-8601 instant such as \"2025-01-01T00:00:00Z\".");
		}
	}

	/** {@code "a", "b"}, or {@code (none)}: how messages list the names there are. */
	public static String quoted(java.util.Collection<String> names) {
		return names.isEmpty() ? "(none)" : names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
	}

	private static InvalidConfigurationException fail(String message) {
		return new InvalidConfigurationException(message);
	}
}
