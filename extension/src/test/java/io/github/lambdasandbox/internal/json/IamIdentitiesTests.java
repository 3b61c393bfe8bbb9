package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IamIdentitiesTests {

	@Test
	void testUserIdIsAnIamUserId() {
		assertThat(IamIdentities.TEST_USER_ID).hasSize(21).startsWith("AIDA").matches("[A-Z0-9]{21}");
	}

	@Test
	void roleIdIsTwentyOneCharactersOfAwsAlphabet() {
		assertThat(IamIdentities.roleId("fn-role")).hasSize(21).matches("AROA[A-Z2-7]{17}");
	}

	@Test
	void roleIdIsTheSameForTheSameRoleAndDiffersBetweenRoles() {
		assertThat(IamIdentities.roleId("a-role")).isEqualTo(IamIdentities.roleId("a-role"))
				.isNotEqualTo(IamIdentities.roleId("b-role"));
	}

	@Test
	void executionRoleIsNamedAfterTheFunction() {
		assertThat(IamIdentities.executionRoleArn("orders")).isEqualTo("arn:aws:iam::123456789012:role/orders-role");
		assertThat(IamIdentities.functionSenderId("orders")).isEqualTo(IamIdentities.roleId("orders-role") + ":orders");
	}
}
