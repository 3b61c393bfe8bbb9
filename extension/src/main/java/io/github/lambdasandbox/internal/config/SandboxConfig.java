package io.github.lambdasandbox.internal.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A validated sandbox declaration: what {@code @LambdaSandbox}, {@code @LambdaFunction}, {@code @Queue},
 * {@code @Bucket}, {@code @DataStream}, {@code @Table}, {@code @EventSourceMapping}, {@code @Topic},
 * {@code @Subscription}, {@code @EventRule} and {@code @BucketNotification} say, with the queues, topics,
 * buses and buckets that destinations name added.
 *
 * @param seed the seed of ids, or {@link io.github.lambdasandbox.LambdaSandbox#SEED_FROM_TEST} to derive it from the test
 * @param accountConcurrency the account's concurrency limit
 * @param maxAsyncPayloadBytes the largest payload of an asynchronous invocation
 * @param failOnPendingWork whether work left when a test ends fails it
 * @param bucketNotifications bucket name to where its unfiltered {@code s3:ObjectCreated:*} notifications go (the
 * {@code @Bucket(onObjectCreated)} shorthand); derived from {@code notifications}, which the engine reads, and kept
 * for what read it before
 * @param topicConfigs the settings of the topics named in {@code topics}, in the same order
 * @param subscriptions the topics' subscriptions, in declaration order
 * @param rules the EventBridge rules, in declaration order
 * @param notifications the buckets' notification configurations, bucket by bucket, in declaration order
 * @param virtualHandlerTime whether handler code's rewritten time and sleep calls use the sandbox clock
 * @param isolatedEnvironments whether each execution environment loads the handler anew, in a class loader of its own
 * @param faults the faults the sandbox starts with
 */
public record SandboxConfig(String declaredOn, Instant startTime, long seed, int accountConcurrency,
		int maxAsyncPayloadBytes, boolean failOnPendingWork, List<FunctionConfig> functions,
		List<QueueConfig> queues, List<String> topics, List<String> eventBuses, List<String> buckets,
		Map<String, TargetRef> bucketNotifications, List<StreamConfig> streams, List<TableConfig> tables,
		List<MappingConfig> mappings, boolean virtualHandlerTime, boolean isolatedEnvironments, FaultsConfig faults,
		List<TopicConfig> topicConfigs, List<SubscriptionConfig> subscriptions, List<RuleConfig> rules,
		List<NotificationConfig> notifications) {

	/** A configuration without subscriptions, rules or notification configurations. */
	public SandboxConfig(String declaredOn, Instant startTime, long seed, int accountConcurrency, int maxAsyncPayloadBytes,
			boolean failOnPendingWork, List<FunctionConfig> functions, List<QueueConfig> queues, List<String> topics,
			List<String> eventBuses, List<String> buckets, Map<String, TargetRef> bucketNotifications,
			List<StreamConfig> streams, List<TableConfig> tables, List<MappingConfig> mappings, boolean virtualHandlerTime,
			boolean isolatedEnvironments, FaultsConfig faults) {
		this(declaredOn, startTime, seed, accountConcurrency, maxAsyncPayloadBytes, failOnPendingWork, functions, queues,
				topics, eventBuses, buckets, bucketNotifications, streams, tables, mappings, virtualHandlerTime,
				isolatedEnvironments, faults, List.of(), List.of(), List.of(), List.of());
	}

	/** A configuration without faults, subscriptions, rules or notification configurations. */
	public SandboxConfig(String declaredOn, Instant startTime, long seed, int accountConcurrency, int maxAsyncPayloadBytes,
			boolean failOnPendingWork, List<FunctionConfig> functions, List<QueueConfig> queues, List<String> topics,
			List<String> eventBuses, List<String> buckets, Map<String, TargetRef> bucketNotifications,
			List<StreamConfig> streams, List<TableConfig> tables, List<MappingConfig> mappings, boolean virtualHandlerTime,
			boolean isolatedEnvironments) {
		this(declaredOn, startTime, seed, accountConcurrency, maxAsyncPayloadBytes, failOnPendingWork, functions, queues,
				topics, eventBuses, buckets, bucketNotifications, streams, tables, mappings, virtualHandlerTime,
				isolatedEnvironments, FaultsConfig.NONE);
	}

	/** A configuration with handler code in virtual time, shared execution environments, no faults and no routing. */
	public SandboxConfig(String declaredOn, Instant startTime, long seed, int accountConcurrency, int maxAsyncPayloadBytes,
			boolean failOnPendingWork, List<FunctionConfig> functions, List<QueueConfig> queues, List<String> topics,
			List<String> eventBuses, List<String> buckets, Map<String, TargetRef> bucketNotifications,
			List<StreamConfig> streams, List<TableConfig> tables, List<MappingConfig> mappings) {
		this(declaredOn, startTime, seed, accountConcurrency, maxAsyncPayloadBytes, failOnPendingWork, functions, queues,
				topics, eventBuses, buckets, bucketNotifications, streams, tables, mappings, true, false);
	}

	/** A configuration with routing, handler code in virtual time, shared execution environments and no faults. */
	public SandboxConfig(String declaredOn, Instant startTime, long seed, int accountConcurrency, int maxAsyncPayloadBytes,
			boolean failOnPendingWork, List<FunctionConfig> functions, List<QueueConfig> queues, List<String> topics,
			List<String> eventBuses, List<String> buckets, Map<String, TargetRef> bucketNotifications,
			List<StreamConfig> streams, List<TableConfig> tables, List<MappingConfig> mappings,
			List<TopicConfig> topicConfigs, List<SubscriptionConfig> subscriptions, List<RuleConfig> rules,
			List<NotificationConfig> notifications) {
		this(declaredOn, startTime, seed, accountConcurrency, maxAsyncPayloadBytes, failOnPendingWork, functions, queues,
				topics, eventBuses, buckets, bucketNotifications, streams, tables, mappings, true, false, FaultsConfig.NONE,
				topicConfigs, subscriptions, rules, notifications);
	}

	public SandboxConfig {
		functions = List.copyOf(functions);
		queues = List.copyOf(queues);
		topics = List.copyOf(topics);
		eventBuses = List.copyOf(eventBuses);
		buckets = List.copyOf(buckets);
		bucketNotifications = Map.copyOf(bucketNotifications);
		streams = List.copyOf(streams);
		tables = List.copyOf(tables);
		mappings = List.copyOf(mappings);
		topicConfigs = List.copyOf(topicConfigs);
		subscriptions = List.copyOf(subscriptions);
		rules = List.copyOf(rules);
		notifications = List.copyOf(notifications);
	}
}
