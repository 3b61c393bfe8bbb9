package io.github.lambdasandbox;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB table of the sandbox, declared with {@link Table @Table}, with a {@code NEW_AND_OLD_IMAGES} stream.
 * Items are written and read as plain JSON ({@code {"id":"1","total":42}}); the stream records carry DynamoDB's
 * typed attribute values ({@code {"id":{"S":"1"},"total":{"N":"42"}}}).
 *
 * <pre>{@code
 * DynamoDbTable users = sandbox.table("users");
 * users.putItem("{\"id\":\"1\",\"name\":\"Ada\"}");              // INSERT
 * users.updateItem("{\"id\":\"1\"}", "{\"name\":\"Ada L.\"}");   // MODIFY
 * users.deleteItem("{\"id\":\"1\"}");                            // REMOVE
 * }</pre>
 *
 * @since 0.2
 */
public interface DynamoDbTable {

	Sandbox sandbox();

	String name();

	/** {@code arn:aws:dynamodb:us-east-1:123456789012:table/<name>}. */
	String arn();

	/** {@code LatestStreamArn}: {@code arn:…:table/<name>/stream/<label>}. */
	String streamArn();

	/**
	 * PutItem: stores the item, replacing one with the same key; the stream gets an {@code INSERT} or a
	 * {@code MODIFY} (none if nothing changed, as in DynamoDB).
	 *
	 * @param itemJson a JSON object holding at least the key attributes
	 * @return the item it replaced, if any
	 */
	Optional<String> putItem(String itemJson);

	/**
	 * UpdateItem: sets the attributes of {@code attributesJson} on the item with this key (creating it if absent);
	 * a {@code null} value removes the attribute.
	 *
	 * @return the item after the update
	 */
	String updateItem(String keyJson, String attributesJson);

	/**
	 * DeleteItem: the stream gets a {@code REMOVE} if the item existed.
	 *
	 * @return the item deleted, if any
	 */
	Optional<String> deleteItem(String keyJson);

	/** GetItem. */
	Optional<String> getItem(String keyJson);

	/** Every item, in key order (plain JSON). */
	List<String> items();
}
