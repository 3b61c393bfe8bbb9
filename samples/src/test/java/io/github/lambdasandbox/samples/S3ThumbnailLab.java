package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.BucketNotification;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.CarelessThumbnailHandler;
import io.github.lambdasandbox.samples.handlers.ThumbnailHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: thumbnails of uploads, by a function that calls S3 and SQS itself.
 *
 * <p>An upload under {@code uploads/} in the bucket {@code photos} invokes {@code thumbnailer} asynchronously
 * ({@code @BucketNotification}). The function reads the uploaded object with {@code S3Client.getObject} and sends a
 * thumbnail record to the queue {@code thumbnails} with {@code SqsClient} — ordinary SDK clients, which reach the
 * sandbox in memory. Then the hard case: an upload that is gone before the function reads it. The function that
 * expects it skips it; the one that does not fails three times, and its on-failure destination keeps the event.
 */
@LambdaSandbox
@Bucket(name = "photos")
@BucketNotification(bucket = "photos", events = "s3:ObjectCreated:*", prefix = "uploads/", target = "thumbnailer")
@Queue(name = "thumbnails")
@DisplayName("Lab: thumbnails of S3 uploads, with S3Client and SqsClient in the handler")
@Order(8)
class S3ThumbnailLab {

	@Nested
	@LambdaFunction(name = "thumbnailer", handler = ThumbnailHandler.class, onFailure = "sqs:thumbnail-failures")
	@DisplayName("thumbnailer reads each upload and sends a thumbnail record")
	@Order(1)
	class WhenTheHandlerExpectsMissingObjects {

		@Test
		@Order(1)
		@DisplayName("upload uploads/summer beach.jpg → its thumbnail record in thumbnails")
		void anUploadGetsAThumbnailRecord(Sandbox sandbox) {
			sandbox.bucket("photos").putObject("uploads/summer beach.jpg", "(a picture of a beach)");

			// the event names the key URL-encoded ("uploads/summer+beach.jpg"); the handler decodes it to read the object
			assertThat(queue("thumbnails")).receivesMessage().withBody("""
					{"bucket": "photos", "key": "uploads/summer beach.jpg", "size": 22,
					 "thumbnailKey": "thumbnails/summer beach.jpg"}""");
			assertThat(function("thumbnailer").logs())
					.contains("thumbnail of s3://photos/uploads/summer beach.jpg (22 bytes)");
			assertThat(queue("thumbnail-failures")).receivesNoRecord();
		}

		@Test
		@Order(2)
		@DisplayName("upload then delete at once → the function finds NoSuchKey, skips it, and succeeds")
		void anUploadThatIsGoneIsSkipped(Sandbox sandbox) {
			sandbox.bucket("photos").putObject("uploads/oops.jpg", "(a picture sent by mistake)");
			sandbox.bucket("photos").deleteObject("uploads/oops.jpg");   // before the function runs: it reads nothing

			assertThat(queue("thumbnails")).receivesNoMessage();
			assertThat(function("thumbnailer").logs()).contains("skipped s3://photos/uploads/oops.jpg: NoSuchKey");
			assertThat(function("thumbnailer").metric("Invocations")).isEqualTo(1);
			assertThat(function("thumbnailer").metric("Errors")).isZero();
			assertThat(queue("thumbnail-failures")).receivesNoRecord();
		}
	}

	@Nested
	@LambdaFunction(name = "thumbnailer", handler = CarelessThumbnailHandler.class, onFailure = "sqs:thumbnail-failures")
	@DisplayName("the careless version lets NoSuchKey escape")
	@Order(2)
	class WhenTheHandlerLetsNoSuchKeyEscape {

		@Test
		@DisplayName("upload then delete at once → 3 attempts over 3 minutes, then the event in thumbnail-failures")
		void aMissingObjectIsRetriedThenRecorded(Sandbox sandbox) {
			sandbox.bucket("photos").putObject("uploads/oops.jpg", "(a picture sent by mistake)");
			sandbox.bucket("photos").deleteObject("uploads/oops.jpg");

			// retrying cannot bring the object back: Lambda tries 1 and 2 minutes later, then gives up
			assertThat(queue("thumbnail-failures")).receivesRecord()
					.withCondition(RETRIES_EXHAUSTED)
					.withApproximateInvokeCount(3)
					.withErrorType("software.amazon.awssdk.services.s3.model.NoSuchKeyException")
					.withErrorMessageContaining("The specified key does not exist.")
					.withRequestPayloadContaining("""
							{"Records": [{"eventName": "ObjectCreated:Put", "s3": {"object": {"key": "uploads/oops.jpg"}}}]}""");
			assertThat(queue("thumbnails")).receivesNoMessage();
		}
	}
}
