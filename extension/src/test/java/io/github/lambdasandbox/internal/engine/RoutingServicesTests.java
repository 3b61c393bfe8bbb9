package io.github.lambdasandbox.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.Bucket;
import io.github.lambdasandbox.BucketNotification;
import io.github.lambdasandbox.EventRule;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.Subscription;
import io.github.lambdasandbox.Topic;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("S3, SNS and EventBridge by AWS operation: what SDK clients reach")
class RoutingServicesTests {

	@LambdaFunction(name = "resize", handler = Handlers.Echo.class)
	@Bucket(name = "images")
	@Bucket(name = "archive")
	@BucketNotification(bucket = "images", events = { "s3:ObjectCreated:*", "s3:ObjectRemoved:*" }, target = "sqs:events")
	@Topic(name = "alerts")
	@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", rawMessageDelivery = true)
	@EventRule(name = "all", bus = "orders", pattern = "{\"source\": [{\"exists\": true}]}", target = "sqs:orders-seen")
	static class Declarations {
	}

	private final SandboxEngine sandbox = SandboxEngine.create(Declarations.class);

	private final AwsServices aws = sandbox.aws();

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Nested
	@DisplayName("S3")
	class S3 {

		@Test
		void putObjectStoresAndNotifies() {
			AwsServices.PutObjectResult put = aws.s3().putObject("images", "a b.txt", "hello".getBytes(), "text/plain",
					Map.of("owner", "me"));

			AwsServices.S3Object head = aws.s3().headObject("images", "a b.txt");
			assertThat(head.content()).isNull();
			assertThat(head.size()).isEqualTo(5);
			assertThat(head.eTag()).isEqualTo(put.eTag()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
			assertThat(head.contentType()).isEqualTo("text/plain");
			assertThat(head.metadata()).containsEntry("owner", "me");
			assertThat(head.lastModified()).isEqualTo(sandbox.clock().now());
			assertThat(new String(aws.s3().getObject("images", "a b.txt").content())).isEqualTo("hello");
			assertThat(Fixtures.parse(sandbox.queue("events").messages().get(1).body()).at("/Records/0/s3/object/key").asText())
					.isEqualTo("a+b.txt");
		}

		@Test
		void copyObjectAcrossBucketsKeepsTypeAndMetadata() {
			aws.s3().putObject("archive", "old.txt", "x".getBytes(), "text/plain", Map.of("k", "v"));

			aws.s3().copyObject("archive", "old.txt", "images", "new.txt");

			assertThat(aws.s3().headObject("images", "new.txt").metadata()).containsEntry("k", "v");
			assertThat(Fixtures.parse(sandbox.queue("events").messages().get(1).body()).at("/Records/0/eventName").asText())
					.isEqualTo("ObjectCreated:Copy");
		}

		@Test
		void deleteObjectOfAMissingKeySucceedsAsInS3() {
			aws.s3().deleteObject("images", "nothing-here");
			aws.s3().putObject("images", "k", new byte[0], null, Map.of());
			aws.s3().deleteObject("images", "k");

			assertThat(sandbox.queue("events").messages()).extracting(m -> Fixtures.parse(m.body()).at("/Records/0/eventName")
					.asText()).containsExactly("", "ObjectCreated:Put", "ObjectRemoved:Delete");
		}

		@Test
		void unknownBucketsAndKeysAreS3sErrorsNamingTheBuckets() {
			AwsServiceException bucket = catchThrowableOfType(AwsServiceException.class,
					() -> aws.s3().getObject("nope", "k"));
			AwsServiceException key = catchThrowableOfType(AwsServiceException.class, () -> aws.s3().getObject("images", "k"));

			assertThat(bucket.statusCode()).isEqualTo(404);
			assertThat(bucket.errorCode()).isEqualTo("NoSuchBucket");
			assertThat(bucket.getMessage()).isEqualTo("The specified bucket does not exist. Buckets of this sandbox: "
					+ "\"images\", \"archive\"; declare it with @Bucket(name = \"nope\").");
			assertThat(bucket.fields()).containsEntry("BucketName", "nope");
			assertThat(key.errorCode()).isEqualTo("NoSuchKey");
			assertThat(key.getMessage()).isEqualTo("The specified key does not exist.");
		}

		@Test
		void listObjectsV2PagesInUtf8OrderWithCommonPrefixes() {
			for (String k : List.of("b/1", "a", "b/2", "c", "\uD83D\uDE00", "\uFF5E")) {
				aws.s3().putObject("archive", k, new byte[0], null, Map.of());
			}

			AwsServices.ListObjectsResult first = aws.s3().listObjectsV2("archive", null, "/", 2, null, null);
			AwsServices.ListObjectsResult second = aws.s3().listObjectsV2("archive", null, "/", 2,
					first.nextContinuationToken(), null);
			AwsServices.ListObjectsResult third = aws.s3().listObjectsV2("archive", null, "/", 2,
					second.nextContinuationToken(), null);

			assertThat(first.contents()).extracting(AwsServices.S3Object::key).containsExactly("a");
			assertThat(first.commonPrefixes()).containsExactly("b/");
			assertThat(first.truncated()).isTrue();
			assertThat(second.contents()).extracting(AwsServices.S3Object::key).containsExactly("c", "\uFF5E");
			assertThat(third.contents()).extracting(AwsServices.S3Object::key).containsExactly("\uD83D\uDE00");
			assertThat(third.truncated()).isFalse();
		}
	}

	@Nested
	@DisplayName("SNS")
	class Sns {

		private final String topic = "arn:aws:sns:us-east-1:123456789012:alerts";

		@Test
		void publishDeliversToTheSubscriptionsWithTypedAttributes() {
			String id = aws.sns().publish(topic, "m", null, Map.of("n", new AwsServices.MessageAttributeValue("Number", "42",
					null)), null, null);

			assertThat(sandbox.topic("alerts").messages()).singleElement()
					.satisfies(message -> assertThat(message.messageId()).isEqualTo(id));
			assertThat(sandbox.queue("alerts-inbox").messages().get(0).attributeDataType("n")).isEqualTo("Number");
		}

		@Test
		void publishRefusesInSnsWords() {
			assertThat(error(() -> aws.sns().publish(topic, "", null, Map.of(), null, null)))
					.isEqualTo("InvalidParameter: Invalid parameter: Empty message");
			assertThat(error(() -> aws.sns().publish(topic, "x".repeat(262_145), null, Map.of(), null, null)))
					.isEqualTo("InvalidParameter: Invalid parameter: Message too long");
			assertThat(error(() -> aws.sns().publish("not-an-arn", "m", null, Map.of(), null, null)))
					.isEqualTo("InvalidParameter: Invalid parameter: TopicArn");
			assertThat(error(() -> aws.sns().publish(topic, "m", "", Map.of(), null, null)))
					.isEqualTo("InvalidParameter: Invalid parameter: Subject");
			assertThat(error(() -> aws.sns().publish(topic.replace("alerts", "nope"), "m", null, Map.of(), null, null)))
					.isEqualTo("NotFound: Topic does not exist. Topics of this sandbox (account 123456789012, us-east-1): "
							+ "\"alerts\"; declare it with @Topic(name = \"nope\").");
			assertThat(sandbox.topic("alerts").messages()).isEmpty();
		}

		@Test
		void publishBatchPublishesEachEntryOrSaysWhyNot() {
			List<AwsServices.BatchResultEntry> results = aws.sns().publishBatch(topic, List.of(
					new AwsServices.PublishBatchEntry("1", "one", null, Map.of(), null, null),
					new AwsServices.PublishBatchEntry("2", "", null, Map.of(), null, null)));

			assertThat(results.get(0).sent().messageId()).isNotBlank();
			assertThat(results.get(1).failure().errorCode()).isEqualTo("InvalidParameter");
			assertThat(sandbox.queue("alerts-inbox").messages()).extracting(m -> m.body()).containsExactly("one");
			assertThat(error(() -> aws.sns().publishBatch(topic, Collections.nCopies(11,
					new AwsServices.PublishBatchEntry("x", "m", null, Map.of(), null, null)))))
					.isEqualTo("TooManyEntriesInBatchRequest: The batch request contains more entries than permissible.");
			assertThat(error(() -> aws.sns().publishBatch(topic, List.of(
					new AwsServices.PublishBatchEntry("x", "m", null, Map.of(), null, null),
					new AwsServices.PublishBatchEntry("x", "m", null, Map.of(), null, null)))))
					.isEqualTo("BatchEntryIdsNotDistinct: Two or more batch entries in the request have the same Id.");
		}
	}

	@Nested
	@DisplayName("EventBridge")
	class EventBridge {

		@Test
		void putEventsRoutesEachEntryThroughItsBusRules() {
			AwsServices.PutEventsResult result = aws.eventBridge().putEvents(List.of(entry("com.shop", "{\"id\": 1}", "orders"),
					entry("com.shop", "{\"id\": 2}", "arn:aws:events:us-east-1:123456789012:event-bus/orders")));

			assertThat(result.failedEntryCount()).isZero();
			assertThat(sandbox.queue("orders-seen").messages()).hasSize(2);
			assertThat(Fixtures.parse(sandbox.queue("orders-seen").messages().get(0).body()).get("id").asText())
					.isEqualTo(result.entries().get(0).eventId());
		}

		@Test
		void anEntryGivesItsTimeAndResourcesToTheEvent() {
			aws.eventBridge().putEvents(List.of(new AwsServices.PutEventsEntry("com.shop", "Order", "{}",
					List.of("arn:aws:s3:::orders"), Instant.parse("2026-11-27T08:00:00.500Z"), "orders")));

			String event = sandbox.queue("orders-seen").messages().get(0).body();
			assertThat(event).contains("\"time\":\"2026-11-27T08:00:00Z\"", "\"resources\":[\"arn:aws:s3:::orders\"]");
		}

		@Test
		void entriesFailOnTheirOwnInEventBridgeWords() {
			AwsServices.PutEventsResult result = aws.eventBridge().putEvents(List.of(entry(null, "{}", "orders"),
					new AwsServices.PutEventsEntry("s", null, "{}", List.of(), null, "orders"),
					new AwsServices.PutEventsEntry("s", "t", null, List.of(), null, "orders"), entry("s", "not json", "orders"),
					entry("s", "{}", "orders")));

			assertThat(result.failedEntryCount()).isEqualTo(4);
			assertThat(result.entries()).extracting(AwsServices.PutEventsResultEntry::errorCode,
					AwsServices.PutEventsResultEntry::errorMessage).containsExactly(
							org.assertj.core.groups.Tuple.tuple("InvalidArgument",
									"Parameter Source is not valid. Reason: Source is a required argument."),
							org.assertj.core.groups.Tuple.tuple("InvalidArgument",
									"Parameter DetailType is not valid. Reason: DetailType is a required argument."),
							org.assertj.core.groups.Tuple.tuple("InvalidArgument",
									"Parameter Detail is not valid. Reason: Detail is a required argument."),
							org.assertj.core.groups.Tuple.tuple("MalformedDetail", "Detail is malformed."),
							org.assertj.core.groups.Tuple.tuple(null, null));
			assertThat(sandbox.queue("orders-seen").messages()).hasSize(1);
		}

		@Test
		void aRequestOfMoreThanTenEntriesOrOverOneMegabyteFailsWhole() {
			List<AwsServices.PutEventsEntry> eleven = new ArrayList<>(Collections.nCopies(11, entry("s", "{}", "orders")));
			String big = "{\"x\": \"" + "y".repeat(1_048_576) + "\"}";

			assertThat(error(() -> aws.eventBridge().putEvents(eleven))).startsWith("ValidationException: 1 validation error "
					+ "detected: Value '[PutEventsRequestEntry(time=null, source=s, resources=null, detailType=t, detail={}, "
					+ "eventBusName=orders, traceHeader=null, kmsKeyIdentifier=null, internalMetadata=null), ")
					.endsWith(")]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");
			assertThat(error(() -> aws.eventBridge().putEvents(List.of(entry("s", big, "orders")))))
					.isEqualTo("ValidationException: Total size of the entries in the request is over the limit.");
			assertThat(sandbox.eventBus("orders").events()).isEmpty();
		}

		@Test
		void anEntryForABusThatDoesNotExistSucceedsAndIsLostAsInAws() {
			AwsServices.PutEventsResult result = aws.eventBridge().putEvents(List.of(entry("s", "{}", "nowhere")));

			assertThat(result.failedEntryCount()).isZero();
			assertThat(result.entries().get(0).eventId()).matches("[0-9a-f-]{36}");
			assertThat(sandbox.journal().entries(JournalEntry.PutToMissingBus.class)).singleElement().satisfies(lost -> {
				assertThat(lost.resource()).isEqualTo("events:nowhere");
				assertThat(lost.eventId()).isEqualTo(result.entries().get(0).eventId());
			});
		}

		@Test
		void anEntryWithoutBusGoesToTheDefaultBus() {
			aws.eventBridge().putEvents(List.of(entry("s", "{}", null)));

			assertThat(sandbox.eventBus("default").events()).hasSize(1);
		}

		private AwsServices.PutEventsEntry entry(String source, String detail, String bus) {
			return new AwsServices.PutEventsEntry(source, "t", detail, List.of(), null, bus);
		}
	}

	private static String error(Runnable call) {
		AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
		return e == null ? "(no error)" : e.errorCode() + ": " + e.getMessage();
	}
}
