package io.github.lambdasandbox.internal.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.BucketNotification;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventRule;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.Fault;
import io.github.lambdasandbox.InjectFault;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Subscription;
import io.github.lambdasandbox.Table;
import io.github.lambdasandbox.Topic;
import io.github.lambdasandbox.internal.config.TargetRef.Service;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.DynamoDbStreams;
import io.github.lambdasandbox.internal.json.KinesisEvents;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads and validates the sandbox annotations of a class (and of the classes enclosing a {@code @Nested}
 * one). Every message names the annotation, the attribute, the value and what AWS allows.
 */
public final class ConfigReader {

	/** The latest start: the clock needs room to run, and AWS writes four-digit years. */
	private static final Instant LATEST_START = Instant.parse("9000-01-01T00:00:00Z");

	private final String declaredOn;

	/** When the sandbox starts: when its tables and their streams are created. */
	private Instant startTime;

	/** Topics and buses: declared ({@code @Topic}), or named by destinations, rules, subscriptions, notifications. */
	private final Set<String> topics = new LinkedHashSet<>();

	private final Set<String> eventBuses = new LinkedHashSet<>();

	/** Declared queues, then those that destinations, dead-letter queues and notifications name. */
	private final Map<String, QueueConfig> queueConfigs = new LinkedHashMap<>();

	private ConfigReader(String declaredOn) {
		this.declaredOn = declaredOn;
	}

	/** @throws InvalidConfigurationException for the first problem found */
	public static SandboxConfig read(Class<?> testClass) {
		return read(testClass, null);
	}

	/**
	 * Reads the declarations of a test method with its class's: those on the method add to the class's and replace
	 * one of the same name (a mapping: of the same function and source).
	 *
	 * @param testMethod null for the class's alone
	 * @throws InvalidConfigurationException for the first problem found
	 */
	public static SandboxConfig read(Class<?> testClass, Method testMethod) {
		String declaredOn = testMethod == null ? testClass.getSimpleName()
				: testClass.getSimpleName() + "." + testMethod.getName() + "()";
		return new ConfigReader(declaredOn).readFrom(testClass, testMethod);
	}

	/** Whether a method carries declarations of its own (else its class's configuration serves it). */
	public static boolean declaresAnything(Method testMethod) {
		if (AnnotationSupport.isAnnotated(testMethod, LambdaSandbox.class)) {
			return true;
		}
		for (Class<? extends Annotation> type : REPEATABLE_DECLARATIONS) {
			if (!AnnotationSupport.findRepeatableAnnotations(testMethod, type).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private static final List<Class<? extends Annotation>> REPEATABLE_DECLARATIONS = List.of(LambdaFunction.class,
			Queue.class, Bucket.class, DataStream.class, Table.class, EventSourceMapping.class, InjectFault.class, Topic.class,
			Subscription.class, EventRule.class, BucketNotification.class);

	private SandboxConfig readFrom(Class<?> testClass, Method testMethod) {
		List<AnnotatedElement> levels = new ArrayList<>();
		for (Class<?> c = testClass; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
			levels.add(0, c);
		}
		if (testMethod != null) {
			levels.add(testMethod);
		}
		List<LambdaFunction> functionAnnotations = merged(levels, LambdaFunction.class, LambdaFunction::name,
				"@LambdaFunction", "a function of this name is declared twice. Give each @LambdaFunction its own name.");
		List<Queue> queueAnnotations = merged(levels, Queue.class, Queue::name, "@Queue", "this queue is declared twice.");
		List<Bucket> bucketAnnotations = merged(levels, Bucket.class, Bucket::name, "@Bucket",
				"this bucket is declared twice.");
		List<DataStream> streamAnnotations = merged(levels, DataStream.class, DataStream::name, "@DataStream",
				"this stream is declared twice.");
		List<Table> tableAnnotations = merged(levels, Table.class, Table::name, "@Table", "this table is declared twice.");
		List<EventSourceMapping> mappingAnnotations = merged(levels, EventSourceMapping.class,
				m -> m.function() + " \u2190 " + m.source(), "@EventSourceMapping", null);
		List<Topic> topicAnnotations = merged(levels, Topic.class, Topic::name, "@Topic", "this topic is declared twice.");
		List<Subscription> subscriptionAnnotations = merged(levels, Subscription.class,
				s -> s.topic() + " \u2192 " + s.endpoint(), "@Subscription", null);
		List<EventRule> ruleAnnotations = merged(levels, EventRule.class, r -> r.bus() + " " + r.name(), "@EventRule", null);
		RoutingDeclarations routing = new RoutingDeclarations(this, declaredOn, topics, eventBuses);
		routing.topics(topicAnnotations);
		LambdaSandbox sandbox = null;
		for (AnnotatedElement level : levels) {
			sandbox = AnnotationSupport.findAnnotation(level, LambdaSandbox.class).orElse(sandbox);
		}

		startTime = startTime(sandbox == null ? "2025-01-01T00:00:00Z" : sandbox.startTime());
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
			functionNames.add(f.name());
		}

		for (Queue q : queueAnnotations) {
			queue(q);
		}
		for (QueueConfig q : List.copyOf(queueConfigs.values())) {
			if (q.deadLetterQueue() != null) {
				queueConfigs.putIfAbsent(q.deadLetterQueue(), QueueConfig.defaults(q.deadLetterQueue()));
			}
		}
		Set<String> queues = queueConfigs.keySet();
		Set<String> buckets = new LinkedHashSet<>();
		for (Bucket b : bucketAnnotations) {
			String where = "@Bucket(name = \"" + b.name() + "\") on " + declaredOn;
			String problem = AwsNames.bucket(b.name());
			if (problem != null) {
				throw fail(where + ": " + problem + ".");
			}
			buckets.add(b.name());
		}

		List<FunctionConfig> functions = new ArrayList<>();
		for (LambdaFunction f : functionAnnotations) {
			functions.add(function(f, functionNames, queues, buckets));
		}
		checkReservations(functions, accountConcurrency);

		List<NotificationConfig> notificationConfigs = routing.notifications(levels, functionNames, buckets);
		Map<String, TargetRef> notifications = new LinkedHashMap<>();
		notificationConfigs.stream().filter(n -> n.id() == null && n.filter().events().equals(List.of("s3:ObjectCreated:*"))
				&& n.filter().prefix().isEmpty() && n.filter().suffix().isEmpty())
			.forEach(n -> notifications.putIfAbsent(n.bucket(), n.target()));
		List<RuleConfig> rules = routing.rules(ruleAnnotations, functionNames, buckets);
		List<SubscriptionConfig> subscriptions = routing.subscriptions(subscriptionAnnotations, functionNames, buckets);
		Map<String, StreamConfig> streams = new LinkedHashMap<>();
		for (DataStream d : streamAnnotations) {
			StreamConfig stream = stream(d);
			streams.put(stream.name(), stream);
		}
		Map<String, TableConfig> tables = new LinkedHashMap<>();
		for (Table t : tableAnnotations) {
			TableConfig table = table(t);
			tables.put(table.name(), table);
		}
		List<MappingConfig> mappings = new ArrayList<>();
		Map<String, FunctionConfig> functionsByName = new LinkedHashMap<>();
		functions.forEach(f -> functionsByName.put(f.name(), f));
		Set<String> mapped = new LinkedHashSet<>();
		for (EventSourceMapping annotation : mappingAnnotations) {
			MappingRequest m = MappingRequest.of(annotation);
			MappingConfig mapping = mapping(m, functionsByName, streams, tables, buckets);
			if (!mapped.add(mapping.function() + " " + mapping.sourceRef())) {
				throw fail(describe(m) + ": AWS refuses a second mapping of the same source and function: \""
						+ (mapping.kind() == MappingConfig.SourceKind.SQS ? "An event source mapping with SQS arn (\\\" "
								+ Arns.queue(mapping.source()) + " \\\") and function (\\\" " + mapping.function()
								+ " \\\") already exists." : "The event source arn (\\\" " + sourceArn(mapping, startTime)
								+ " \\\") and function (\\\" " + mapping.function() + " \\\") provided mapping already exists.")
						+ " Please update or delete the existing mapping with UUID …\" Declare one mapping per source and "
						+ "function; change it at run time with sandbox.eventSourceMapping(function, source).");
			}
			mappings.add(mapping);
		}
		int maxAsyncPayload = (sandbox == null ? LambdaSandbox.AsyncPayloadLimit.ONE_MB : sandbox.asyncPayloadLimit()).bytes();
		boolean failOnPendingWork = sandbox != null && sandbox.failOnPendingWork();
		// handler code: its clock, and whether each execution environment loads it anew
		boolean virtualHandlerTime = sandbox == null || sandbox.handlerTime() == LambdaSandbox.HandlerTime.VIRTUAL;
		boolean isolatedEnvironments = sandbox != null && sandbox.isolatedEnvironments();
		return new SandboxConfig(declaredOn, startTime, seed, accountConcurrency, maxAsyncPayload, failOnPendingWork, functions,
				List.copyOf(queueConfigs.values()), List.copyOf(topics), List.copyOf(eventBuses), List.copyOf(buckets),
				notifications, List.copyOf(streams.values()), List.copyOf(tables.values()), mappings, virtualHandlerTime,
				isolatedEnvironments, faults(sandbox, levels, functionNames), routing.topicConfigs(), subscriptions, rules,
				notificationConfigs);
	}

	private FunctionConfig function(LambdaFunction f, Set<String> functionNames, Set<String> queues, Set<String> buckets) {
		String where = this.where != null ? this.where : "@LambdaFunction(name = \"" + f.name() + "\") on " + declaredOn;
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
		// the execution role: Lambda checks it can send to the dead-letter queue and the destinations
		RolePolicy role = RolePolicy.of(where, f.permissions());
		RoleChecks.function(where, role, f.deadLetterQueue(), dlq, f.onSuccess(), onSuccess, f.onFailure(), onFailure);
		return new FunctionConfig(f.name(), f.handler(), f.maximumRetryAttempts(), f.maximumEventAgeInSeconds(),
				f.timeout(), f.memorySize(), onSuccess, onFailure, dlq, f.reservedConcurrency(), role, f.recursiveLoop());
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

	/** {@link #resolve(String, TargetRef, Set, Set, Set)} for the routing declarations. */
	void resolve(String at, TargetRef target, Set<String> functionNames, Set<String> buckets) {
		resolve(at, target, functionNames, queueConfigs.keySet(), buckets);
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
				queueConfigs.putIfAbsent(target.name(), QueueConfig.defaults(target.name()));
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

	/**
	 * The annotations of every level, outer to inner: on one level a name may appear once; an inner level (a
	 * {@code @Nested} class, then the test method) replaces what an outer one declared under the same name.
	 *
	 * @param twice the message for a name declared twice on one level, or null for a mapping (AWS's own message)
	 */
	private <A extends Annotation> List<A> merged(List<AnnotatedElement> levels, Class<A> type, Function<A, String> key,
			String annotation, String twice) {
		Map<String, A> merged = new LinkedHashMap<>();
		List<A> conflicts = new ArrayList<>();
		for (AnnotatedElement level : levels) {
			Set<String> here = new HashSet<>();
			for (A a : AnnotationSupport.findRepeatableAnnotations(level, type)) {
				String name = key.apply(a);
				if (!here.add(name)) {
					if (twice != null) {
						throw fail(annotation + "(name = \"" + name + "\") on " + declaredOn + ": " + twice);
					}
					conflicts.add(a);
					continue;
				}
				merged.put(name, a);
			}
		}
		List<A> all = new ArrayList<>(merged.values());
		all.addAll(conflicts);
		return all;
	}

	private void queue(Queue q) {
		String where = "@Queue(name = \"" + q.name() + "\") on " + declaredOn;
		checkQueueName(where, q.name());
		if (q.visibilityTimeout() < 0 || q.visibilityTimeout() > 43_200) {
			throw fail(where + ": visibilityTimeout = " + q.visibilityTimeout() + " must be 0..43200 seconds (12 hours), as in "
					+ "SQS (VisibilityTimeout).");
		}
		if (q.maxReceiveCount() < 1 || q.maxReceiveCount() > 1000) {
			throw fail(where + ": maxReceiveCount = " + q.maxReceiveCount() + " must be 1..1000, as in SQS (the redrive "
					+ "policy's maxReceiveCount).");
		}
		if (q.delaySeconds() < 0 || q.delaySeconds() > 900) {
			throw fail(where + ": delaySeconds = " + q.delaySeconds() + " must be 0..900 (15 minutes), as in SQS "
					+ "(DelaySeconds).");
		}
		if (q.messageRetentionPeriod() < 60 || q.messageRetentionPeriod() > 1_209_600) {
			throw fail(where + ": messageRetentionPeriod = " + q.messageRetentionPeriod() + " must be 60..1209600 seconds "
					+ "(14 days), as in SQS (MessageRetentionPeriod).");
		}
		if (q.contentBasedDeduplication() && !q.name().endsWith(".fifo")) {
			throw fail(where + ": contentBasedDeduplication is an attribute of FIFO queues only, as in SQS. Name the queue "
					+ "\"" + q.name() + ".fifo\" or drop the attribute.");
		}
		String deadLetterQueue = null;
		if (!q.deadLetterQueue().isBlank()) {
			String at = where + ": deadLetterQueue = \"" + q.deadLetterQueue() + "\"";
			TargetRef target = Targets.parse(at, q.deadLetterQueue(), null);
			if (target.service() != Service.SQS) {
				throw fail(at + ": a queue's dead-letter queue is another SQS queue: write \"sqs:<queue name>\" or its ARN.");
			}
			checkQueueName(at, target.name());
			if (target.name().equals(q.name())) {
				throw fail(at + ": a queue cannot be its own dead-letter queue. Declare another queue for the messages that "
						+ "fail " + q.maxReceiveCount() + " times.");
			}
			if (target.name().endsWith(".fifo") != q.name().endsWith(".fifo")) {
				throw fail(at + ": SQS refuses it: the dead-letter queue of a FIFO queue must be a FIFO queue, and that of a "
						+ "standard queue a standard queue.");
			}
			deadLetterQueue = target.name();
		}
		queueConfigs.put(q.name(), new QueueConfig(q.name(), q.visibilityTimeout(), deadLetterQueue, q.maxReceiveCount(),
				q.delaySeconds(), q.messageRetentionPeriod(), q.contentBasedDeduplication()));
	}

	private StreamConfig stream(DataStream d) {
		String where = "@DataStream(name = \"" + d.name() + "\") on " + declaredOn;
		check(where, AwsNames.stream(d.name()));
		if (d.shards() < 1 || d.shards() > 100) {
			throw fail(where + ": shards = " + d.shards() + " must be 1..100 (Kinesis allows more; a test needs far fewer).");
		}
		if (d.retentionHours() < 24 || d.retentionHours() > 8760) {
			throw fail(where + ": retentionHours = " + d.retentionHours() + " must be 24..8760 (365 days), as in Kinesis "
					+ "(RetentionPeriodHours).");
		}
		return new StreamConfig(d.name(), d.shards(), d.retentionHours());
	}

	private TableConfig table(Table t) {
		String where = "@Table(name = \"" + t.name() + "\") on " + declaredOn;
		check(where, AwsNames.table(t.name()));
		if (t.partitionKey().isBlank() || t.partitionKey().length() > 255) {
			throw fail(where + ": partitionKey = \"" + t.partitionKey() + "\": a key attribute name is 1 to 255 characters, "
					+ "as in DynamoDB.");
		}
		if (t.sortKey().length() > 255 || t.sortKey().equals(t.partitionKey())) {
			throw fail(where + ": sortKey = \"" + t.sortKey() + "\": the sort key is another attribute than the partition "
					+ "key, 1 to 255 characters (or \"\" for none), as in DynamoDB.");
		}
		return new TableConfig(t.name(), t.partitionKey(), t.sortKey());
	}

	private String describe(MappingRequest m) {
		if (where != null) {
			return where;
		}
		return "@EventSourceMapping(function = \"" + m.function() + "\", source = \"" + m.source() + "\") on " + declaredOn;
	}

	/** Checks a mapping as CreateEventSourceMapping does: its model's ranges first, then the rules of the source. */
	private MappingConfig mapping(MappingRequest m, Map<String, FunctionConfig> functions,
			Map<String, StreamConfig> streams, Map<String, TableConfig> tables, Set<String> buckets) {
		String where = describe(m);
		if (m.batchSize() != 0) {
			modelRange(where, "batchSize", m.batchSize(), 1, 10_000);
		}
		modelRange(where, "maximumBatchingWindowInSeconds", m.maximumBatchingWindowInSeconds(), 0, 300);
		modelRange(where, "maximumRetryAttempts", m.maximumRetryAttempts(), -1, 10_000);
		modelRange(where, "maximumRecordAgeInSeconds", m.maximumRecordAgeInSeconds(), -1, 604_800);
		modelRange(where, "parallelizationFactor", m.parallelizationFactor(), 1, 10);
		String position = m.startingPosition().isEmpty() ? null : m.startingPosition();
		if (position != null && !STARTING_POSITIONS.contains(position)) {
			throw fail(where + ": startingPosition = \"" + position + "\": AWS refuses it: \"1 validation error detected: "
					+ "Value '" + position + "' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum "
					+ "value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]\".");
		}

		String functionName = functionName(where, m.function());
		FunctionConfig function = functions.get(functionName);
		if (function == null) {
			throw fail(where + ": AWS refuses it: \"Function does not exist\". Declared functions: "
					+ quoted(functions.keySet()) + ".");
		}

		MappingConfig.SourceKind kind;
		String source;
		String value = m.source();
		if (value.startsWith("sqs:")) {
			kind = MappingConfig.SourceKind.SQS;
			source = value.substring(4);
		}
		else if (value.startsWith("kinesis:")) {
			kind = MappingConfig.SourceKind.KINESIS;
			source = value.substring(8);
		}
		else if (value.startsWith("dynamodb:")) {
			kind = MappingConfig.SourceKind.DYNAMODB;
			source = value.substring(9);
		}
		else if (value.startsWith("arn:aws:sqs:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":")) {
			kind = MappingConfig.SourceKind.SQS;
			source = value.substring(value.lastIndexOf(':') + 1);
		}
		else if (value.startsWith("arn:aws:kinesis:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":stream/")) {
			kind = MappingConfig.SourceKind.KINESIS;
			source = value.substring(value.indexOf(":stream/") + 8);
		}
		else if (value.startsWith("arn:aws:dynamodb:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":table/")
				&& value.contains("/stream/")) {
			kind = MappingConfig.SourceKind.DYNAMODB;
			String rest = value.substring(value.indexOf(":table/") + 7);
			source = rest.substring(0, rest.indexOf("/stream/"));
		}
		else {
			throw fail(where + ": AWS refuses it: \"Unrecognized event source.\" A source is \"sqs:<queue>\", "
					+ "\"kinesis:<stream>\", \"dynamodb:<table>\", or the ARN of a queue, a stream or a table's stream in account "
					+ Sandbox.ACCOUNT_ID + ", " + Sandbox.REGION + ".");
		}

		int batchSize;
		String startingPosition = null;
		Instant timestamp = null;
		TargetRef onFailure = null;
		if (kind == MappingConfig.SourceKind.SQS) {
			QueueConfig queue = queueConfigs.get(source);
			if (queue == null) {
				throw fail(where + ": AWS refuses it: \"Error occurred while ReceiveMessage. SQS Error Code: "
						+ "AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.\" "
						+ "Declare it with @Queue(name = \"" + source + "\"). Queues: " + quoted(queueConfigs.keySet()) + ".");
			}
			if (position != null) {
				throw fail(where + ": AWS refuses it: \"StartingPosition is not valid for SQS event sources.\" Remove "
						+ "startingPosition: a queue mapping receives what is visible.");
			}
			if (!m.startingPositionTimestamp().isEmpty()) {
				throw unsupported(where, "startingPositionTimestamp");
			}
			if (!m.onFailure().isEmpty()) {
				throw fail(where + ": AWS refuses it: \"Unsupported DestinationConfig parameter for given event source mapping "
						+ "type.\" Failed messages of a queue go to the queue's own dead-letter queue: "
						+ "@Queue(name = \"" + source + "\", deadLetterQueue = \"sqs:…\", maxReceiveCount = …).");
			}
			if (m.maximumRetryAttempts() != -1) {
				throw unsupported(where, "maximumRetryAttempts");
			}
			if (m.maximumRecordAgeInSeconds() != -1) {
				throw unsupported(where, "maximumRecordAgeInSeconds");
			}
			if (m.bisectBatchOnFunctionError()) {
				throw unsupported(where, "bisectBatchOnFunctionError");
			}
			if (m.parallelizationFactor() != 1) {
				throw unsupported(where, "parallelizationFactor");
			}
			batchSize = m.batchSize() == 0 ? 10 : m.batchSize();
			if (queue.fifo()) {
				if (m.maximumBatchingWindowInSeconds() > 0) {
					throw fail(where + ": AWS refuses it: \"Batching window is not supported for FIFO queues\". Remove "
							+ "maximumBatchingWindowInSeconds.");
				}
				if (batchSize > 10) {
					throw fail(where + ": batchSize = " + batchSize + ": AWS refuses it: \"Maximum batch size must be between 1 "
							+ "and 10 inclusive\" (a FIFO queue's limit).");
				}
			}
			if (batchSize > 10 && m.maximumBatchingWindowInSeconds() == 0) {
				throw fail(where + ": batchSize = " + batchSize + ": AWS refuses it: \"Maximum batch window in seconds must be "
						+ "greater than 0 if maximum batch size is greater than 10\". Set maximumBatchingWindowInSeconds to 1 "
						+ "or more, or batchSize to 10 or less.");
			}
			if (queue.visibilityTimeoutSeconds() < function.timeoutSeconds()) {
				throw fail(where + ": AWS refuses it: \"Queue visibility timeout: " + queue.visibilityTimeoutSeconds()
						+ " seconds is less than Function timeout: " + function.timeoutSeconds() + " seconds\". Raise "
						+ "@Queue(visibilityTimeout) (AWS advises 6 times the function timeout) or lower the function's "
						+ "timeout.");
			}
		}
		else {
			if (kind == MappingConfig.SourceKind.KINESIS && !streams.containsKey(source)) {
				throw fail(where + ": the stream \"" + source + "\" is not declared. Declare it with @DataStream(name = \""
						+ source + "\"). Streams: " + quoted(streams.keySet()) + ".");
			}
			if (kind == MappingConfig.SourceKind.DYNAMODB && !tables.containsKey(source)) {
				throw fail(where + ": the table \"" + source + "\" is not declared. Declare it with @Table(name = \"" + source
						+ "\", partitionKey = \"…\"). Tables: " + quoted(tables.keySet()) + ".");
			}
			batchSize = m.batchSize() == 0 ? 100 : m.batchSize();
			if (m.maximumRecordAgeInSeconds() >= 0 && m.maximumRecordAgeInSeconds() < 60) {
				throw fail(where + ": maximumRecordAgeInSeconds = " + m.maximumRecordAgeInSeconds() + ": AWS refuses it: "
						+ "\"MaximumRecordAgeInSeconds must be either -1 (forever) or between 60 and 604800 (inclusive)\".");
			}
			startingPosition = position == null ? "TRIM_HORIZON" : position;
			if (startingPosition.equals("AT_TIMESTAMP")) {
				if (kind == MappingConfig.SourceKind.DYNAMODB) {
					throw fail(where + ": startingPosition = \"AT_TIMESTAMP\": AWS refuses it: \"Unsupported starting position "
							+ "for arn type: " + DynamoDbStreams.streamArn(source, startTime) + "\". DynamoDB streams start at TRIM_HORIZON or LATEST.");
				}
				if (m.startingPositionTimestamp().isEmpty()) {
					throw fail(where + ": startingPosition = \"AT_TIMESTAMP\" needs startingPositionTimestamp, an ISO-8601 "
							+ "instant such as \"2025-01-01T00:00:00Z\".");
				}
				try {
					timestamp = Instant.parse(m.startingPositionTimestamp());
				}
				catch (DateTimeParseException e) {
					throw fail(where + ": startingPositionTimestamp = \"" + m.startingPositionTimestamp() + "\" is not an "
							+ "ISO-8601 instant such as \"2025-01-01T00:00:00Z\".");
				}
			}
			else if (!m.startingPositionTimestamp().isEmpty()) {
				throw fail(where + ": startingPositionTimestamp is read only with startingPosition = \"AT_TIMESTAMP\".");
			}
			if (!m.onFailure().isEmpty()) {
				String at = where + ": onFailure = \"" + m.onFailure() + "\"";
				onFailure = Targets.parse(at, m.onFailure(), "destinationConfig.onFailure.destination");
				if (onFailure.service() != Service.SQS && onFailure.service() != Service.SNS
						&& onFailure.service() != Service.S3) {
					throw fail(at + ": a stream mapping's on-failure destination is an SQS queue, an SNS topic or an S3 "
							+ "bucket, as in AWS: write \"sqs:<name>\", \"sns:<name>\" or \"s3:<bucket>\".");
				}
				if (onFailure.name().endsWith(".fifo") && onFailure.service() != Service.S3) {
					throw fail(at + ": AWS does not send on-failure records to FIFO queues or topics. Use a standard one.");
				}
				resolve(at, onFailure, functions.keySet(), queueConfigs.keySet(), buckets);
			}
		}
		RoleChecks.mapping(where, functionName, function.role(), kind, switch (kind) {
			case SQS -> Arns.queue(source);
			case KINESIS -> KinesisEvents.streamArn(source);
			case DYNAMODB -> DynamoDbStreams.streamArn(source, startTime);
		});
		return new MappingConfig(functionName, kind, source, batchSize, m.maximumBatchingWindowInSeconds(),
				m.reportBatchItemFailures(), startingPosition, timestamp, m.maximumRetryAttempts(),
				m.maximumRecordAgeInSeconds(), m.bisectBatchOnFunctionError(), m.parallelizationFactor(), onFailure, m.enabled());
	}

	/**
	 * Checks a change of a running sandbox's mapping as UpdateEventSourceMapping does, with the same messages as
	 * a declaration. The source and function cannot change (as in AWS: a new mapping is needed).
	 *
	 * @param where what the message starts with: {@code eventSourceMapping("f", "sqs:q").update(…)}
	 * @throws InvalidConfigurationException for the first problem found
	 */
	public static MappingConfig checkUpdate(SandboxConfig config, MappingRequest request, String where) {
		ConfigReader reader = new ConfigReader(config.declaredOn());
		reader.startTime = config.startTime();
		config.queues().forEach(q -> reader.queueConfigs.put(q.name(), q));
		reader.topics.addAll(config.topics());
		reader.eventBuses.addAll(config.eventBuses());
		Map<String, FunctionConfig> functions = new LinkedHashMap<>();
		config.functions().forEach(f -> functions.put(f.name(), f));
		Map<String, StreamConfig> streams = new LinkedHashMap<>();
		config.streams().forEach(st -> streams.put(st.name(), st));
		Map<String, TableConfig> tables = new LinkedHashMap<>();
		config.tables().forEach(t -> tables.put(t.name(), t));
		reader.where = where;
		return reader.mapping(request, functions, streams, tables, new LinkedHashSet<>(config.buckets()));
	}

	/**
	 * Checks a function created at run time ({@code createFunction}) as a declaration is checked, with the same
	 * messages.
	 *
	 * @param where what the messages start with: {@code createFunction(name = "f")}
	 * @param functionNames the sandbox's functions, which a Lambda destination may name
	 * @return the function; the queues, topics, buses and buckets it names are the caller's to create
	 * @throws InvalidConfigurationException for the first problem found
	 */
	public static FunctionConfig checkFunction(SandboxConfig config, LambdaFunction function, Set<String> functionNames,
			String where) {
		ConfigReader reader = new ConfigReader(config.declaredOn());
		reader.where = where;
		String problem = AwsNames.function(function.name());
		if (problem != null) {
			throw fail(where + ": " + problem + ".");
		}
		Set<String> names = new LinkedHashSet<>(functionNames);
		names.add(function.name());
		return reader.function(function, names, new LinkedHashSet<>(), new LinkedHashSet<>());
	}

	/** Overrides what messages about a mapping (an update at run time) or a function (created at run time) start with. */
	private String where;

	// --- faults -------------------------------------------------------------------------------------------------

	private FaultsConfig faults(LambdaSandbox sandbox, List<AnnotatedElement> levels, Set<String> functionNames) {
		double probability = sandbox == null ? 0 : sandbox.duplicateDeliveryProbability();
		if (!(probability >= 0 && probability <= 1)) {
			throw fail("@LambdaSandbox on " + declaredOn + ": duplicateDeliveryProbability = " + probability + " must be 0..1 "
					+ "(0.05 delivers about one event in twenty twice).");
		}
		List<FaultsConfig.Injected> injected = new ArrayList<>();
		for (AnnotatedElement level : levels) {
			for (InjectFault f : AnnotationSupport.findRepeatableAnnotations(level, InjectFault.class)) {
				injected.add(injected(f, functionNames));
			}
		}
		return probability == 0 && injected.isEmpty() ? FaultsConfig.NONE : new FaultsConfig(probability, injected);
	}

	private FaultsConfig.Injected injected(InjectFault f, Set<String> functionNames) {
		String where = "@InjectFault(" + (f.function().isEmpty() ? "resource = \"" + f.resource() : "function = \""
				+ f.function()) + "\", kind = " + f.kind() + ") on " + declaredOn;
		if (f.function().isEmpty() == f.resource().isEmpty()) {
			throw fail(where + ": name either a function (function = \"…\") or a resource (resource = \"sqs:…\"), not "
					+ (f.function().isEmpty() ? "neither." : "both."));
		}
		if (f.times() < 1) {
			throw fail(where + ": times = " + f.times() + " must be 1 or more.");
		}
		if (!f.function().isEmpty() && !functionNames.contains(f.function())) {
			throw fail(where + ": no such function. Declared functions: " + quoted(functionNames) + ".");
		}
		if (!f.resource().isEmpty() && f.kind() != Fault.Kind.UNAVAILABLE) {
			throw fail(where + ": a resource can only be UNAVAILABLE; inject " + f.kind() + " into a function (function = "
					+ "\"…\").");
		}
		if (!f.function().isEmpty() && f.kind() == Fault.Kind.UNAVAILABLE) {
			throw fail(where + ": to make a function unavailable as a destination, write resource = \"lambda:" + f.function()
					+ "\".");
		}
		if (!f.resource().isEmpty()) {
			Targets.parse(where + ": resource = \"" + f.resource() + "\"", f.resource(), null);
		}
		Fault fault = switch (f.kind()) {
			case FUNCTION_ERROR -> Fault.functionError(f.errorType(), f.errorMessage());
			case TIMEOUT -> Fault.timeout();
			case LATENCY -> {
				if (f.latencyMillis() <= 0) {
					throw fail(where + ": latencyMillis = " + f.latencyMillis() + " must be positive.");
				}
				yield Fault.latency(java.time.Duration.ofMillis(f.latencyMillis()));
			}
			case THROTTLE -> Fault.throttle();
			case SERVICE_ERROR -> Fault.serviceError();
			case UNAVAILABLE -> Fault.unavailable();
		};
		return new FaultsConfig.Injected(f.function().isEmpty() ? null : f.function(), f.resource().isEmpty() ? null
				: f.resource(), fault.times(f.times()));
	}

	private static final Set<String> STARTING_POSITIONS = Set.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");

	/** A function named by its name or its (unqualified) ARN. */
	private String functionName(String where, String value) {
		String prefix = "arn:aws:lambda:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":function:";
		if (value.startsWith(prefix)) {
			return value.substring(prefix.length());
		}
		if (value.startsWith("arn:")) {
			throw fail(where + ": function = \"" + value + "\" is not a function ARN of account " + Sandbox.ACCOUNT_ID + " in "
					+ Sandbox.REGION + ". Write the function's name.");
		}
		return value;
	}

	private static String sourceArn(MappingConfig mapping, Instant startTime) {
		return switch (mapping.kind()) {
			case SQS -> Arns.queue(mapping.source());
			case KINESIS -> KinesisEvents.streamArn(mapping.source());
			case DYNAMODB -> DynamoDbStreams.streamArn(mapping.source(), startTime);
		};
	}

	private InvalidConfigurationException unsupported(String where, String attribute) {
		return fail(where + ": AWS refuses it: \"Unsupported '" + attribute + "' parameter for given event source mapping "
				+ "type.\" " + attribute + " applies to Kinesis and DynamoDB streams only; remove it from the queue's mapping.");
	}

	/** A value outside the range of Lambda's API model, with the model's message. */
	private void modelRange(String where, String attribute, int value, int min, int max) {
		if (value < min || value > max) {
			throw fail(where + ": " + attribute + " = " + value + ": AWS refuses it: \"1 validation error detected: Value '"
					+ value + "' at '" + attribute + "' failed to satisfy constraint: Member must have value "
					+ (value < min ? "greater than or equal to " + min : "less than or equal to " + max) + "\".");
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
