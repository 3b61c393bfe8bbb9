package io.github.lambdasandbox.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.internal.config.NotificationConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Json;
import io.github.lambdasandbox.internal.json.S3Events;
import io.github.lambdasandbox.internal.services.filters.S3NotificationFilter;

/**
 * The event notifications of the sandbox's buckets, as S3 sends them: each object event goes to the one
 * configuration of its bucket that is for its event type and key (S3 refuses configurations that overlap), as a
 * document exactly as S3 writes it; an SQS or SNS target first receives S3's {@code s3:TestEvent}. Engine only.
 */
final class Notifications {

	/** S3's subject for what it publishes to an SNS topic. */
	static final String SUBJECT = "Amazon S3 Notification";

	/** A configuration with its id, as S3 writes it in each event ({@code configurationId}). */
	private record Configured(NotificationConfig config, String id) {
	}

	private final SandboxEngine engine;

	private final Map<String, List<Configured>> byBucket = new LinkedHashMap<>();

	/** S3's sequencer grows with every event. */
	private long sequencer;

	Notifications(SandboxEngine engine) {
		this.engine = engine;
	}

	/**
	 * Sets up the configurations, as PutBucketNotificationConfiguration: S3 makes up the ids not given, and sends its
	 * test event to each SQS queue and SNS topic it is to notify.
	 */
	void configure(List<NotificationConfig> configs) {
		Set<String> tested = new LinkedHashSet<>();
		for (NotificationConfig config : configs) {
			String id = config.id() != null ? config.id() : engine.ids.uuid();
			byBucket.computeIfAbsent(config.bucket(), bucket -> new ArrayList<>()).add(new Configured(config, id));
			TargetRef target = config.target();
			if (target.service() != TargetRef.Service.LAMBDA && tested.add(config.bucket() + " " + target)) {
				String event = Json.write(S3Events.testEvent(engine.executive.instant(), config.bucket(),
						engine.ids.upperHex(16), engine.ids.base64(76)));
				String deliveredId = target.service() == TargetRef.Service.SNS
						? engine.topicImpl(target.name()).publishWhileBuilt(event, SUBJECT)
						: send(target, event, config.bucket(), null, null);
				JournalStore journal = engine.journal;
				journal.append(new JournalEntry.NotificationSent(journal.next(), engine.executive.instant(), null, null,
						"s3:" + config.bucket(), id, "s3:TestEvent", null, target.toString(), deliveredId));
			}
		}
	}

	/** An object was stored ({@code ObjectCreated:Put}, {@code ObjectCreated:Copy}). */
	void objectCreated(SimulatedBucket bucket, SimulatedBucket.StoredObject object, String eventName, String requestId,
			String function) {
		notify(bucket, eventName, object.key(), (long) object.content().length, object.eTag(), requestId, function);
	}

	/** An object was deleted ({@code ObjectRemoved:Delete}): S3 writes no size and no ETag. */
	void objectRemoved(SimulatedBucket bucket, String key, String requestId, String function) {
		notify(bucket, "ObjectRemoved:Delete", key, null, null, requestId, function);
	}

	private void notify(SimulatedBucket bucket, String eventName, String key, Long size, String eTag, String requestId,
			String function) {
		List<Configured> configs = byBucket.get(bucket.name());
		if (configs == null) {
			return;
		}
		String encodedKey = S3Events.encodeKey(key);
		String resource = "s3:" + bucket.name();
		JournalStore journal = engine.journal;
		for (Configured configured : configs) {
			TargetRef target = configured.config().target();
			S3NotificationFilter filter = configured.config().filter();
			if (!filter.matches(eventName, encodedKey)) {
				journal.append(new JournalEntry.NotificationFiltered(journal.next(), engine.executive.instant(), requestId,
						function, resource, configured.id(), eventName, encodedKey, target.toString(),
						whyNot(filter, eventName, encodedKey)));
				continue;
			}
			sequencer++;
			String event = Json.write(S3Events.objectEvent(eventName, engine.executive.instant(), bucket.name(), key, size,
					eTag, String.format("%018X", engine.executive.instant().toEpochMilli() * 1000 + sequencer),
					engine.ids.upperHex(16), engine.ids.base64(76), configured.id()));
			String deliveredId = send(target, event, bucket.name(), requestId, function);
			journal.append(new JournalEntry.NotificationSent(journal.next(), engine.executive.instant(), requestId, function,
					resource, configured.id(), eventName, encodedKey, target.toString(), deliveredId));
		}
	}

	private String send(TargetRef target, String event, String bucket, String requestId, String function) {
		return switch (target.service()) {
			case LAMBDA -> engine.asyncInvoker.accept(engine.runtime(target.name()), event, "s3:" + bucket);
			case SQS -> engine.queueImpl(target.name()).deliver(event, Map.of(), requestId, function);
			case SNS -> engine.topicImpl(target.name()).publish(event, SUBJECT, Map.of(), requestId, function);
			default -> throw new IllegalStateException("No S3 notification to " + target);
		};
	}

	/** Why a configuration is not for an event: its event types, or its key filter. */
	private static String whyNot(S3NotificationFilter filter, String eventName, String key) {
		// a key made of the prefix and the suffix has both, so only the event type can fail it
		if (!filter.matches(eventName, filter.prefix().orElse("") + filter.suffix().orElse(""))) {
			return "s3:" + eventName + " is not one of its event types " + filter.events();
		}
		if (!filter.prefix().map(key::startsWith).orElse(true)) {
			return "the key does not start with \"" + filter.prefix().get() + "\"";
		}
		return "the key does not end with \"" + filter.suffix().orElse("") + "\"";
	}
}
