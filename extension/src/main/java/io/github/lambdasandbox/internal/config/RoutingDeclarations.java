package io.github.lambdasandbox.internal.config;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.BucketNotification;
import io.github.lambdasandbox.EventRule;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Subscription;
import io.github.lambdasandbox.Topic;
import io.github.lambdasandbox.internal.config.TargetRef.Service;
import io.github.lambdasandbox.internal.services.filters.EventPattern;
import io.github.lambdasandbox.internal.services.filters.InvalidEventPatternException;
import io.github.lambdasandbox.internal.services.filters.InvalidFilterPolicyException;
import io.github.lambdasandbox.internal.services.filters.InvalidNotificationConfigurationException;
import io.github.lambdasandbox.internal.services.filters.S3NotificationFilter;
import io.github.lambdasandbox.internal.services.filters.SnsFilterPolicy;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads what routes messages between the services: {@code @Topic}, {@code @Subscription}, {@code @EventRule} and
 * {@code @BucketNotification} (with the {@code @Bucket(onObjectCreated)} shorthand), checked as SNS's
 * {@code Subscribe}, EventBridge's {@code PutRule} / {@code PutTargets} and S3's
 * {@code PutBucketNotificationConfiguration} check them, with their messages. The topics, buses and queues these
 * name are added to the sandbox, as destinations add theirs.
 */
final class RoutingDeclarations {

	/** EventBridge's rule names [API model, {@code RuleName}]. */
	private static final Pattern RULE_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

	/** The event types the sandbox's buckets fire, or that a configuration may name with them. */
	static final List<String> SIMULATED_EVENTS = List.of("s3:ObjectCreated:*", "s3:ObjectCreated:Put",
			"s3:ObjectCreated:Post", "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload",
			"s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated");

	/** S3's message for an event type it does not know. */
	private static final String UNSUPPORTED_EVENT = "The event is not supported for notifications";

	private final ConfigReader reader;

	private final String declaredOn;

	private final Set<String> topics;

	private final Set<String> eventBuses;

	private final Set<String> contentBasedDeduplication = new LinkedHashSet<>();

	RoutingDeclarations(ConfigReader reader, String declaredOn, Set<String> topics, Set<String> eventBuses) {
		this.reader = reader;
		this.declaredOn = declaredOn;
		this.topics = topics;
		this.eventBuses = eventBuses;
	}

	// --- topics ---------------------------------------------------------------------------------------------------

	void topics(List<Topic> declared) {
		for (Topic t : declared) {
			String where = "@Topic(name = \"" + t.name() + "\") on " + declaredOn;
			check(where, AwsNames.topic(t.name()));
			if (t.contentBasedDeduplication() && !t.name().endsWith(".fifo")) {
				throw fail(where + ": contentBasedDeduplication applies to FIFO topics only, as in SNS: name the topic \""
						+ t.name() + ".fifo\", or drop contentBasedDeduplication.");
			}
			topics.add(t.name());
			if (t.contentBasedDeduplication()) {
				contentBasedDeduplication.add(t.name());
			}
		}
	}

	/** The settings of every topic, declared or named, in the order of {@code topics}. */
	List<TopicConfig> topicConfigs() {
		List<TopicConfig> configs = new ArrayList<>();
		for (String topic : topics) {
			configs.add(new TopicConfig(topic, contentBasedDeduplication.contains(topic)));
		}
		return configs;
	}

	// --- bucket notifications -------------------------------------------------------------------------------------

	/**
	 * Each bucket's notification configuration: that of the innermost level (class, nested class, test method) that
	 * declares the bucket ({@code @Bucket}) or a notification of it, as PutBucketNotificationConfiguration replaces a
	 * bucket's whole configuration.
	 */
	List<NotificationConfig> notifications(List<AnnotatedElement> levels, Set<String> functionNames, Set<String> buckets) {
		Map<String, List<Object>> byBucket = new LinkedHashMap<>();
		for (AnnotatedElement level : levels) {
			Map<String, List<Object>> here = new LinkedHashMap<>();
			for (Bucket b : AnnotationSupport.findRepeatableAnnotations(level, Bucket.class)) {
				here.computeIfAbsent(b.name(), name -> new ArrayList<>()).add(b);
			}
			for (BucketNotification n : AnnotationSupport.findRepeatableAnnotations(level, BucketNotification.class)) {
				here.computeIfAbsent(n.bucket(), name -> new ArrayList<>()).add(n);
			}
			byBucket.putAll(here);
		}
		List<NotificationConfig> all = new ArrayList<>();
		for (Map.Entry<String, List<Object>> bucket : byBucket.entrySet()) {
			List<NotificationConfig> configs = new ArrayList<>();
			List<String> described = new ArrayList<>();
			for (Object declaration : bucket.getValue()) {
				if (declaration instanceof Bucket b && !b.onObjectCreated().isBlank()) {
					String where = "@Bucket(name = \"" + b.name() + "\") on " + declaredOn + ": onObjectCreated = \""
							+ b.onObjectCreated() + "\"";
					TargetRef target = target(where, b.onObjectCreated(), functionNames, buckets);
					configs.add(new NotificationConfig(b.name(), null,
							S3NotificationFilter.of(List.of("s3:ObjectCreated:*"), null, null), target));
					described.add(where);
				}
				else if (declaration instanceof BucketNotification n) {
					configs.add(notification(n, functionNames, buckets));
					described.add(describe(n));
				}
			}
			checkIds(configs, described);
			checkOverlaps(configs, described);
			all.addAll(configs);
		}
		return all;
	}

	private NotificationConfig notification(BucketNotification n, Set<String> functionNames, Set<String> buckets) {
		String where = describe(n);
		if (!buckets.contains(n.bucket())) {
			throw fail(where + ": S3 refuses it: \"The specified bucket does not exist\" (NoSuchBucket). Declare it with "
					+ "@Bucket(name = \"" + n.bucket() + "\"). Buckets: " + ConfigReader.quoted(buckets) + ".");
		}
		List<String> events = List.of(n.events());
		S3NotificationFilter filter;
		try {
			filter = S3NotificationFilter.of(events, n.prefix().isEmpty() ? null : n.prefix(),
					n.suffix().isEmpty() ? null : n.suffix());
		}
		catch (InvalidNotificationConfigurationException e) {
			if (e.getMessage().equals(UNSUPPORTED_EVENT)) {
				String unknown = events.stream().filter(event -> !SIMULATED_EVENTS.contains(event)).findFirst().orElse("");
				throw fail(where + ": S3 refuses it: \"" + UNSUPPORTED_EVENT + "\" (InvalidArgument): events = \"" + unknown
						+ "\" is not an S3 event type. Name one of " + SIMULATED_EVENTS + ".");
			}
			throw fail(where + ": " + refused(e) + ".");
		}
		for (String event : events) {
			if (!SIMULATED_EVENTS.contains(event)) {
				throw fail(where + ": events = \"" + event + "\" is an S3 event type that the sandbox's buckets never "
						+ "fire (they are not versioned, archived, replicated or tagged). Name one of " + SIMULATED_EVENTS + ".");
			}
		}
		TargetRef target = target(where + ": target = \"" + n.target() + "\"", n.target(), functionNames, buckets);
		return new NotificationConfig(n.bucket(), n.id().isEmpty() ? null : n.id(), filter, target);
	}

	/** A notification's target, as S3 takes it: a function (also by bare name), a queue or a topic, none FIFO. */
	private TargetRef target(String where, String value, Set<String> functionNames, Set<String> buckets) {
		TargetRef target = value.contains(":") ? Targets.parse(where, value, null) : new TargetRef(Service.LAMBDA, value);
		if (target.service() != Service.LAMBDA && target.service() != Service.SQS && target.service() != Service.SNS) {
			throw fail(where + ": S3 notifications go to a function (a name, or lambda:name), an SQS queue "
					+ "(sqs:name) or an SNS topic (sns:name), as in AWS.");
		}
		if (target.name().endsWith(".fifo") && target.service() != Service.LAMBDA) {
			throw fail(where + ": S3 does not send notifications to FIFO queues or topics, as in AWS.");
		}
		reader.resolve(where, target, functionNames, buckets);
		return target;
	}

	private void checkIds(List<NotificationConfig> configs, List<String> described) {
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < configs.size(); i++) {
			String id = configs.get(i).id();
			if (id != null && !ids.add(id)) {
				throw fail(described.get(i) + ": S3 refuses it: \"Same ID used for multiple configurations. IDs must be "
						+ "unique.\" (InvalidArgument). Give each configuration of bucket \"" + configs.get(i).bucket()
						+ "\" its own id, or none.");
			}
		}
	}

	private void checkOverlaps(List<NotificationConfig> configs, List<String> described) {
		List<S3NotificationFilter> filters = configs.stream().map(NotificationConfig::filter).toList();
		try {
			S3NotificationFilter.validate(filters);
		}
		catch (InvalidNotificationConfigurationException e) {
			for (int i = 0; i < filters.size(); i++) {
				for (int j = i + 1; j < filters.size(); j++) {
					if (filters.get(i).overlaps(filters.get(j))) {
						throw fail(described.get(j) + ": S3 refuses it: \"" + e.getMessage() + "\" (" + e.errorCode()
								+ "). It and " + described.get(i) + " share an event type, and a key could match both "
								+ "filters. Give them event types that do not intersect, or prefixes (or suffixes) that no key "
								+ "can have both of.");
					}
				}
			}
			throw e;
		}
	}

	private static String refused(InvalidNotificationConfigurationException e) {
		return "S3 refuses it: \"" + e.getMessage() + "\" (" + e.errorCode() + (e.argumentName() == null ? ""
				: ", ArgumentName " + e.argumentName()) + "): " + e.hint();
	}

	private String describe(BucketNotification n) {
		return "@BucketNotification(bucket = \"" + n.bucket() + "\"" + (n.id().isEmpty() ? "" : ", id = \"" + n.id() + "\"")
				+ ", target = \"" + n.target() + "\") on " + declaredOn;
	}

	// --- rules ----------------------------------------------------------------------------------------------------

	List<RuleConfig> rules(List<EventRule> declared, Set<String> functionNames, Set<String> buckets) {
		List<RuleConfig> rules = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (EventRule r : declared) {
			String where = "@EventRule(name = \"" + r.name() + "\", bus = \"" + r.bus() + "\") on " + declaredOn;
			if (r.name().isEmpty() || r.name().length() > 64) {
				throw fail(where + ": EventBridge refuses it: \"1 validation error detected: Value '" + r.name() + "' at "
						+ "'name' failed to satisfy constraint: Member must have length " + (r.name().isEmpty()
								? "greater than or equal to 1" : "less than or equal to 64") + "\".");
			}
			if (!RULE_NAME.matcher(r.name()).matches()) {
				throw fail(where + ": EventBridge refuses it: \"1 validation error detected: Value '" + r.name() + "' at "
						+ "'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
						+ RULE_NAME.pattern() + "\". A rule name is letters, digits, dots, hyphens and underscores.");
			}
			String bus = busName(where, r.bus());
			if (!seen.add(bus + "/" + r.name())) {
				throw fail(where + ": this rule is declared twice on bus \"" + bus + "\". Give each @EventRule of a bus its "
						+ "own name.");
			}
			if (r.pattern().isBlank()) {
				throw fail(where + ": pattern is empty. A rule of the sandbox matches events with an event pattern, e.g. "
						+ "{\"source\": [\"lambda\"]}.");
			}
			EventPattern pattern;
			try {
				pattern = EventPattern.parse(r.pattern());
			}
			catch (InvalidEventPatternException e) {
				throw fail(where + ": EventBridge refuses it (" + e.errorCode() + "): \"" + e.getMessage() + "\". Write the "
						+ "pattern as EventBridge reads it: each field's value is an array of values or operators, or an "
						+ "object of such fields, e.g. {\"detail-type\": [\"Lambda Function Invocation Result - Failure\"]}.");
			}
			String at = where + ": target = \"" + r.target() + "\"";
			TargetRef target = Targets.parse(at, r.target(), null);
			if (target.service() != Service.SQS && target.service() != Service.SNS && target.service() != Service.LAMBDA) {
				throw fail(at + ": a rule of the sandbox sends to an SQS queue (sqs:<name>), an SNS topic (sns:<name>) or a "
						+ "Lambda function (lambda:<name>), or an ARN of one.");
			}
			if (target.name().endsWith(".fifo") && target.service() != Service.LAMBDA) {
				throw fail(at + ": a FIFO target needs a message group id (EventBridge's SqsParameters), which @EventRule "
						+ "does not set: target a standard queue or topic.");
			}
			reader.resolve(at, target, functionNames, buckets);
			eventBuses.add(bus);
			rules.add(new RuleConfig(r.name(), bus, pattern, target));
		}
		return rules;
	}

	private String busName(String where, String value) {
		String name = value;
		if (value.startsWith("arn:")) {
			TargetRef bus = Targets.parse(where + ": bus = \"" + value + "\"", value, null);
			if (bus.service() != Service.EVENTS) {
				throw fail(where + ": bus = \"" + value + "\" is not an event bus ARN (arn:aws:events:" + Sandbox.REGION + ":"
						+ Sandbox.ACCOUNT_ID + ":event-bus/<name>).");
			}
			name = bus.name();
		}
		check(where + ": bus = \"" + value + "\"", AwsNames.eventBus(name));
		return name;
	}

	// --- subscriptions --------------------------------------------------------------------------------------------

	List<SubscriptionConfig> subscriptions(List<Subscription> declared, Set<String> functionNames, Set<String> buckets) {
		List<SubscriptionConfig> subscriptions = new ArrayList<>();
		Map<String, Subscription> seen = new LinkedHashMap<>();
		for (Subscription s : declared) {
			String where = "@Subscription(topic = \"" + s.topic() + "\", endpoint = \"" + s.endpoint() + "\") on " + declaredOn;
			String topic = topicName(where, s.topic());
			if (!topics.contains(topic)) {
				throw fail(where + ": SNS refuses it: \"Topic does not exist\" (NotFound). Declare it with @Topic(name = \""
						+ topic + "\"). Topics: " + ConfigReader.quoted(topics) + ".");
			}
			TargetRef endpoint = endpoint(where, s.endpoint());
			Subscription earlier = seen.put(topic + " " + endpoint, s);
			if (earlier != null) {
				if (same(earlier, s)) {
					continue; // Subscribe is idempotent: the same subscription again is the same subscription
				}
				throw fail(where + ": SNS refuses it: \"Invalid parameter: Attributes Reason: Subscription already exists "
						+ "with different attributes\". Declare one @Subscription per topic and endpoint.");
			}
			boolean fifoTopic = topic.endsWith(".fifo");
			if (fifoTopic && endpoint.service() == Service.LAMBDA) {
				throw fail(where + ": SNS refuses it: \"Invalid parameter: Invalid protocol type: lambda\". A FIFO topic "
						+ "delivers to SQS queues only: subscribe a queue (FIFO or standard) and map it to the function with "
						+ "@EventSourceMapping, as AWS advises.");
			}
			if (!fifoTopic && endpoint.service() == Service.SQS && endpoint.name().endsWith(".fifo")) {
				throw fail(where + ": SNS refuses it: \"Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues "
						+ "can not be subscribed to standard SNS topics\". Subscribe a standard queue, or make the topic a FIFO "
						+ "topic (a name ending in .fifo).");
			}
			if (s.rawMessageDelivery() && endpoint.service() == Service.LAMBDA) {
				throw fail(where + ": SNS refuses it: \"Invalid parameter: Attributes Reason: Delivery protocol [lambda] does "
						+ "not support raw message delivery.\" A function always receives SNS's event; drop "
						+ "rawMessageDelivery.");
			}
			SnsFilterPolicy policy;
			try {
				SnsFilterPolicy.Scope scope = SnsFilterPolicy.Scope.of(s.filterPolicyScope());
				policy = s.filterPolicy().isBlank() ? null : SnsFilterPolicy.parse(s.filterPolicy(), scope);
			}
			catch (InvalidFilterPolicyException e) {
				throw fail(where + ": SNS refuses it: \"" + e.subscribeMessage() + "\". " + filterPolicyFix(s));
			}
			reader.resolve(where, endpoint, functionNames, buckets);
			subscriptions.add(new SubscriptionConfig(topic, endpoint, s.rawMessageDelivery(), policy));
		}
		return subscriptions;
	}

	private static String filterPolicyFix(Subscription s) {
		if (!List.of("MessageAttributes", "MessageBody").contains(s.filterPolicyScope())) {
			return "filterPolicyScope is \"MessageAttributes\" (the default) or \"MessageBody\".";
		}
		return "Write the policy as SNS reads it: each attribute's (or, with filterPolicyScope = \"MessageBody\", each "
				+ "body field's) value is an array of values or operators, e.g. {\"severity\": [\"high\"]}; at most 5 keys.";
	}

	private static boolean same(Subscription a, Subscription b) {
		return a.rawMessageDelivery() == b.rawMessageDelivery() && a.filterPolicy().equals(b.filterPolicy())
				&& a.filterPolicyScope().equals(b.filterPolicyScope());
	}

	private String topicName(String where, String value) {
		if (value.startsWith("arn:")) {
			TargetRef topic = Targets.parse(where + ": topic = \"" + value + "\"", value, null);
			if (topic.service() != Service.SNS) {
				throw fail(where + ": topic = \"" + value + "\" is not a topic ARN (arn:aws:sns:" + Sandbox.REGION + ":"
						+ Sandbox.ACCOUNT_ID + ":<name>).");
			}
			return topic.name();
		}
		check(where + ": topic = \"" + value + "\"", AwsNames.topic(value));
		return value;
	}

	private TargetRef endpoint(String where, String value) {
		String at = where + ": endpoint = \"" + value + "\"";
		String fix = ": a subscription of the sandbox delivers to an SQS queue or a Lambda function: write \"sqs:<queue>\" "
				+ "or \"lambda:<function>\", or an ARN of one (HTTP/S, email, SMS, mobile and Firehose endpoints are not "
				+ "simulated).";
		if (!value.startsWith("sqs:") && !value.startsWith("lambda:") && !value.startsWith("arn:")) {
			throw fail(at + fix);
		}
		TargetRef endpoint = Targets.parse(at, value, null);
		if (endpoint.service() != Service.SQS && endpoint.service() != Service.LAMBDA) {
			throw fail(at + fix);
		}
		return endpoint;
	}

	private static void check(String at, String problem) {
		if (problem != null) {
			throw fail(at + ": " + problem + ".");
		}
	}

	private static InvalidConfigurationException fail(String message) {
		return new InvalidConfigurationException(message);
	}
}
