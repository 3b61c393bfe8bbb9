package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Condition names as AWS writes them")
class ConditionTests {

	@Test
	void eachConditionReadsBackFromTheNameAwsWrites() {
		assertThat(Condition.values()).extracting(Condition::awsName).containsExactly("Success", "RetriesExhausted",
				"EventAgeExceeded", "ZeroReservedConcurrency", "RetryAttemptsExhausted", "RecordAgeExceeded",
				"RecursiveInvocationException");
		for (Condition condition : Condition.values()) {
			assertThat(Condition.fromAwsName(condition.awsName())).isSameAs(condition);
		}
	}

	@Test
	void anUnknownNameListsTheKnownOnes() {
		assertThatThrownBy(() -> Condition.fromAwsName("MaximumRecordAgeExceeded"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith("Unknown condition \"MaximumRecordAgeExceeded\"; AWS writes one of [Success,");
	}
}
