package io.github.lambdasandbox.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** DynamoDb of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class DynamoDbApi implements AwsServices.DynamoDb {

	private final SandboxEngine engine;

	DynamoDbApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public Optional<String> putItem(String tableName, String itemJson, boolean returnOldValues) {
		throw notYet("putItem");
	}

	@Override
	public Optional<String> getItem(String tableName, String keyJson) {
		throw notYet("getItem");
	}

	@Override
	public Optional<String> updateItem(String tableName, String keyJson, String updateExpression, Map<String, String> expressionAttributeNames, String expressionAttributeValuesJson, String returnValues) {
		throw notYet("updateItem");
	}

	@Override
	public Optional<String> deleteItem(String tableName, String keyJson, boolean returnOldValues) {
		throw notYet("deleteItem");
	}

	@Override
	public List<String> query(String tableName, String keyConditionExpression, Map<String, String> expressionAttributeNames, String expressionAttributeValuesJson, boolean scanIndexForward, Integer limit) {
		throw notYet("query");
	}

	private static UnsupportedOperationException notYet(String operation) {
		return new UnsupportedOperationException("DynamoDb " + operation + " is not built into the sandbox yet.");
	}
}
