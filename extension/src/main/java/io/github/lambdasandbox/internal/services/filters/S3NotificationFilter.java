package io.github.lambdasandbox.internal.services.filters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events and keys one S3 notification configuration (a queue, topic or Lambda configuration of a bucket) is
 * for: its event types and its optional key prefix and suffix.
 *
 * <p>AWS facts [DOC notification-how-to-filtering, notification-how-to-event-types-and-destinations; AWS-SNAP
 * 2025-01/2026-02 LocalStack s3 notification tests]:
 * <ul>
 * <li>{@code s3:ObjectCreated:*} stands for every {@code s3:ObjectCreated:…} type; likewise the other {@code :*}.
 * <li>Filter rule names are case-insensitive and come back as {@code Prefix} / {@code Suffix}; any other name is
 * {@code InvalidArgument} {@code filter rule name must be either prefix or suffix} (ArgumentName
 * {@code FilterRule.Name}); a rule without name or value is {@code MalformedXML}; an empty value is kept and filters
 * nothing. Two prefix rules are {@code Cannot specify more than one prefix rule in a filter.}, suffix likewise.
 * <li>Matching is case-sensitive {@code startsWith}/{@code endsWith} on the key as S3 writes it in the event record:
 * URL-encoded, a space being {@code +}, which is why the documentation asks for {@code +} in filter values.
 * <li>Two configurations of one bucket may not overlap: {@code Configurations overlap. Configurations on the same
 * bucket cannot share a common event type.} They overlap iff their event types intersect, their prefixes overlap (one
 * starts with the other; none counts as the empty prefix) and their suffixes overlap (one ends with the other:
 * {@code jpg} and {@code pg} do) [DOC examples; INF formalisation].
 * </ul>
 */
public final class S3NotificationFilter {

	/** A {@code FilterRule} as sent: {@code Name} ({@code prefix} or {@code suffix}, any case) and {@code Value}. */
	public record FilterRule(String name, String value) {
	}

	/** The event types a configuration may name [S3 API model, {@code Event} enum]. */
	static final List<String> EVENT_TYPES = List.of("s3:ReducedRedundancyLostObject", "s3:ObjectCreated:*",
			"s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
			"s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete",
			"s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*", "s3:ObjectRestore:Post",
			"s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete", "s3:Replication:*",
			"s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
			"s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
			"s3:LifecycleTransition", "s3:IntelligentTiering", "s3:ObjectAcl:Put", "s3:LifecycleExpiration:*",
			"s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:ObjectTagging:*",
			"s3:ObjectTagging:Put", "s3:ObjectTagging:Delete", "s3:ObjectAnnotation:*", "s3:ObjectAnnotation:Put",
			"s3:ObjectAnnotation:Delete");

	static final String OVERLAP = "Configurations overlap. Configurations on the same bucket cannot share a common"
			+ " event type.";

	private final List<String> events;

	private final String prefix;

	private final String suffix;

	private final List<FilterRule> filterRules;

	private S3NotificationFilter(List<String> events, String prefix, String suffix, List<FilterRule> filterRules) {
		this.events = events;
		this.prefix = prefix;
		this.suffix = suffix;
		this.filterRules = filterRules;
	}

	/**
	 * A configuration's filter from its {@code Events} and its {@code Filter.Key.FilterRules} (none: {@code null} or
	 * empty).
	 *
	 * @throws InvalidNotificationConfigurationException with S3's code and text
	 */
	public static S3NotificationFilter of(List<String> events, List<FilterRule> filterRules) {
		if (events == null || events.isEmpty()) {
			throw InvalidNotificationConfigurationException.malformedXml("a notification configuration needs at"
					+ " least one event type; S3 accepts " + EVENT_TYPES);
		}
		List<FilterRule> rules = filterRules == null ? List.of() : filterRules;
		for (FilterRule rule : rules) {
			if (rule == null || rule.name() == null || rule.value() == null) {
				throw InvalidNotificationConfigurationException
						.malformedXml("a FilterRule needs both Name and Value: " + rule);
			}
		}
		for (String event : events) {
			if (!EVENT_TYPES.contains(event)) {
				throw InvalidNotificationConfigurationException.invalidArgument(
						"The event is not supported for notifications", null, null,
						"\"" + event + "\" is not an S3 notification event type; S3 accepts " + EVENT_TYPES);
			}
		}
		String prefix = null;
		String suffix = null;
		List<FilterRule> normalised = new ArrayList<>();
		for (FilterRule rule : rules) {
			String name = rule.name().toLowerCase(Locale.ROOT);
			if (!name.equals("prefix") && !name.equals("suffix")) {
				throw InvalidNotificationConfigurationException.invalidArgument(
						"filter rule name must be either prefix or suffix", "FilterRule.Name", rule.name(),
						"a FilterRule's Name is prefix or suffix (any case), not \"" + rule.name() + "\"");
			}
			if (name.equals("prefix") ? prefix != null : suffix != null) {
				throw InvalidNotificationConfigurationException.invalidArgument(
						"Cannot specify more than one " + name + " rule in a filter.", null, null,
						"one filter may hold one prefix rule and one suffix rule");
			}
			if (rule.value().indexOf('*') >= 0) {
				// [DOC] "A wildcard character ("*") can't be used in filters as a prefix or suffix." No AWS error text
				// is known for it: this one is the documentation's sentence.
				throw InvalidNotificationConfigurationException.invalidArgument(
						"A wildcard character (\"*\") can't be used in filters as a prefix or suffix.",
						"FilterRule.Value", rule.value(),
						"S3 filters match a literal prefix or suffix of the key; \"" + rule.value()
								+ "\" has a '*', which S3 does not treat as a wildcard");
			}
			if (name.equals("prefix")) {
				prefix = rule.value();
				normalised.add(new FilterRule("Prefix", prefix));
			}
			else {
				suffix = rule.value();
				normalised.add(new FilterRule("Suffix", suffix));
			}
		}
		return new S3NotificationFilter(List.copyOf(new LinkedHashSet<>(events)), prefix, suffix,
				List.copyOf(normalised));
	}

	/** Shorthand: {@code null} for no prefix or no suffix. */
	public static S3NotificationFilter of(List<String> events, String prefix, String suffix) {
		List<FilterRule> rules = new ArrayList<>();
		if (prefix != null) {
			rules.add(new FilterRule("prefix", prefix));
		}
		if (suffix != null) {
			rules.add(new FilterRule("suffix", suffix));
		}
		return of(events, rules);
	}

	/** The event types, as sent, without repeats. */
	public List<String> events() {
		return events;
	}

	public Optional<String> prefix() {
		return Optional.ofNullable(prefix);
	}

	public Optional<String> suffix() {
		return Optional.ofNullable(suffix);
	}

	/** The filter rules as GetBucketNotificationConfiguration returns them: names {@code Prefix} / {@code Suffix}. */
	public List<FilterRule> filterRules() {
		return filterRules;
	}

	/**
	 * Whether this configuration is notified of an event.
	 *
	 * @param eventName the record's {@code eventName}, e.g. {@code ObjectCreated:Put} ({@code s3:} may be included)
	 * @param key the record's {@code s3.object.key}: URL-encoded, a space written {@code +}
	 */
	public boolean matches(String eventName, String key) {
		Objects.requireNonNull(eventName, "eventName");
		Objects.requireNonNull(key, "key");
		String type = eventName.startsWith("s3:") ? eventName : "s3:" + eventName;
		boolean named = events.stream().anyMatch(event -> covers(event, type));
		return named && (prefix == null || key.startsWith(prefix)) && (suffix == null || key.endsWith(suffix));
	}

	/** Whether S3 would refuse to keep this configuration and the other on one bucket. */
	public boolean overlaps(S3NotificationFilter other) {
		boolean sharedEvent = events.stream().anyMatch(mine -> other.events.stream()
				.anyMatch(theirs -> covers(mine, theirs) || covers(theirs, mine)));
		String p = prefix == null ? "" : prefix;
		String q = other.prefix == null ? "" : other.prefix;
		String s = suffix == null ? "" : suffix;
		String t = other.suffix == null ? "" : other.suffix;
		return sharedEvent && (p.startsWith(q) || q.startsWith(p)) && (s.endsWith(t) || t.endsWith(s));
	}

	/** S3's message if two of a bucket's configurations (queue, topic and Lambda ones together) overlap. */
	public static Optional<String> overlap(List<S3NotificationFilter> configurations) {
		for (int i = 0; i < configurations.size(); i++) {
			for (int j = i + 1; j < configurations.size(); j++) {
				if (configurations.get(i).overlaps(configurations.get(j))) {
					return Optional.of(OVERLAP);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Accepts a bucket's configurations or throws S3's {@code InvalidArgument}
	 * {@code Configurations overlap. Configurations on the same bucket cannot share a common event type.}
	 */
	public static void validate(List<S3NotificationFilter> configurations) {
		for (int i = 0; i < configurations.size(); i++) {
			for (int j = i + 1; j < configurations.size(); j++) {
				S3NotificationFilter first = configurations.get(i);
				S3NotificationFilter second = configurations.get(j);
				if (first.overlaps(second)) {
					throw InvalidNotificationConfigurationException.invalidArgument(OVERLAP, null, null,
							"configurations " + (i + 1) + " " + first + " and " + (j + 1) + " " + second
									+ " share an event type and a key could match both");
				}
			}
		}
	}

	/** Whether an event type stands for another: itself, or {@code s3:X:*} for any {@code s3:X:…}. */
	private static boolean covers(String event, String type) {
		if (event.equals(type)) {
			return true;
		}
		return event.endsWith(":*") && type.startsWith(event.substring(0, event.length() - 1));
	}

	@Override
	public String toString() {
		return "S3NotificationFilter" + events + (prefix == null ? "" : " prefix=" + prefix)
				+ (suffix == null ? "" : " suffix=" + suffix);
	}
}
