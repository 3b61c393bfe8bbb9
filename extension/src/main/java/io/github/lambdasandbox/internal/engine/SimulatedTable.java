package io.github.lambdasandbox.internal.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.DynamoDbTable;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.config.TableConfig;
import io.github.lambdasandbox.internal.json.DynamoDbStreams;
import io.github.lambdasandbox.internal.json.DynamoDbValues;
import io.github.lambdasandbox.internal.json.Json;
import io.github.lambdasandbox.internal.json.StreamFailureRecords;

/**
 * A DynamoDB table of the sandbox with its stream ({@code NEW_AND_OLD_IMAGES}, one shard, 24 hours of records):
 * every write that changes an item adds a record, {@code INSERT}, {@code MODIFY} or {@code REMOVE}; a write that
 * changes nothing adds none, as in DynamoDB. Items are kept as DynamoDB's typed JSON (the {@link DynamoDbTable}
 * methods read and write plain JSON). Engine only, except the
 * {@link DynamoDbTable} methods.
 */
final class SimulatedTable implements DynamoDbTable, StreamSource {

	/** DynamoDB's limit on an item. */
	static final int MAX_ITEM_BYTES = 400 * 1024;

	/** A stream's records are kept 24 hours. */
	private static final Duration STREAM_RETENTION = Duration.ofHours(24);

	private final SandboxEngine engine;

	private final TableConfig config;

	private final String resource;

	private final String streamArn;

	private final StreamShard shard;

	/** Key to item, in key order: partition key, then sort key (numbers as numbers). */
	private final TreeMap<List<JsonNode>, ObjectNode> items = new TreeMap<>(SimulatedTable::compareKeys);

	private long counter = 100_000_000_000L;

	SimulatedTable(SandboxEngine engine, TableConfig config) {
		this.engine = engine;
		this.config = config;
		this.resource = "dynamodb:" + config.name();
		Instant created = engine.executive.start();
		this.streamArn = DynamoDbStreams.streamArn(config.name(), created);
		this.shard = new StreamShard(engine.executive, DynamoDbStreams.shardId(created, engine.ids.hex(8)), 0,
				STREAM_RETENTION);
	}

	@Override
	public Sandbox sandbox() {
		return engine;
	}

	@Override
	public String name() {
		return config.name();
	}

	@Override
	public String arn() {
		return "arn:aws:dynamodb:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":table/" + config.name();
	}

	@Override
	public String streamArn() {
		return streamArn;
	}

	@Override
	public String resource() {
		return resource;
	}

	@Override
	public String eventSourceArn() {
		return streamArn;
	}

	@Override
	public Duration pollInterval() {
		return Duration.ofMillis(250);
	}

	@Override
	public String event(StreamShard shard, List<StreamShard.Item> items, String functionName) {
		List<DynamoDbStreams.Change> changes = new ArrayList<>(items.size());
		for (StreamShard.Item item : items) {
			changes.add((DynamoDbStreams.Change) item.payload());
		}
		return DynamoDbStreams.event(changes, DynamoDbStreams.NEW_AND_OLD_IMAGES, streamArn);
	}

	@Override
	public String failureRecord(String requestId, String functionArn, String condition, int approximateInvokeCount,
			StreamFailureRecords.Response response, Instant timestamp, StreamFailureRecords.BatchInfo batch, String payload) {
		return StreamFailureRecords.dynamoDb(requestId, functionArn, condition, approximateInvokeCount, response, timestamp,
				batch, payload);
	}

	TableConfig config() {
		return config;
	}

	@Override
	public List<StreamShard> shards() {
		return List.of(shard);
	}

	// --- DynamoDbTable ----------------------------------------------------------------------------------------

	@Override
	public Optional<String> putItem(String itemJson) {
		return call(() -> put(typed(itemJson, "item"), null, null).map(SimulatedTable::plain));
	}

	@Override
	public String updateItem(String keyJson, String attributesJson) {
		return call(() -> {
			ObjectNode changes = plainObject(attributesJson, "attributes");
			ObjectNode typedChanges = JsonNodeFactory.instance.objectNode();
			for (Iterator<Map.Entry<String, JsonNode>> fields = changes.fields(); fields.hasNext(); ) {
				Map.Entry<String, JsonNode> field = fields.next();
				typedChanges.set(field.getKey(), field.getValue().isNull() ? null
						: Json.parse(DynamoDbValues.typedValue(Json.write(field.getValue()))));
			}
			return plain(update(typed(keyJson, "key"), typedChanges, null, null));
		});
	}

	@Override
	public Optional<String> deleteItem(String keyJson) {
		return call(() -> delete(typed(keyJson, "key"), null, null).map(SimulatedTable::plain));
	}

	@Override
	public Optional<String> getItem(String keyJson) {
		return engine.executive.read(() -> get(typed(keyJson, "key")).map(SimulatedTable::plain));
	}

	@Override
	public List<String> items() {
		return engine.executive.read(() -> items.values().stream().map(SimulatedTable::plain).toList());
	}

	private static String plain(ObjectNode typedItem) {
		return DynamoDbValues.plainItem(Json.write(typedItem));
	}

	private static ObjectNode typed(String plainJson, String what) {
		plainObject(plainJson, what);
		return (ObjectNode) Json.parse(DynamoDbValues.typedItem(plainJson));
	}

	private <T> T call(java.util.function.Supplier<T> operation) {
		try {
			return engine.executive.command(operation);
		}
		catch (AwsServiceException e) {
			throw new IllegalArgumentException(e.getMessage() + " (DynamoDB: " + e.errorCode() + ")");
		}
	}

	// --- engine -----------------------------------------------------------------------------------------------

	/** PutItem of a typed item. Lock held. @return the item replaced */
	Optional<ObjectNode> put(ObjectNode item, String requestId, String function) {
		List<JsonNode> key = key(item, false);
		checkSize(item);
		ObjectNode old = items.put(key, item.deepCopy());
		record(key, old, item, requestId, function);
		return Optional.ofNullable(old);
	}

	/** UpdateItem with typed attributes: a null value (Java null or JSON null) removes one. Lock held. @return the item after */
	ObjectNode update(ObjectNode keyObject, ObjectNode changes, String requestId, String function) {
		List<JsonNode> key = key(keyObject, true);
		ObjectNode old = items.get(key);
		ObjectNode item = old == null ? keyObject.deepCopy() : old.deepCopy();
		for (Iterator<Map.Entry<String, JsonNode>> fields = changes.fields(); fields.hasNext(); ) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (isKeyAttribute(field.getKey())) {
				throw validation("One or more parameter values were invalid: Cannot update attribute " + field.getKey()
						+ ". This attribute is part of the key");
			}
			if (field.getValue() == null || field.getValue().isNull()) {
				item.remove(field.getKey());
			}
			else {
				item.set(field.getKey(), field.getValue());
			}
		}
		checkSize(item);
		items.put(key, item);
		record(key, old, item, requestId, function);
		return item.deepCopy();
	}

	/** DeleteItem. Lock held. @return the item deleted */
	Optional<ObjectNode> delete(ObjectNode keyObject, String requestId, String function) {
		List<JsonNode> key = key(keyObject, true);
		ObjectNode old = items.remove(key);
		if (old != null) {
			record(key, old, null, requestId, function);
		}
		return Optional.ofNullable(old);
	}

	/** GetItem. Lock held. */
	Optional<ObjectNode> get(ObjectNode keyObject) {
		return Optional.ofNullable(items.get(key(keyObject, true))).map(ObjectNode::deepCopy);
	}

	/** The items of one partition, in sort key order. Lock held. */
	List<ObjectNode> partition(JsonNode partitionKeyValue) {
		List<ObjectNode> found = new ArrayList<>();
		for (Map.Entry<List<JsonNode>, ObjectNode> entry : items.entrySet()) {
			if (entry.getKey().get(0).equals(partitionKeyValue)) {
				found.add(entry.getValue().deepCopy());
			}
		}
		return found;
	}

	boolean isKeyAttribute(String name) {
		return name.equals(config.partitionKey()) || name.equals(config.sortKey());
	}

	/** A stream record for a change; none when the item did not change. */
	private void record(List<JsonNode> key, ObjectNode oldItem, ObjectNode newItem, String requestId, String function) {
		if (oldItem != null && oldItem.equals(newItem)) {
			return;
		}
		ObjectNode keys = JsonNodeFactory.instance.objectNode();
		keys.set(config.partitionKey(), key.get(0));
		if (config.hasSortKey()) {
			keys.set(config.sortKey(), key.get(1));
		}
		String typedKeys = Json.write(keys);
		String typedNew = newItem == null ? null : Json.write(newItem);
		String typedOld = oldItem == null ? null : Json.write(oldItem);
		Instant now = engine.executive.instant();
		String sequenceNumber = DynamoDbStreams.sequenceNumber(counter++);
		DynamoDbStreams.Change change = new DynamoDbStreams.Change(engine.ids.hex(32), now, typedKeys, typedNew, typedOld,
				sequenceNumber);
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.ItemChanged(journal.next(), now, requestId, function, resource, change.eventName(),
				DynamoDbValues.plainItem(typedKeys), sequenceNumber));
		shard.append(new StreamShard.Item(shard.shardId, sequenceNumber, typedKeys, now, engine.executive.nanos(),
				DynamoDbStreams.sizeBytes(typedKeys, typedNew, typedOld) + 400, change));
	}

	/** The key of an item or a key object, checked as DynamoDB checks it. */
	private List<JsonNode> key(ObjectNode item, boolean keyOnly) {
		List<JsonNode> key = new ArrayList<>(2);
		key.add(keyValue(item, config.partitionKey()));
		if (config.hasSortKey()) {
			key.add(keyValue(item, config.sortKey()));
		}
		if (keyOnly && item.size() != key.size()) {
			throw validation("The provided key element does not match the schema");
		}
		return key;
	}

	private JsonNode keyValue(ObjectNode item, String name) {
		JsonNode value = item.get(name);
		if (value == null) {
			throw validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
		}
		String type = value.isObject() && value.size() == 1 ? value.fieldNames().next() : "?";
		if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
			throw validation("One or more parameter values were invalid: Type mismatch for key " + name + " expected: S, N "
					+ "or B actual: " + type);
		}
		if (value.get(type).asText().isEmpty()) {
			throw validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
					+ "contain an empty string value. Key: " + name);
		}
		return value;
	}

	private void checkSize(ObjectNode item) {
		if (DynamoDbValues.itemSize(Json.write(item)) > MAX_ITEM_BYTES) {
			throw validation("Item size has exceeded the maximum allowed size");
		}
	}

	private static ObjectNode plainObject(String json, String what) {
		JsonNode node;
		try {
			node = Json.parse(json);
		}
		catch (RuntimeException e) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("The " + what + " must be one JSON object, such as {\"id\":\"1\"}: " + json);
		}
		return (ObjectNode) node;
	}

	private static AwsServiceException validation(String message) {
		return new AwsServiceException(400, "ValidationException", message);
	}

	private static int compareKeys(List<JsonNode> a, List<JsonNode> b) {
		for (int i = 0; i < a.size(); i++) {
			int c = compareValues(a.get(i), b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	/** Typed key values: numbers as numbers, strings and binaries by their bytes, as DynamoDB orders them. */
	static int compareValues(JsonNode a, JsonNode b) {
		String typeA = a.fieldNames().next();
		String typeB = b.fieldNames().next();
		if (!typeA.equals(typeB)) {
			return typeA.compareTo(typeB);
		}
		String x = a.get(typeA).asText();
		String y = b.get(typeB).asText();
		return switch (typeA) {
			case "N" -> new BigDecimal(x).compareTo(new BigDecimal(y));
			case "B" -> java.util.Arrays.compareUnsigned(java.util.Base64.getDecoder().decode(x),
					java.util.Base64.getDecoder().decode(y));
			default -> java.util.Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					y.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		};
	}

	@Override
	public String toString() {
		return "DynamoDbTable[" + config.name() + "]";
	}
}
