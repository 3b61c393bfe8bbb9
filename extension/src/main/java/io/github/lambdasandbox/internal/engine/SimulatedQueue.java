package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;

import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.config.QueueConfig;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.IamIdentities;
import io.github.lambdasandbox.internal.json.MessageAttributeValue;

/**
 * An SQS queue of the sandbox, with SQS's rules: a received message stays in the queue, hidden for the visibility
 * timeout, until it is deleted; it then becomes visible again with a higher {@code ApproximateReceiveCount}; a
 * receive that finds it past the redrive policy's {@code maxReceiveCount} moves it to the dead-letter queue
 * instead; delays; retention; FIFO queues deliver a message group in order and hold it back while one of its
 * messages is in flight, and drop a duplicate sent within 5 minutes.
 *
 * <p>Time is lazy: what the clock passed (visibility timeouts, delays, retention) is applied when the queue is next
 * used; a queue with consumers (event source mappings, long polls) also wakes itself when a hidden message becomes
 * visible. Engine only, except the {@link SqsQueue} methods.
 */
final class SimulatedQueue implements SqsQueue {

	/** SQS's maximum message size (1 MiB since 2025): body and attributes. */
	static final int MAX_MESSAGE_BYTES = 1_048_576;

	/** How long a FIFO queue remembers a deduplication id. */
	private static final long DEDUPLICATION_INTERVAL = Duration.ofMinutes(5).toNanos();

	/** A message as test code sees it: a view taken when asked for. */
	record Message(String messageId, String body, Map<String, MessageAttributeValue> attributeMap, Instant sentAt,
			String senderId, String messageGroupId, String messageDeduplicationId, String sequenceNumber,
			int approximateReceiveCount) implements SqsMessage {

		@Override
		public String attribute(String name) {
			MessageAttributeValue attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.text();
		}

		@Override
		public String attributeDataType(String name) {
			MessageAttributeValue attribute = attributeMap.get(name);
			return attribute == null ? null : attribute.dataType();
		}

		@Override
		public Map<String, String> attributes() {
			Map<String, String> values = new LinkedHashMap<>();
			attributeMap.forEach((name, attribute) -> values.put(name, attribute.text()));
			return Collections.unmodifiableMap(values);
		}

		Message withReceiveCount(int count) {
			return new Message(messageId, body, attributeMap, sentAt, senderId, messageGroupId, messageDeduplicationId,
					sequenceNumber, count);
		}

		@Override
		public String toString() {
			return "SqsMessage[" + messageId + ", body=" + body + (attributeMap.isEmpty() ? "" : ", attributes=" + attributes())
					+ (messageGroupId == null ? "" : ", group=" + messageGroupId)
					+ (approximateReceiveCount == 0 ? "" : ", received " + approximateReceiveCount + "x") + "]";
		}
	}

	private enum State {
		READY, DELAYED, IN_FLIGHT, GONE
	}

	/** A message as the queue holds it. */
	static final class Held {

		final Message message;

		/** Arrival order in this queue. */
		final long order;

		/** When retention ends, in the executive's nanoseconds. */
		final long expiresAt;

		/** The queue it came from when SQS moved it here from there; null otherwise. */
		final String deadLetterQueueSourceArn;

		int receiveCount;

		Instant firstReceived;

		/** Hidden: when it becomes visible. */
		long visibleAt;

		/** Ready: its place in line. */
		long rank;

		String receiptHandle;

		State state;

		/** The chain of requests of whoever sent it (recursive loop detection); none for what the test sent. */
		Lineage lineage = Lineage.NONE;

		Held(Message message, long order, long expiresAt, String deadLetterQueueSourceArn, int receiveCount,
				Instant firstReceived) {
			this.message = message;
			this.order = order;
			this.expiresAt = expiresAt;
			this.deadLetterQueueSourceArn = deadLetterQueueSourceArn;
			this.receiveCount = receiveCount;
			this.firstReceived = firstReceived;
		}

		Message view() {
			return receiveCount == message.approximateReceiveCount() ? message : message.withReceiveCount(receiveCount);
		}

		String messageId() {
			return message.messageId();
		}
	}

	/** A message just received: the view handed out and the receipt handle for deleting it. */
	record Received(Held held, Message message, String receiptHandle, Instant firstReceived) {
	}

	/** Who is told when messages become available: an event source mapping, a long poll. */
	interface Consumer {

		/** Messages are visible now. Called by the engine, lock held: schedule work, do not run it here. */
		void messagesAvailable();
	}

	private final SandboxEngine engine;

	private final String name;

	private final String resource;

	private final String arn;

	private QueueConfig config;

	private final LinkedHashMap<String, Held> held = new LinkedHashMap<>();

	/**
	 * Visible messages in line. A standard queue lines them up in the order they became visible: insertion order
	 * (O(1)); a FIFO queue by arrival, whenever they became visible again.
	 */
	private final java.util.Set<Held> ready;

	private final TreeSet<Held> hidden = new TreeSet<>((a, b) -> a.visibleAt != b.visibleAt
			? Long.compare(a.visibleAt, b.visibleAt) : Long.compare(a.order, b.order));

	/**
	 * Messages by when retention ends: those admitted in expiry order (nearly all: the queue's own retention from
	 * their arrival) in a line, the others (moved from a source queue with their original expiry) in a heap. Those
	 * gone since are skipped when they come up (removal is lazy).
	 */
	private final java.util.ArrayDeque<Held> expiring = new java.util.ArrayDeque<>();

	private final PriorityQueue<Held> expiringOutOfOrder = new PriorityQueue<>((a, b) -> a.expiresAt != b.expiresAt
			? Long.compare(a.expiresAt, b.expiresAt) : Long.compare(a.order, b.order));

	/** FIFO: message group to the number of its messages in flight. */
	private final Map<String, Integer> groupsInFlight = new HashMap<>();

	/** FIFO: deduplication id to the message it stands for and when it is forgotten, in the order sent. */
	private final LinkedHashMap<String, Deduplication> deduplication = new LinkedHashMap<>();

	private record Deduplication(String messageId, long forgetAt) {
	}

	private final List<Consumer> consumers = new ArrayList<>();

	private EventQueue.Task wake;

	private long orders;

	private long ranks;

	private long fifoSequence;

	private int inFlight;

	private int delayed;

	// accounting: in = deleted + expired + movedOut + held
	private long in;

	private long deleted;

	private long expired;

	private long movedOut;

	SimulatedQueue(SandboxEngine engine, QueueConfig config) {
		this.engine = engine;
		this.config = config;
		this.name = config.name();
		this.resource = "sqs:" + name;
		this.arn = Arns.queue(name);
		this.ready = config.fifo() ? new TreeSet<>((a, b) -> Long.compare(a.rank, b.rank)) : new java.util.LinkedHashSet<>();
	}

	// --- SqsQueue ---------------------------------------------------------------------------------------------

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
		return arn;
	}

	@Override
	public boolean isFifo() {
		return config.fifo();
	}

	QueueConfig config() {
		return config;
	}

	String resource() {
		return resource;
	}

	@Override
	public List<SqsMessage> messages() {
		return engine.executive.read(() -> {
			refresh();
			List<SqsMessage> views = new ArrayList<>(held.size());
			for (Held h : held.values()) {
				views.add(h.view());
			}
			return Collections.unmodifiableList(views);
		});
	}

	@Override
	public Optional<SqsMessage> receive() {
		return engine.executive.read(() -> {
			List<Received> received = receive(1, config.visibilityTimeoutSeconds(), "test");
			if (received.isEmpty()) {
				return Optional.empty();
			}
			Received one = received.get(0);
			delete(one.held());
			return Optional.of(one.message());
		});
	}

	@Override
	public String sendMessage(String body) {
		return send(body, Map.of(), null, null);
	}

	@Override
	public String sendMessage(String body, Map<String, String> attributes) {
		Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
		attributes.forEach((key, value) -> values.put(key, MessageAttributeValue.string(value)));
		return send(body, values, null, null);
	}

	@Override
	public String sendMessage(String body, String messageGroupId) {
		return send(body, Map.of(), messageGroupId, null);
	}

	@Override
	public String sendMessage(String body, String messageGroupId, String messageDeduplicationId) {
		return send(body, Map.of(), messageGroupId, messageDeduplicationId);
	}

	private String send(String body, Map<String, MessageAttributeValue> attributes, String groupId, String deduplicationId) {
		if (body == null || body.isEmpty()) {
			throw new IllegalArgumentException("An SQS message body must not be empty (AWS: MissingParameter).");
		}
		try {
			return engine.executive.command(() -> send(body, attributes, 0, groupId, deduplicationId,
					IamIdentities.TEST_USER_ID, null, null).messageId());
		}
		catch (AwsServiceException e) {
			throw new IllegalArgumentException(e.getMessage() + " (SQS: " + e.errorCode() + ")");
		}
	}

	@Override
	public int approximateNumberOfMessages() {
		return engine.executive.read(() -> {
			refresh();
			return ready.size();
		});
	}

	@Override
	public int approximateNumberOfMessagesNotVisible() {
		return engine.executive.read(() -> {
			refresh();
			return inFlight;
		});
	}

	@Override
	public int approximateNumberOfMessagesDelayed() {
		return engine.executive.read(() -> {
			refresh();
			return delayed;
		});
	}

	@Override
	public void deliverNextMessageTwice() {
		engine.executive.command(() -> {
			engine.faults.duplicateNext(resource, 1);
			return null;
		});
	}

	// --- engine -----------------------------------------------------------------------------------------------

	/**
	 * Puts a message of Lambda's (a record, a dead letter) or of a notification in the queue and journals it. Engine
	 * only, lock held.
	 *
	 * @param function the function that sends it, or null (then the test's identity is the sender)
	 */
	String deliver(String body, Map<String, MessageAttributeValue> attributes, String requestId, String function) {
		String sender = function == null ? IamIdentities.TEST_USER_ID : IamIdentities.functionSenderId(function);
		return send(body, attributes, 0, null, null, sender, requestId, function, true).messageId();
	}

	/** Puts a message of a FIFO message group in the queue (a FIFO topic's delivery). Engine only, lock held. */
	String deliver(String body, Map<String, MessageAttributeValue> attributes, String groupId, String deduplicationId,
			String requestId, String function) {
		String sender = function == null ? IamIdentities.TEST_USER_ID : IamIdentities.functionSenderId(function);
		return send(body, attributes, 0, groupId, deduplicationId, sender, requestId, function, true).messageId();
	}

	/**
	 * SendMessage, with SQS's checks. Lock held.
	 *
	 * @param delaySeconds the message's own delay, or 0 for the queue's
	 * @return the message sent, or the earlier one a FIFO duplicate stands for
	 * @throws AwsServiceException as SQS refuses the message
	 */
	Message send(String body, Map<String, MessageAttributeValue> attributes, int delaySeconds, String groupId,
			String deduplicationId, String senderId, String requestId, String function) {
		return send(body, attributes, delaySeconds, groupId, deduplicationId, senderId, requestId, function, false);
	}

	/**
	 * @param checked whether the caller checked the message already (Lambda's records and dead letters, whose size the
	 * router checks, and which are JSON it wrote): then only what the queue decides is checked here
	 */
	private Message send(String body, Map<String, MessageAttributeValue> attributes, int delaySeconds, String groupId,
			String deduplicationId, String senderId, String requestId, String function, boolean checked) {
		if (body == null || body.isEmpty()) {
			throw new AwsServiceException(400, "MissingParameter", "The request must contain the parameter MessageBody.");
		}
		if (!checked) {
			checkCharacters(body);
			if (Bytes.size(body, attributes) > MAX_MESSAGE_BYTES) {
				throw new AwsServiceException(400, "InvalidParameterValue", "One or more parameters are invalid. Reason: "
						+ "Message must be shorter than " + MAX_MESSAGE_BYTES + " bytes.");
			}
		}
		if (attributes.size() > 10) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Number of message attributes [" + attributes.size()
					+ "] exceeds the allowed maximum [10].");
		}
		if (delaySeconds < 0 || delaySeconds > 900) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Value " + delaySeconds + " for parameter DelaySeconds "
					+ "is invalid. Reason: DelaySeconds must be >= 0 and <= 900.");
		}
		refresh();
		long now = engine.executive.nanos();
		Instant instant = engine.executive.instant();
		String sequenceNumber = null;
		if (config.fifo()) {
			if (groupId == null || groupId.isEmpty()) {
				throw new AwsServiceException(400, "MissingParameter", "The request must contain the parameter MessageGroupId.");
			}
			if (delaySeconds > 0) {
				throw new AwsServiceException(400, "InvalidParameterValue", "Value " + delaySeconds + " for parameter "
						+ "DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue "
						+ "type.");
			}
			if (deduplicationId == null) {
				if (!config.contentBasedDeduplication()) {
					throw new AwsServiceException(400, "InvalidParameterValue", "The queue should either have "
							+ "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
				}
				deduplicationId = sha256(body);
			}
			forgetDeduplications(now);
			Deduplication earlier = deduplication.get(deduplicationId);
			if (earlier != null) {
				JournalStore journal = engine.journal;
				journal.append(new JournalEntry.MessageDeduplicated(journal.next(), instant, resource, earlier.messageId(),
						deduplicationId));
				Held original = held.get(earlier.messageId());
				return original != null ? original.message
						: new Message(earlier.messageId(), body, attributes, instant, senderId, groupId, deduplicationId, null, 0);
			}
			sequenceNumber = String.format("1%019d", ++fifoSequence + instant.toEpochMilli() * 1000L % 1_000_000_000_000_000L);
		}
		else if (deduplicationId != null) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Value " + deduplicationId + " for parameter "
					+ "MessageDeduplicationId is invalid. Reason: The request include parameter that is not valid for this "
					+ "queue type.");
		}
		Map<String, MessageAttributeValue> attributeMap = attributes.isEmpty() ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		Message message = new Message(engine.ids.uuid(), body, attributeMap, instant, senderId, groupId, deduplicationId,
				sequenceNumber, 0);
		if (deduplicationId != null) {
			deduplication.put(deduplicationId, new Deduplication(message.messageId(), now + DEDUPLICATION_INTERVAL));
		}
		int delay = delaySeconds > 0 ? delaySeconds : config.delaySeconds();
		admit(message, now + Duration.ofSeconds(config.messageRetentionPeriodSeconds()).toNanos(), null, 0, null, delay);
		held.get(message.messageId()).lineage = engine.recursion.current();
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.MessageSent(journal.next(), instant, requestId, function, resource, message));
		return message;
	}

	private void admit(Message message, long expiresAt, String deadLetterQueueSourceArn, int receiveCount,
			Instant firstReceived, int delaySeconds) {
		Held h = new Held(message, orders++, expiresAt, deadLetterQueueSourceArn, receiveCount, firstReceived);
		held.put(message.messageId(), h);
		if (expiring.isEmpty() || expiring.peekLast().expiresAt <= expiresAt) {
			expiring.addLast(h);
		}
		else {
			expiringOutOfOrder.add(h);
		}
		in++;
		if (delaySeconds > 0) {
			h.state = State.DELAYED;
			h.visibleAt = engine.executive.nanos() + Duration.ofSeconds(delaySeconds).toNanos();
			hidden.add(h);
			delayed++;
			scheduleWake();
		}
		else {
			makeReady(h);
			notifyConsumers();
		}
	}

	private void makeReady(Held h) {
		h.state = State.READY;
		h.rank = config.fifo() ? h.order : ranks++;
		ready.add(h);
	}

	/**
	 * ReceiveMessage: up to {@code max} visible messages, hidden for {@code visibilityTimeoutSeconds}. A message
	 * received more often than the redrive policy allows moves to the dead-letter queue instead. Lock held.
	 *
	 * @param by who receives, for the journal: a mapping's UUID, {@code test}, {@code sdk}
	 */
	List<Received> receive(int max, int visibilityTimeoutSeconds, String by) {
		return receive(max, visibilityTimeoutSeconds, by, Long.MAX_VALUE);
	}

	/**
	 * ReceiveMessage as an event source mapping's poller does it: also stops before a message that would take the
	 * batch's event past {@code maxBytes} (the first message always goes).
	 */
	List<Received> receive(int max, int visibilityTimeoutSeconds, String by, long maxBytes) {
		refresh();
		if (ready.isEmpty() || max <= 0) {
			return List.of();
		}
		long now = engine.executive.nanos();
		Instant instant = engine.executive.instant();
		long visibleAt = now + Duration.ofSeconds(visibilityTimeoutSeconds).toNanos();
		List<Received> received = new ArrayList<>(Math.min(max, ready.size()));
		Map<String, Boolean> groupsTaken = config.fifo() ? new HashMap<>() : null;
		Iterator<Held> candidates = ready.iterator();
		List<Held> moved = null;
		JournalStore journal = engine.journal;
		long bytes = 0;
		while (candidates.hasNext() && received.size() < max) {
			Held h = candidates.next();
			String group = h.message.messageGroupId();
			if (groupsTaken != null && !groupsTaken.containsKey(group) && groupsInFlight.getOrDefault(group, 0) > 0) {
				continue;
			}
			if (config.deadLetterQueue() != null && h.receiveCount >= config.maxReceiveCount()) {
				candidates.remove();
				if (moved == null) {
					moved = new ArrayList<>();
				}
				moved.add(h);
				continue;
			}
			if (maxBytes != Long.MAX_VALUE) {
				int size = eventBytes(h.message);
				if (!received.isEmpty() && bytes + size > maxBytes) {
					break;
				}
				bytes += size;
			}
			candidates.remove();
			if (groupsTaken != null) {
				groupsTaken.put(group, Boolean.TRUE);
				groupsInFlight.merge(group, 1, Integer::sum);
			}
			h.receiveCount++;
			if (h.firstReceived == null) {
				h.firstReceived = instant;
			}
			h.state = State.IN_FLIGHT;
			h.visibleAt = visibleAt;
			h.receiptHandle = receiptHandle(h);
			hidden.add(h);
			inFlight++;
			Message view = h.view();
			received.add(new Received(h, view, h.receiptHandle, h.firstReceived));
			journal.append(new JournalEntry.MessageReceived(journal.next(), instant, resource, h.messageId(), h.receiveCount,
					engine.executive.instantOf(visibleAt), by));
		}
		if (moved != null) {
			for (Held h : moved) {
				moveToDeadLetterQueue(h);
			}
		}
		if (!received.isEmpty()) {
			scheduleWake();
		}
		return received;
	}

	private void moveToDeadLetterQueue(Held h) {
		SimulatedQueue target = engine.queueImpl(config.deadLetterQueue());
		forget(h);
		movedOut++;
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.MessageMovedToDeadLetterQueue(journal.next(), engine.executive.instant(), resource,
				h.messageId(), h.receiveCount, target.resource()));
		// a standard queue's retention runs from the original enqueue; a FIFO queue's restarts (SQS's rule)
		long expiresAt = config.fifo() ? engine.executive.nanos()
				+ Duration.ofSeconds(target.config.messageRetentionPeriodSeconds()).toNanos() : h.expiresAt;
		target.refresh();
		Message moved = h.message.withReceiveCount(0);
		journal.append(new JournalEntry.MessageSent(journal.next(), engine.executive.instant(), null, null, target.resource(),
				moved));
		target.admit(moved, expiresAt, arn, h.receiveCount, h.firstReceived, 0);
	}

	/** DeleteMessage of a message this queue handed out. Lock held. */
	void delete(Held h) {
		if (h.state == State.GONE) {
			return;
		}
		forget(h);
		deleted++;
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.MessageDeleted(journal.next(), engine.executive.instant(), resource, h.messageId()));
		scheduleWake();
	}

	/**
	 * DeleteMessage by receipt handle: the latest handle of a message deletes it; an older one (the message was
	 * received again since) is accepted and deletes nothing, as in SQS.
	 *
	 * @throws AwsServiceException {@code ReceiptHandleIsInvalid} for a handle this queue never gave
	 */
	void delete(String receiptHandle) {
		Held h = byReceiptHandle(receiptHandle);
		if (h != null && receiptHandle.equals(h.receiptHandle)) {
			delete(h);
		}
	}

	/**
	 * ChangeMessageVisibility: a message in flight becomes visible {@code seconds} from now (0: now).
	 *
	 * @throws AwsServiceException {@code MessageNotInflight} for a message not in flight
	 */
	void changeVisibility(String receiptHandle, int seconds) {
		if (seconds < 0 || seconds > 43_200) {
			throw new AwsServiceException(400, "InvalidParameterValue", "Value " + seconds + " for parameter VisibilityTimeout "
					+ "is invalid. Reason: Must be between 0 and 43200, if provided.");
		}
		refresh();
		Held h = byReceiptHandle(receiptHandle);
		if (h == null || h.state != State.IN_FLIGHT || !receiptHandle.equals(h.receiptHandle)) {
			throw new AwsServiceException(400, "MessageNotInflight", "Message does not exist or is not available for visibility "
					+ "timeout change.");
		}
		hidden.remove(h);
		h.visibleAt = engine.executive.nanos() + Duration.ofSeconds(seconds).toNanos();
		if (seconds == 0) {
			leaveFlight(h);
			makeReady(h);
			notifyConsumers();
		}
		else {
			hidden.add(h);
		}
		scheduleWake();
	}

	/** PurgeQueue: every message goes. Counted as deleted. */
	void purge() {
		for (Held h : List.copyOf(held.values())) {
			delete(h);
		}
	}

	private Held byReceiptHandle(String receiptHandle) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(receiptHandle), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			decoded = "";
		}
		String[] parts = decoded.split(" ", 4);
		if (parts.length != 4 || !parts[0].equals(arn)) {
			throw new AwsServiceException(404, "ReceiptHandleIsInvalid", "The input receipt handle \"" + receiptHandle
					+ "\" is not a valid receipt handle.");
		}
		return held.get(parts[1]);
	}

	/** A handle that names the queue and the message, as SQS's do (opaque to users). */
	private String receiptHandle(Held h) {
		String text = arn + " " + h.messageId() + " " + h.receiveCount + " " + engine.ids.upperHex(16);
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private void forget(Held h) {
		switch (h.state) {
			case READY -> ready.remove(h);
			case DELAYED -> {
				hidden.remove(h);
				delayed--;
			}
			case IN_FLIGHT -> {
				hidden.remove(h);
				leaveFlight(h);
			}
			case GONE -> {
				return;
			}
		}
		h.state = State.GONE;
		held.remove(h.messageId());
	}

	private void leaveFlight(Held h) {
		inFlight--;
		String group = h.message.messageGroupId();
		if (config.fifo() && groupsInFlight.merge(group, -1, Integer::sum) <= 0) {
			groupsInFlight.remove(group);
		}
	}

	/**
	 * Applies what the clock passed: hidden messages whose time came become visible (in the order they became so),
	 * messages past retention go. Lock held.
	 */
	void refresh() {
		long now = engine.executive.nanos();
		boolean appeared = false;
		while (!hidden.isEmpty() && hidden.first().visibleAt <= now) {
			Held h = hidden.pollFirst();
			if (h.state == State.IN_FLIGHT) {
				leaveFlight(h);
			}
			else {
				delayed--;
			}
			makeReady(h);
			appeared = true;
		}
		expire(expiring, now);
		expire(expiringOutOfOrder, now);
		if (appeared) {
			notifyConsumers();
		}
	}

	/** Drops the messages of {@code line} (in expiry order) whose retention ended; skips those gone. */
	private void expire(java.util.Queue<Held> line, long now) {
		while (!line.isEmpty() && (line.peek().state == State.GONE || line.peek().expiresAt <= now)) {
			Held h = line.poll();
			if (h.state == State.GONE) {
				continue;
			}
			forget(h);
			expired++;
			JournalStore journal = engine.journal;
			journal.append(new JournalEntry.MessageExpired(journal.next(), engine.executive.instant(), resource,
					h.messageId(), Duration.ofSeconds(config.messageRetentionPeriodSeconds())));
		}
	}

	private void forgetDeduplications(long now) {
		Iterator<Deduplication> entries = deduplication.values().iterator();
		while (entries.hasNext() && entries.next().forgetAt() <= now) {
			entries.remove();
		}
	}

	// --- consumers --------------------------------------------------------------------------------------------

	void addConsumer(Consumer consumer) {
		if (!consumers.contains(consumer)) {
			consumers.add(consumer);
		}
		scheduleWake();
		if (!ready.isEmpty()) {
			consumer.messagesAvailable();
		}
	}

	void removeConsumer(Consumer consumer) {
		consumers.remove(consumer);
		scheduleWake();
	}

	private void notifyConsumers() {
		for (Consumer consumer : List.copyOf(consumers)) {
			consumer.messagesAvailable();
		}
	}

	/** With consumers, the queue wakes when its next hidden message becomes visible: they have work then. */
	private void scheduleWake() {
		long next = consumers.isEmpty() || hidden.isEmpty() ? Long.MAX_VALUE : hidden.first().visibleAt;
		if (wake != null && wake.isScheduled() && wake.at() == next) {
			return;
		}
		if (wake != null) {
			wake.cancel();
			wake = null;
		}
		if (next != Long.MAX_VALUE) {
			wake = EventQueue.Task.of("messages of " + resource + " become visible again", () -> {
				wake = null;
				refresh();
				scheduleWake();
			});
			engine.executive.scheduleAt(Math.max(next, engine.executive.nanos()), wake, false);
		}
	}

	// --- accounting -------------------------------------------------------------------------------------------

	/** What the queue holds and did, for reports: null if every message it took is accounted for. */
	String accountingProblem() {
		long accounted = deleted + expired + movedOut + held.size();
		return accounted == in ? null : resource + ": " + in + " messages in, " + deleted + " deleted, " + expired
				+ " expired, " + movedOut + " moved to the dead-letter queue, " + held.size() + " held";
	}

	int size() {
		return held.size();
	}

	/** Messages visible now. Lock held. */
	int readyCount() {
		refresh();
		return ready.size();
	}

	/** Messages in flight. Lock held. */
	int inFlightCount() {
		refresh();
		return inFlight;
	}

	/** Messages delayed. Lock held. */
	int delayedCount() {
		refresh();
		return delayed;
	}

	/** What a message adds to an SQS event, roughly: its body and attributes, and the record's other fields. */
	static int eventBytes(Message message) {
		return Bytes.size(message.body(), message.attributeMap()) + 700;
	}

	// --- SQS's rules ------------------------------------------------------------------------------------------

	/** SQS takes #x9, #xA, #xD, #x20 to #xD7FF, #xE000 to #xFFFD and #x10000 to #x10FFFF. */
	private static void checkCharacters(String body) {
		for (int i = 0; i < body.length(); ) {
			int c = body.codePointAt(i);
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| (c >= 0x10000 && c <= 0x10FFFF);
			if (!allowed || Character.isSurrogate(body.charAt(i)) && Character.charCount(c) == 1) {
				throw new AwsServiceException(400, "InvalidMessageContents", "Invalid binary character '#x"
						+ Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + "' was found in the message body, the set "
						+ "of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to "
						+ "#x10FFFF");
			}
			i += Character.charCount(c);
		}
	}

	private static String sha256(String body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return "SqsQueue[" + name + "]";
	}
}
