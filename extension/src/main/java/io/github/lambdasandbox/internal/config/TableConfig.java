package io.github.lambdasandbox.internal.config;

/** A validated {@code @Table}: a DynamoDB table with a {@code NEW_AND_OLD_IMAGES} stream. */
public record TableConfig(String name, String partitionKey, String sortKey) {

	/** @return whether the table has a sort key */
	public boolean hasSortKey() {
		return !sortKey.isEmpty();
	}
}
