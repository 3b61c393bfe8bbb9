package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class DynamoDbTests {

	private static final DynamoDbClient DYNAMO = DynamoDbClient.create();

	@RegisterExtension
	final FakeAws aws = new FakeAws().withTable("users", "id", null).withTable("events", "user", "at");

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue n(String value) {
		return AttributeValue.fromN(value);
	}

	@Test
	void putItemThenGetItemReturnsEveryAttributeType() {
		Map<String, AttributeValue> item = Map.of("id", s("u-1"), "name", s("Zoë"), "age", n("42"), "active", AttributeValue.fromBool(true),
				"photo", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1, 2, 3 })),
				"tags", AttributeValue.fromSs(List.of("a", "b")), "address", AttributeValue.fromM(Map.of("city", s("Oslo"))),
				"history", AttributeValue.fromL(List.of(n("1"), s("two"))), "nothing", AttributeValue.fromNul(true));

		PutItemResponse put = DYNAMO.putItem(b -> b.tableName("users").item(item));

		assertThat(put.hasAttributes()).isFalse();
		assertThat(DYNAMO.getItem(b -> b.tableName("users").key(Map.of("id", s("u-1")))).item()).isEqualTo(item);
	}

	@Test
	void getItemOfAMissingKeyHasNoItem() {
		assertThat(DYNAMO.getItem(b -> b.tableName("users").key(Map.of("id", s("none")))).hasItem()).isFalse();
	}

	@Test
	void putItemWithAllOldReturnsTheReplacedItem() {
		DYNAMO.putItem(b -> b.tableName("users").item(Map.of("id", s("u-1"), "v", n("1"))));

		PutItemResponse put = DYNAMO.putItem(b -> b.tableName("users").item(Map.of("id", s("u-1"), "v", n("2")))
			.returnValues(ReturnValue.ALL_OLD));

		assertThat(put.attributes()).isEqualTo(Map.of("id", s("u-1"), "v", n("1")));
	}

	@Test
	void updateItemAppliesTheExpressionAndReturnsTheNewItem() {
		DYNAMO.putItem(b -> b.tableName("users").item(Map.of("id", s("u-1"), "visits", n("1"), "old", s("x"))));

		UpdateItemResponse updated = DYNAMO.updateItem(b -> b.tableName("users").key(Map.of("id", s("u-1")))
			.updateExpression("SET #n = :name, visits = visits + :one REMOVE old")
			.expressionAttributeNames(Map.of("#n", "name"))
			.expressionAttributeValues(Map.of(":name", s("Ada"), ":one", n("1")))
			.returnValues(ReturnValue.ALL_NEW));

		assertThat(updated.attributes()).isEqualTo(Map.of("id", s("u-1"), "visits", n("2"), "name", s("Ada")));
	}

	@Test
	void deleteItemWithAllOldReturnsTheDeletedItem() {
		DYNAMO.putItem(b -> b.tableName("users").item(Map.of("id", s("u-9"))));

		DeleteItemResponse deleted = DYNAMO.deleteItem(b -> b.tableName("users").key(Map.of("id", s("u-9")))
			.returnValues(ReturnValue.ALL_OLD));

		assertThat(deleted.attributes()).isEqualTo(Map.of("id", s("u-9")));
		assertThat(DYNAMO.getItem(b -> b.tableName("users").key(Map.of("id", s("u-9")))).hasItem()).isFalse();
	}

	@Test
	void queryReturnsThePartitionInSortKeyOrderBothWays() {
		for (String at : List.of("2026-03", "2026-01", "2026-02")) {
			DYNAMO.putItem(b -> b.tableName("events").item(Map.of("user", s("u-1"), "at", s(at))));
		}
		DYNAMO.putItem(b -> b.tableName("events").item(Map.of("user", s("u-2"), "at", s("2026-01"))));

		QueryResponse forward = DYNAMO.query(b -> b.tableName("events").keyConditionExpression("#u = :u AND #at > :from")
			.expressionAttributeNames(Map.of("#u", "user", "#at", "at"))
			.expressionAttributeValues(Map.of(":u", s("u-1"), ":from", s("2026-01"))));
		QueryResponse backward = DYNAMO.query(b -> b.tableName("events").keyConditionExpression("#u = :u")
			.expressionAttributeNames(Map.of("#u", "user"))
			.expressionAttributeValues(Map.of(":u", s("u-1")))
			.scanIndexForward(false)
			.limit(2));

		assertThat(forward.items()).extracting(item -> item.get("at").s()).containsExactly("2026-02", "2026-03");
		assertThat(forward.count()).isEqualTo(2);
		assertThat(backward.items()).extracting(item -> item.get("at").s()).containsExactly("2026-03", "2026-02");
	}

	@Test
	void aMissingTableIsResourceNotFound() {
		ResourceNotFoundException error = catchThrowableOfType(ResourceNotFoundException.class,
				() -> DYNAMO.getItem(b -> b.tableName("nope").key(Map.of("id", s("1")))));

		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
	}

	@Test
	void aConditionExpressionIsRefusedRatherThanIgnored() {
		assertThat(catchThrowableOfType(UnsupportedOperationException.class,
				() -> DYNAMO.putItem(b -> b.tableName("users").item(Map.of("id", s("1"))).conditionExpression("attribute_not_exists(id)"))))
			.hasMessageStartingWith("lambda-sandbox does not answer DynamoDB PutItem with ConditionExpression yet");
	}
}
