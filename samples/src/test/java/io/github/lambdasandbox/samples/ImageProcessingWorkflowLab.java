package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.BucketNotification;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.Subscription;
import io.github.lambdasandbox.Topic;
import io.github.lambdasandbox.samples.handlers.ImageProcessingHandler;
import io.github.lambdasandbox.samples.handlers.OnCallPagerHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Lab: the image-processing workflow of the Destinations overview (section 7.1).
 *
 * <ol>
 * <li>An image is uploaded to the S3 bucket {@code images} (under {@code uploads/}).
 * <li>The upload invokes {@code image-processor} asynchronously.
 * <li>The function processes the image.
 * <li>On success its metadata goes to the SQS queue {@code image-metadata}, from which another function would store it
 * in a database.
 * <li>On failure the error goes to the SNS topic {@code image-alerts}; the administrators are alerted through the
 * topic's subscriptions: the queue {@code ops-inbox} (their mail, in this lab) and the function {@code pager}, which
 * pages whoever is on call.
 * </ol>
 */
@LambdaSandbox
@LambdaFunction(name = "image-processor", handler = ImageProcessingHandler.class,
		onSuccess = "sqs:image-metadata", onFailure = "sns:image-alerts")
@LambdaFunction(name = "pager", handler = OnCallPagerHandler.class)
@Bucket(name = "images")
@BucketNotification(bucket = "images", events = "s3:ObjectCreated:*", prefix = "uploads/", target = "image-processor")
@Topic(name = "image-alerts")
@Subscription(topic = "image-alerts", endpoint = "sqs:ops-inbox")
@Subscription(topic = "image-alerts", endpoint = "lambda:pager")
@DisplayName("Lab: an image-processing workflow with destinations and an SNS alert")
@Order(4)
class ImageProcessingWorkflowLab {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	@Order(1)
	@DisplayName("upload uploads/beach.jpg → its metadata in image-metadata, no alert")
	void aProcessedImageSendsItsMetadataToTheQueue(Sandbox sandbox) throws Exception {
		sandbox.bucket("images").putObject("uploads/beach.jpg", "(a picture of a beach)");

		SqsMessage record = assertThat(queue("image-metadata")).receivesRecord()
				.withCondition(SUCCESS)
				.withResponsePayload("""
						{"bucket": "images", "key": "uploads/beach.jpg", "format": "JPEG", "bytes": 22}""")
				.actual();

		// what the metadata-saving function would read from the queue: the record, with the S3 event that started it all
		JsonNode upload = JSON.readTree(record.body()).at("/requestPayload/Records/0");
		assertThat(upload.at("/eventName").asText()).isEqualTo("ObjectCreated:Put");
		assertThat(upload.at("/s3/object/key").asText()).isEqualTo("uploads/beach.jpg");

		assertThat(topic("image-alerts")).receivesNoMessage();
	}

	@Test
	@Order(2)
	@DisplayName("upload uploads/report.pdf → after 3 attempts an alert in ops-inbox and a page")
	void aFailedImageAlertsTheAdministratorsThroughTheTopic(Sandbox sandbox) throws Exception {
		sandbox.bucket("images").putObject("uploads/report.pdf", "%PDF-1.7");

		// the topic receives the failure record after the first attempt and Lambda's two retries (3 virtual minutes)
		assertThat(topic("image-alerts")).receivesRecord()
				.withCondition(RETRIES_EXHAUSTED)
				.withApproximateInvokeCount(3)
				.withErrorType("java.lang.UnsupportedOperationException")
				.withErrorMessage("cannot process s3://images/uploads/report.pdf: not a JPEG or PNG image");

		// the administrators' inbox holds SNS's notification, whose Message is the record
		SqsMessage mail = assertThat(queue("ops-inbox")).receivesMessage().actual();
		JsonNode notification = JSON.readTree(mail.body());
		assertThat(notification.get("Type").asText()).isEqualTo("Notification");
		assertThat(notification.get("TopicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:image-alerts");
		assertThat(JSON.readTree(notification.get("Message").asText()).at("/requestContext/condition").asText())
				.isEqualTo("RetriesExhausted");

		// and the pager function was invoked with SNS's event
		sandbox.settle();
		assertThat(function("pager").logs()).anyMatch(line -> line.startsWith("PAGE on-call: alert "));
		assertThat(queue("image-metadata")).receivesNoRecord();
	}

	@Test
	@Order(3)
	@DisplayName("upload thumbnails/beach.jpg → nothing: the notification is for uploads/ only")
	void anUploadOutsideThePrefixInvokesNothing(Sandbox sandbox) {
		sandbox.bucket("images").putObject("thumbnails/beach.jpg", "(a small picture)");
		sandbox.settle();

		assertThat(function("image-processor").metric("Invocations")).isZero();
		assertThat(queue("image-metadata")).receivesNoMessage();
	}
}
