package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import io.github.lambdasandbox.support.JsonShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("S3 bucket notifications: several configurations, put, copy and delete events")
@LambdaSandbox
@LambdaFunction(name = "resize", handler = Handlers.Echo.class, onSuccess = "sqs:resized")
@Bucket(name = "images")
@BucketNotification(bucket = "images", id = "jpegs", events = "s3:ObjectCreated:*", prefix = "uploads/", suffix = ".jpg",
		target = "lambda:resize")
@BucketNotification(bucket = "images", id = "removals", events = "s3:ObjectRemoved:*", target = "sqs:removed")
@BucketNotification(bucket = "images", id = "copies", events = "s3:ObjectCreated:Copy", prefix = "archive/",
		target = "sqs:archived")
class BucketNotificationTests {

	@Test
	void eachEventGoesToTheConfigurationForItsTypeAndKey(Sandbox sandbox) {
		S3Bucket images = sandbox.bucket("images");
		images.putObject("uploads/beach.jpg", "jpeg");
		images.putObject("uploads/notes.txt", "text");
		images.putObject("elsewhere/cat.jpg", "jpeg");
		sandbox.settle();

		List<SqsMessage> resized = sandbox.queue("resized").messages();
		assertThat(resized).hasSize(1);
		JsonNode s3 = Fixtures.parse(resized.get(0).body()).at("/requestPayload/Records/0/s3");
		assertThat(s3.get("configurationId").asText()).isEqualTo("jpegs");
		assertThat(s3.at("/object/key").asText()).isEqualTo("uploads/beach.jpg");
		assertThat(sandbox.journal().entries(JournalEntry.NotificationFiltered.class))
				.extracting(JournalEntry.NotificationFiltered::key, JournalEntry.NotificationFiltered::configurationId,
						JournalEntry.NotificationFiltered::reason)
				.contains(org.assertj.core.groups.Tuple.tuple("uploads/notes.txt", "jpegs", "the key does not end with \".jpg\""),
						org.assertj.core.groups.Tuple.tuple("elsewhere/cat.jpg", "jpegs",
								"the key does not start with \"uploads/\""),
						org.assertj.core.groups.Tuple.tuple("uploads/beach.jpg", "removals",
								"s3:ObjectCreated:Put is not one of its event types [s3:ObjectRemoved:*]"));
	}

	@Test
	void aDeleteSendsObjectRemovedDeleteWithoutSizeAndETag(Sandbox sandbox) {
		S3Bucket images = sandbox.bucket("images");
		images.putObject("old/photo 1.png", "png");
		images.deleteObject("old/photo 1.png");
		images.deleteObject("never/there.png");

		List<SqsMessage> removed = sandbox.queue("removed").messages();
		assertThat(removed).as("S3's test event, then one event: a key the bucket did not hold sends none").hasSize(2);
		JsonNode event = Fixtures.parse(removed.get(1).body());
		JsonNode record = event.at("/Records/0");
		assertThat(record.get("eventName").asText()).isEqualTo("ObjectRemoved:Delete");
		assertThat(names(record.at("/s3/object"))).containsExactly("key", "sequencer");
		assertThat(record.at("/s3/object/key").asText()).isEqualTo("old/photo+1.png");
		assertThat(record.at("/s3/configurationId").asText()).isEqualTo("removals");
		JsonNode withoutObject = event.deepCopy();
		((com.fasterxml.jackson.databind.node.ObjectNode) withoutObject.at("/Records/0/s3")).remove("object");
		JsonNode sample = Fixtures.json("s3-object-created-put.json").deepCopy();
		((com.fasterxml.jackson.databind.node.ObjectNode) sample.at("/Records/0/s3")).remove("object");
		assertThat(JsonShape.differences(sample, withoutObject)).as("all but the object part as S3 writes it").isEmpty();
		assertThat(images.keys()).isEmpty();
		assertThat(sandbox.journal().entries(JournalEntry.ObjectDeleted.class)).extracting(JournalEntry.ObjectDeleted::key)
				.containsExactly("old/photo 1.png");
	}

	@Test
	void aCopySendsObjectCreatedCopyWithTheCopysSizeAndETag(Sandbox sandbox) {
		S3Bucket images = sandbox.bucket("images");
		String eTag = images.putObject("photo.png", "png bytes");
		String copyETag = images.copyObject("photo.png", "archive/photo.png");

		assertThat(copyETag).isEqualTo(eTag);
		assertThat(images.getObject("archive/photo.png")).contains("png bytes");
		JsonNode record = Fixtures.parse(sandbox.queue("archived").messages().get(1).body()).at("/Records/0");
		assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Copy");
		assertThat(names(record.at("/s3/object"))).containsExactly("key", "size", "eTag", "sequencer");
		assertThat(record.at("/s3/object/size").asLong()).isEqualTo(9);
		assertThat(record.at("/s3/object/eTag").asText()).isEqualTo(eTag);
	}

	@Test
	void copyRefusesWhatCopyObjectRefusesInS3Words(Sandbox sandbox) {
		S3Bucket images = sandbox.bucket("images");
		images.putObject("a.png", "a");

		assertThatIllegalArgumentException().isThrownBy(() -> images.copyObject("missing.png", "b.png"))
				.withMessage("S3 refuses the copy: \"The specified key does not exist.\" (NoSuchKey): bucket \"images\" holds "
						+ "no \"missing.png\". Keys: \"a.png\".");
		assertThatIllegalArgumentException().isThrownBy(() -> images.copyObject("a.png", "a.png"))
				.withMessageStartingWith("S3 refuses the copy: \"This copy request is illegal because it is trying to copy "
						+ "an object to itself");
	}

	@Test
	void sequencersGrowWithEveryEvent(Sandbox sandbox) {
		S3Bucket images = sandbox.bucket("images");
		images.putObject("archive/a.png", "a");
		images.copyObject("archive/a.png", "archive/b.png");
		images.deleteObject("archive/a.png");

		String copied = Fixtures.parse(sandbox.queue("archived").messages().get(1).body()).at("/Records/0/s3/object/sequencer")
				.asText();
		String removed = Fixtures.parse(sandbox.queue("removed").messages().get(1).body()).at("/Records/0/s3/object/sequencer")
				.asText();
		assertThat(removed).hasSize(18).isGreaterThan(copied);
	}

	@Test
	void eachQueueTargetGetsOneTestEventWhenTheConfigurationIsMade(Sandbox sandbox) {
		assertThat(sandbox.queue("removed").messages()).singleElement()
				.satisfies(m -> assertThat(Fixtures.parse(m.body()).get("Event").asText()).isEqualTo("s3:TestEvent"));
		assertThat(sandbox.queue("archived").messages()).hasSize(1);
		assertThat(sandbox.journal().entries(JournalEntry.NotificationSent.class))
				.extracting(JournalEntry.NotificationSent::eventName, JournalEntry.NotificationSent::target)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("s3:TestEvent", "sqs:removed"),
						org.assertj.core.groups.Tuple.tuple("s3:TestEvent", "sqs:archived"));
	}

	@Test
	@Bucket(name = "images", onObjectCreated = "sqs:everything")
	void aMethodsDeclarationsReplaceTheBucketsWholeConfiguration(Sandbox sandbox) {
		sandbox.bucket("images").putObject("uploads/beach.jpg", "jpeg");
		sandbox.bucket("images").deleteObject("uploads/beach.jpg");
		sandbox.settle();

		assertThat(sandbox.queue("everything").messages()).hasSize(2);
		assertThat(sandbox.journal().entries(JournalEntry.Accepted.class)).isEmpty();
		assertThat(sandbox.queues()).extracting(SqsQueue::name).doesNotContain("removed", "archived");
	}

	@Test
	@Bucket(name = "docs", onObjectCreated = "resize")
	void theBucketShorthandIsOneConfigurationOfAllCreations(Sandbox sandbox) {
		sandbox.bucket("docs").putObject("a.txt", "a");
		sandbox.bucket("docs").copyObject("a.txt", "b.txt");
		sandbox.bucket("docs").deleteObject("a.txt");
		sandbox.settle();

		assertThat(sandbox.queue("resized").messages())
				.extracting(m -> Fixtures.parse(m.body()).at("/requestPayload/Records/0/eventName").asText())
				.containsExactly("ObjectCreated:Put", "ObjectCreated:Copy");
	}

	@Test
	void theTimelineOfTheInvokedRequestNamesTheBucket(Sandbox sandbox) {
		sandbox.bucket("images").putObject("uploads/beach.jpg", "jpeg");
		sandbox.settle();

		String requestId = sandbox.journal().entries(JournalEntry.NotificationSent.class).get(2).deliveredId();
		assertThat(sandbox.journal().timeline(requestId)).contains("accepted (202) from s3:images, async queue");
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}
}
