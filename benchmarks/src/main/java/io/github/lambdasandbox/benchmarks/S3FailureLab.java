package io.github.lambdasandbox.benchmarks;

import static io.github.lambdasandbox.Condition.RETRIES_EXHAUSTED;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.assertThat;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;

/**
 * The S3 failure lab, outside JUnit: a put into bucket {@code images} triggers {@code lambda-s3}, whose
 * handler always throws; after 3 attempts over 3 virtual minutes the on-failure destination receives a
 * {@code RetriesExhausted} record.
 */
@LambdaSandbox
@LambdaFunction(name = "lambda-s3", handler = Boom.class, onSuccess = "sqs:S3-success", onFailure = "sqs:S3-failure")
@Bucket(name = "images", onObjectCreated = "lambda-s3")
public final class S3FailureLab {

	private S3FailureLab() {
	}

	/** One run of the lab, including creating and closing the sandbox. */
	public static void run() {
		try (Sandbox sandbox = Sandbox.create(S3FailureLab.class)) {
			exercise(sandbox);
		}
	}

	/** The lab on an open sandbox: put, wait for the failure record, check it. */
	public static void exercise(Sandbox sandbox) {
		sandbox.bucket("images").putObject("index.html", "<html/>");
		assertThat(sandbox.queue("S3-failure")).receivesRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withApproximateInvokeCount(3)
				.withErrorMessage("boom!")
				.withErrorType("java.lang.RuntimeException");
	}
}
