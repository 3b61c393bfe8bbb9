package io.github.lambdasandbox.assertions;

import static io.github.lambdasandbox.Condition.RETRIES_EXHAUSTED;
import static io.github.lambdasandbox.Condition.RETRY_ATTEMPTS_EXHAUSTED;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.bucket;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BucketAssert: objects and records stored in a bucket")
@LambdaSandbox
@LambdaFunction(name = "boom", handler = QueueAssertTests.Boom.class, onFailure = "s3:failures")
@LambdaFunction(name = "clicker", handler = EventSourceAssertionsTests.FailsOnPoison.class)
@Bucket(name = "uploads")
@DataStream(name = "clicks")
@EventSourceMapping(function = "clicker", source = "kinesis:clicks", maximumRetryAttempts = 0, onFailure = "s3:failures")
class BucketAssertTests {

	@Test
	void anAsynchronousFailureRecordStoredInABucketIsCheckedAsAnyRecord(Sandbox sandbox) {
		sandbox.invokeAsync("boom", "{}");

		assertThat(bucket("failures")).receivesRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withApproximateInvokeCount(3)
				.withErrorMessage("boom!");
		assertThat(bucket("failures")).receivesNoObject();
	}

	@Test
	void aStreamOnFailureRecordStoredInABucketCarriesItsBatch(Sandbox sandbox) {
		String poison = sandbox.stream("clicks").putRecord("k", "poison");

		assertThat(bucket("failures")).receivesRecord()
				.withCondition(RETRY_ATTEMPTS_EXHAUSTED)
				.withStartSequenceNumber(poison);
	}

	@Test
	void objectsAreMatchedByKeyAndContent(Sandbox sandbox) {
		sandbox.bucket("uploads").putObject("images/a.png", "(a)");
		sandbox.bucket("uploads").putObject("notes.txt", "hello");

		assertThat(bucket("uploads")).receivesObject("notes\\..*").withBody("hello");
	}

	@Test
	void aMissingObjectFailsWithWhatTheBucketsHold(Sandbox sandbox) {
		sandbox.bucket("uploads").putObject("notes.txt", "hello");

		assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(bucket("uploads")).receivesObject("images/.*"))
				.withMessageContaining("Expecting bucket \"uploads\" to receive an object with a key matching images/.*")
				.withMessageContaining("\"uploads\": 1 object [notes.txt]");
	}
}
