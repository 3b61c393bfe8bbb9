package io.github.lambdasandbox.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lambdasandbox.internal.config.TargetRef.Service;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Role policies: IAM's matching of actions, and the checks Lambda makes of a role")
class RolePolicyTests {

	@Test
	void anActionMatchesWholeWithWildcardsAndWithoutRegardToCase() {
		RolePolicy policy = RolePolicy.of("test", "sqs:Send*", "S3:GetObjec?", "LAMBDA:invokefunction");

		assertThat(policy.allows("sqs:SendMessage")).isTrue();
		assertThat(policy.allows("sqs:SendMessageBatch")).isTrue();
		assertThat(policy.allows("sqs:ReceiveMessage")).isFalse();
		assertThat(policy.allows("s3:GetObject")).isTrue();
		assertThat(policy.allows("s3:GetObjectAcl")).isFalse();
		assertThat(policy.allows("lambda:InvokeFunction")).isTrue();
		assertThat(policy.allows("lambda:InvokeFunctionUrl")).isFalse();
	}

	@Test
	void aPatternIsNoRegularExpression() {
		RolePolicy policy = RolePolicy.of("test", "sqs:Send.+");

		assertThat(policy.allows("sqs:SendMessage")).isFalse();
		assertThat(policy.allows("sqs:Send.+")).isTrue();
	}

	@Test
	void everythingAndNothing() {
		assertThat(RolePolicy.ALLOW_ALL.allows("dynamodb:PutItem")).isTrue();
		assertThat(RolePolicy.of("test").allows("dynamodb:PutItem")).isFalse();
	}

	@Test
	void anS3DestinationNeedsBothActionsAndTheRefusalNamesTheFirstMissing() {
		TargetRef bucket = new TargetRef(Service.S3, "failed");

		assertThat(RolePolicy.of("test", "s3:ListBucket").destinationRefusal(bucket)).isEqualTo("The function's execution "
				+ "role does not have permissions to call PutObject on arn:aws:s3:::failed");
		assertThat(RolePolicy.of("test", "s3:PutObject", "s3:ListBucket").destinationRefusal(bucket)).isNull();
	}

	@Test
	void aQueuesMappingIsRefusedForTheFirstOfItsThreeActionsTheRoleLacks() {
		RolePolicy policy = RolePolicy.of("test", "sqs:ReceiveMessage", "sqs:DeleteMessage");

		assertThat(policy.mappingRefusal(MappingConfig.SourceKind.SQS, "arn:aws:sqs:us-east-1:123456789012:q"))
				.isEqualTo("The provided execution role does not have permissions to call GetQueueAttributes on SQS");
		assertThat(policy.missing(RolePolicy.mappingActions(MappingConfig.SourceKind.SQS)))
				.isEqualTo("{\"sqs:GetQueueAttributes\"}");
	}
}
