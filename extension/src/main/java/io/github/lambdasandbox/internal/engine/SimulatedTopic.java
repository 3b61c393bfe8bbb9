package io.github.lambdasandbox.internal.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SnsMessage;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.config.SubscriptionConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.MessageAttributeValue;
import io.github.lambdasandbox.internal.json.SnsDocuments;
import io.github.lambdasandbox.internal.services.filters.SnsFilterPolicy;

/**
 * An SNS topic of the sandbox: it keeps what is published to it and delivers each message to its subscriptions,
 * as SNS does, at the instant it was published (after what is already due then).
 */
final class SimulatedTopic implements SnsTopic {

	/** SNS's maximum message size: 256 KiB, body and attributes. */
	static final int MAX_MESSAGE_BYTES = 262_144;

	/** A raw-delivery SQS subscription takes at most 10 message attributes. */
	private static final int MAX_RAW_ATTRIBUTES = 10;

	/** How long a FIFO topic remembers a deduplication id. */
	private static final Duration DEDUPLICATION_INTERVAL = Duration.ofMinutes(5);

	/** How many deduplication ids a FIFO topic holds before it forgets those past their interval. */
	private static final int FORGET_AT = 1024;

	/** A FIFO topic's sequence numbers: 20 digits, as in captured envelopes ({@code 10000000000000003000}). */
	private static final BigInteger FIRST_SEQUENCE_NUMBER = new BigInteger("10000000000000000000");

	private static final BigInteger SEQUENCE_STEP = BigInteger.valueOf(1000);

	private record Message(String messageId, String message, String subject, Map<String, MessageAttributeValue> attributeMap,
			Instant publishedAt, String messageGroupId, String deduplicationId) implements SnsMessage {

		@Override
		public String attribute(String name) {
			MessageAttributeValue attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.text();
		}

		@Override
		public Map<String, String> attributes() {
			Map<String, String> values = new LinkedHashMap<>();
			attributeMap.forEach((name, attribute) -> values.put(name, attribute.text()));
			return Collections.unmodifiableMap(values);
		}
	}

	/** A subscription, with the ARN SNS gave it. */
	private record Subscriber(SubscriptionConfig config, String arn) {
	}

	/** A FIFO message remembered for deduplication: its id, until when. */
	private record Remembered(String messageId, long until) {
	}

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final boolean contentBasedDeduplication;

	private final List<SnsMessage> messages = new ArrayList<>();

	private final List<Subscriber> subscribers = new ArrayList<>();

	private final Map<String, Remembered> deduplication = new HashMap<>();

	private BigInteger sequenceNumber = FIRST_SEQUENCE_NUMBER;

	SimulatedTopic(SandboxEngine engine, String name, boolean contentBasedDeduplication) {
		this.engine = engine;
		this.name = name;
		this.resource = "sns:" + name;
		this.contentBasedDeduplication = contentBasedDeduplication;
	}

	@Override
	public Sandbox sandbox() {
		return engine;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String arn() {
		return Arns.topic(name);
	}

	@Override
	public boolean isFifo() {
		return name.endsWith(".fifo");
	}

	@Override
	public List<SnsMessage> messages() {
		return engine.executive.read(() -> List.copyOf(messages));
	}

	@Override
	public String publish(String message) {
		return publish(message, Map.of());
	}

	@Override
	public String publish(String message, Map<String, String> attributes) {
		Map<String, MessageAttributeValue> typed = new LinkedHashMap<>();
		attributes.forEach((attribute, value) -> typed.put(attribute, MessageAttributeValue.string(value)));
		AwsServiceException problem = publishProblem(message, null, typed, null, null);
		if (problem != null) {
			throw new IllegalArgumentException("SNS refuses the message: \"" + problem.getMessage() + "\" ("
					+ problem.errorCode() + ")." + (isFifo() ? " A FIFO topic takes messages with a MessageGroupId: publish "
							+ "with the AWS SDK's SnsClient (lambda-sandbox-aws-sdk)." : ""));
		}
		Caller caller = Caller.of(engine);
		return engine.executive.command(() -> publish(message, null, typed, caller.requestId(), caller.function()));
	}

	/** SNS's error for a Publish to this topic, or null if SNS takes it. */
	AwsServiceException publishProblem(String message, String subject, Map<String, MessageAttributeValue> attributes,
			String messageGroupId, String messageDeduplicationId) {
		if (message == null || message.isEmpty()) {
			return invalid("Invalid parameter: Empty message");
		}
		if (subject != null && (subject.isBlank() || subject.length() >= 100 || subject.chars().anyMatch(c -> c < 0x20))) {
			return invalid("Invalid parameter: Subject");
		}
		if (Bytes.size(message, attributes) > MAX_MESSAGE_BYTES) {
			return invalid("Invalid parameter: Message too long");
		}
		if (isFifo() && messageGroupId == null) {
			return invalid("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
		}
		if (isFifo() && messageDeduplicationId == null && !contentBasedDeduplication) {
			return invalid("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or "
					+ "MessageDeduplicationId provided explicitly");
		}
		return null;
	}

	private static AwsServiceException invalid(String message) {
		return new AwsServiceException(400, "InvalidParameter", message);
	}

	/** Publishes to a standard topic (or as a standard topic publishes) and journals. Engine only. */
	String publish(String message, String subject, Map<String, MessageAttributeValue> attributes, String requestId,
			String function) {
		return publish(message, subject, attributes, null, requestId, function);
	}

	/**
	 * Publishes and journals; delivers to the subscriptions next, at the same instant. A FIFO topic takes a message
	 * with the deduplication id of one it took within 5 minutes as that one: same message id, not delivered again.
	 * Engine only.
	 *
	 * @param deduplicationId a FIFO topic's {@code MessageDeduplicationId}, or null (content-based, or a standard topic)
	 */
	String publish(String message, String subject, Map<String, MessageAttributeValue> attributes, String deduplicationId,
			String requestId, String function) {
		return publish(message, subject, attributes, null, deduplicationId, requestId, function, false);
	}

	/** Publishes a message of a FIFO topic's message group (SNS passes it on to FIFO queues). Engine only. */
	String publish(String message, String subject, Map<String, MessageAttributeValue> attributes, String messageGroupId,
			String deduplicationId, String requestId, String function) {
		return publish(message, subject, attributes, messageGroupId, deduplicationId, requestId, function, false);
	}

	/**
	 * Publishes while the sandbox is built (S3's test event), delivering to the subscriptions at once: nothing else
	 * happens yet, and a test that reads nothing is left with nothing to come. Engine only.
	 */
	String publishWhileBuilt(String message, String subject) {
		return publish(message, subject, Map.of(), null, null, null, null, true);
	}

	private String publish(String message, String subject, Map<String, MessageAttributeValue> attributes,
			String messageGroupId, String deduplicationId, String requestId, String function, boolean deliverAtOnce) {
		String dedup = null;
		if (isFifo()) {
			dedup = deduplicationId != null ? deduplicationId : sha256(message);
			Remembered earlier = deduplication.get(dedup);
			if (earlier != null && earlier.until() > engine.executive.nanos()) {
				return earlier.messageId();
			}
		}
		String id = engine.ids.uuid();
		Map<String, MessageAttributeValue> attributeMap = attributes.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		Message published = new Message(id, message, subject, attributeMap, engine.executive.instant(), messageGroupId, dedup);
		messages.add(published);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.Published(journal.next(), published.publishedAt(), requestId, function, resource,
				published));
		String sequence = null;
		if (isFifo()) {
			long now = engine.executive.nanos();
			if (deduplication.size() >= FORGET_AT) {
				deduplication.values().removeIf(remembered -> remembered.until() <= now);
			}
			deduplication.put(dedup, new Remembered(id, now + DEDUPLICATION_INTERVAL.toNanos()));
			sequenceNumber = sequenceNumber.add(SEQUENCE_STEP);
			sequence = sequenceNumber.toString();
		}
		if (deliverAtOnce) {
			deliver(published, sequence, requestId, function);
		}
		else if (!subscribers.isEmpty()) {
			String sequenceNumber = sequence;
			engine.executive.scheduleNow(EventQueue.Task.of("delivery of message " + id + " of topic " + name
					+ " to its subscriptions", () -> deliver(published, sequenceNumber, requestId, function)));
		}
		return id;
	}

	/** A FIFO topic's sequence number of the last message it took. Engine only. */
	String lastSequenceNumber() {
		return sequenceNumber.toString();
	}

	/** Adds a subscription; draws its ARN. Engine only, while the sandbox is built. */
	void subscribe(SubscriptionConfig subscription) {
		subscribers.add(new Subscriber(subscription, arn() + ":" + engine.ids.uuid()));
	}

	/** The subscriptions' endpoints ({@code sqs:…}, {@code lambda:…}), in the order they were made. */
	List<String> endpoints() {
		return subscribers.stream().map(s -> s.config().endpoint().toString()).toList();
	}

	private void deliver(Message published, String sequenceNumber, String requestId, String function) {
		SnsDocuments.Notification notification = new SnsDocuments.Notification(published.messageId(), arn(),
				published.subject(), published.message(), published.publishedAt(), published.attributeMap());
		JournalStore journal = engine.journal;
		for (Subscriber subscriber : subscribers) {
			SubscriptionConfig config = subscriber.config();
			TargetRef endpoint = config.endpoint();
			SnsFilterPolicy policy = config.filterPolicy();
			if (policy != null && !policy.matches(published.message(), filterAttributes(published.attributeMap()))) {
				journal.append(new JournalEntry.MessageFiltered(journal.next(), engine.executive.instant(), requestId,
						function, resource, endpoint.toString(), published.messageId(), policy.toString(),
						policy.scope().name()));
				continue;
			}
			String deliveredId;
			if (endpoint.service() == TargetRef.Service.LAMBDA) {
				deliveredId = engine.asyncInvoker.accept(engine.runtime(endpoint.name()),
						SnsDocuments.lambdaEvent(notification, "1", subscriber.arn()), resource);
			}
			else if (config.rawMessageDelivery()) {
				if (published.attributeMap().size() > MAX_RAW_ATTRIBUTES) {
					journal.append(new JournalEntry.NotDelivered(journal.next(), engine.executive.instant(), requestId,
							function, resource, endpoint.toString(), endpoint.toString(), published.messageId(),
							"the message has " + published.attributeMap().size() + " message attributes: SNS discards "
									+ "messages with more than 10 for raw-delivery SQS subscriptions (a client-side error)"));
					continue;
				}
				deliveredId = toQueue(endpoint.name(), published, published.message(), published.attributeMap(), requestId,
						function);
			}
			else {
				String body = sequenceNumber == null ? SnsDocuments.sqsEnvelope(notification, "1", subscriber.arn())
						: SnsDocuments.sqsFifoEnvelope(notification, sequenceNumber, subscriber.arn());
				deliveredId = toQueue(endpoint.name(), published, body, Map.of(), requestId, function);
			}
			journal.append(new JournalEntry.SubscriptionDelivered(journal.next(), engine.executive.instant(), requestId,
					function, resource, endpoint.toString(), published.messageId(), config.rawMessageDelivery(), deliveredId));
		}
	}

	/** Into a queue: a FIFO queue gets the message's group and deduplication id, as SNS passes them on. */
	private String toQueue(String queueName, Message published, String body, Map<String, MessageAttributeValue> attributes,
			String requestId, String function) {
		SimulatedQueue queue = engine.queueImpl(queueName);
		if (queue.isFifo()) {
			return queue.deliver(body, attributes, published.messageGroupId() == null ? "default" : published.messageGroupId(),
					published.deduplicationId(), requestId, function);
		}
		return queue.deliver(body, attributes, requestId, function);
	}

	/** A content-based deduplication id: the SHA-256 of the message, in hex (SNS hashes the body). */
	private static String sha256(String message) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The attributes as filter policies see them: binary ones have no value to compare. */
	private static Map<String, SnsFilterPolicy.Attribute> filterAttributes(Map<String, MessageAttributeValue> attributes) {
		Map<String, SnsFilterPolicy.Attribute> out = new LinkedHashMap<>();
		attributes.forEach((attribute, value) -> out.put(attribute,
				new SnsFilterPolicy.Attribute(value.dataType(), value.isBinary() ? null : value.stringValue())));
		return out;
	}

	@Override
	public String toString() {
		return "SnsTopic[" + name + "]";
	}
}
