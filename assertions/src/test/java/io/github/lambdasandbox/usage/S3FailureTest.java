package io.github.lambdasandbox.usage;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.*;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of the foundation issue, unchanged: it must compile against the contract and pass. */
@LambdaSandbox
@LambdaFunction(name = "lambda-s3", handler = S3FailureTest.Boom.class,
          onSuccess = "sqs:S3-success", onFailure = "sqs:S3-failure")
@Bucket(name = "images", onObjectCreated = "lambda-s3")
class S3FailureTest {

  public static class Boom implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      throw new RuntimeException("boom!");
    }
  }

  @Test void failuresAreRecordedAfterTwoRetries(Sandbox sandbox) {
    sandbox.bucket("images").putObject("index.html", "<html/>");
    assertThat(queue("S3-failure")).receivesRecord()
        .withCondition(RETRIES_EXHAUSTED)
        .withApproximateInvokeCount(3)
        .withErrorMessage("boom!")
        .withErrorType("java.lang.RuntimeException");
    assertThat(queue("S3-success")).receivesNoRecord();
  }
}
