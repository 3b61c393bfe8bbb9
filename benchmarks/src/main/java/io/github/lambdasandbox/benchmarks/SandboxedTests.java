package io.github.lambdasandbox.benchmarks;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@value #TESTS} trivial tests under {@code @LambdaSandbox} (one function, one bucket): each gets a fresh
 * sandbox and does nothing with it (it only notes the time). Run by {@link Benchmarks} through the JUnit
 * Platform Launcher; it is in {@code src/main}, so the build's own test run never picks it up.
 */
@LambdaSandbox
@LambdaFunction(name = "lambda-s3", handler = Boom.class, onSuccess = "sqs:S3-success", onFailure = "sqs:S3-failure")
@Bucket(name = "images", onObjectCreated = "lambda-s3")
public class SandboxedTests {

	/** Tests per class. */
	public static final int TESTS = 200;

	/** When the last test body ran ({@link System#nanoTime()}), to split the time before and after it. */
	static volatile long bodyAt;

	@RepeatedTest(TESTS)
	void nothing(Sandbox sandbox) {
		// the sandbox is built, injected and closed around this body, which only notes the time
		bodyAt = System.nanoTime();
	}
}
