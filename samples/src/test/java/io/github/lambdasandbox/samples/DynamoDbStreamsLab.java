package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import io.github.lambdasandbox.DynamoDbTable;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.Table;
import io.github.lambdasandbox.samples.handlers.UserAuditHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: an audit log from a DynamoDB table's stream. Each write to {@code users} that changes an item adds a stream
 * record ({@code INSERT}, {@code MODIFY}, {@code REMOVE}) with the item's old and new images; {@code user-audit}
 * reads them in order, a quarter second later at most.
 */
@LambdaSandbox
@LambdaFunction(name = "user-audit", handler = UserAuditHandler.class)
@Table(name = "users", partitionKey = "id")
@EventSourceMapping(function = "user-audit", source = "dynamodb:users")
@DisplayName("Lab: an audit log from a DynamoDB stream")
@Order(7)
class DynamoDbStreamsLab {

	@Test
	@DisplayName("create, rename, rename to the same name (no record), delete → three audit lines, in order")
	void everyChangeIsAudited(Sandbox sandbox) {
		DynamoDbTable users = sandbox.table("users");
		users.putItem("{\"id\": \"u1\", \"name\": \"Ada\"}");
		users.updateItem("{\"id\": \"u1\"}", "{\"name\": \"Ada Lovelace\"}");
		users.updateItem("{\"id\": \"u1\"}", "{\"name\": \"Ada Lovelace\"}");    // changes nothing: no stream record
		users.deleteItem("{\"id\": \"u1\"}");
		sandbox.settle();

		assertThat(sandbox.function("user-audit").logs()).filteredOn(line -> line.contains("AUDIT")).satisfiesExactly(
				line -> assertThat(line).contains("AUDIT INSERT user u1 is Ada"),
				line -> assertThat(line).contains("AUDIT MODIFY user u1 was Ada is Ada Lovelace"),
				line -> assertThat(line).contains("AUDIT REMOVE user u1 was Ada Lovelace"));
	}
}
