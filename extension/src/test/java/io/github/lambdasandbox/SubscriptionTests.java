package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.engine.SandboxEngine;
import io.github.lambdasandbox.support.Fixtures;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SNS subscriptions: envelopes, raw delivery, filter policies, Lambda endpoints")
@LambdaSandbox
@LambdaFunction(name = "resize", handler = Handlers.Boom.class, maximumRetryAttempts = 0, onFailure = "sns:alerts")
@LambdaFunction(name = "pager", handler = Handlers.Echo.class, onSuccess = "sqs:paged")
@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox")
@Subscription(topic = "alerts", endpoint = "lambda:pager")
class SubscriptionTests {

	private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:alerts";

	@Test
	void aFailureRecordPublishedToATopicFansOutToItsQueueAndItsFunction(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("resize", "{\"image\": \"beach.jpeg\"}").requestId();
		sandbox.settle();

		SnsMessage published = sandbox.topic("alerts").messages().get(0);
		List<SqsMessage> inbox = sandbox.queue("alerts-inbox").messages();
		assertThat(inbox).hasSize(1);
		JsonNode envelope = Fixtures.parse(inbox.get(0).body());
		assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
		assertThat(Fixtures.parse(envelope.get("Message").asText()).at("/requestContext/requestId").asText())
				.isEqualTo(requestId);
		JsonNode paged = Fixtures.parse(sandbox.queue("paged").messages().get(0).body());
		assertThat(paged.at("/requestPayload/Records/0/Sns/Message").asText()).isEqualTo(published.message());
		assertThat(sandbox.journal().entries(JournalEntry.SubscriptionDelivered.class))
				.extracting(JournalEntry.SubscriptionDelivered::endpoint).containsExactly("sqs:alerts-inbox", "lambda:pager");
	}

	@Test
	void aQueueReceivesSnsEnvelopeFieldByFieldAndByteForByteAsSnsWritesIt(Sandbox sandbox) {
		String messageId = sandbox.topic("alerts").publish("disk 95%");

		String body = sandbox.queue("alerts-inbox").messages().get(0).body();
		JsonNode envelope = Fixtures.parse(body);
		assertThat(names(envelope)).containsExactly("Type", "MessageId", "TopicArn", "Message", "Timestamp",
				"SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL");
		assertThat(body).startsWith("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : \"" + messageId + "\",\n");
		assertThat(envelope.get("TopicArn").asText()).isEqualTo(TOPIC_ARN);
		assertThat(envelope.get("Message").asText()).isEqualTo("disk 95%");
		assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
		assertThat(envelope.get("Signature").asText()).hasSize(344);
		assertThat(envelope.get("SigningCertURL").asText())
				.matches("https://sns\\.us-east-1\\.amazonaws\\.com/SimpleNotificationService-[0-9a-f]{32}\\.pem");
		assertThat(envelope.get("UnsubscribeURL").asText()).matches("https://sns\\.us-east-1\\.amazonaws\\.com/\\?Action="
				+ "Unsubscribe&SubscriptionArn=" + TOPIC_ARN.replace(".", "\\.") + ":[0-9a-f-]{36}");
	}

	@Test
	void subjectAndAttributesAppearInTheEnvelopeOnlyWhenGiven(Sandbox sandbox) {
		AwsServices.Sns sns = ((SandboxEngine) sandbox).aws().sns();
		Map<String, AwsServices.MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("severity", new AwsServices.MessageAttributeValue("String", "high", null));
		attributes.put("raw", new AwsServices.MessageAttributeValue("Binary", null,
				java.nio.ByteBuffer.wrap(new byte[] { 2, 3, 4 })));
		sns.publish(TOPIC_ARN, "disk full", "Alarm", attributes, null, null);

		String body = sandbox.queue("alerts-inbox").messages().get(0).body();
		assertThat(names(Fixtures.parse(body))).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message",
				"Timestamp", "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes");
		assertThat(body).contains("\"Subject\" : \"Alarm\",").endsWith("\"MessageAttributes\" : {\n"
				+ "    \"severity\" : {\"Type\":\"String\",\"Value\":\"high\"},\n"
				+ "    \"raw\" : {\"Type\":\"Binary\",\"Value\":\"AgME\"}\n  }\n}");
	}

	@Test
	void aFunctionSubscriptionGetsSnsEventAsynchronouslyWithCapitalisedKeysAndNullSubject(Sandbox sandbox) {
		String messageId = sandbox.topic("alerts").publish("disk 95%");
		sandbox.settle();

		JournalEntry.Accepted accepted = sandbox.journal().entries(JournalEntry.Accepted.class).get(0);
		assertThat(accepted.function()).isEqualTo("pager");
		assertThat(accepted.type()).isEqualTo(JournalEntry.InvocationType.EVENT);
		assertThat(accepted.origin()).isEqualTo("sns:alerts");
		JsonNode event = Fixtures.parse(sandbox.queue("paged").messages().get(0).body()).get("requestPayload");
		JsonNode record = event.at("/Records/0");
		assertThat(names(record)).containsExactly("EventSource", "EventVersion", "EventSubscriptionArn", "Sns");
		assertThat(record.get("EventSource").asText()).isEqualTo("aws:sns");
		assertThat(names(record.get("Sns"))).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message",
				"Timestamp", "SignatureVersion", "Signature", "SigningCertUrl", "UnsubscribeUrl", "MessageAttributes");
		assertThat(record.at("/Sns/MessageId").asText()).isEqualTo(messageId);
		assertThat(record.at("/Sns/Subject").isNull()).isTrue();
		assertThat(record.at("/Sns/MessageAttributes").isEmpty()).isTrue();
		assertThat(record.get("EventSubscriptionArn").asText()).startsWith(TOPIC_ARN + ":");
	}

	@Test
	@LambdaFunction(name = "pager", handler = Handlers.Boom.class, maximumRetryAttempts = 1, onFailure = "sqs:pager-failed")
	void aFunctionSubscriptionIsRetriedAndRoutedAsAnyAsynchronousInvocation(Sandbox sandbox) {
		sandbox.topic("alerts").publish("disk 95%");
		sandbox.settle();

		JsonNode record = Fixtures.parse(sandbox.queue("pager-failed").messages().get(0).body());
		assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
		assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
		assertThat(record.at("/requestPayload/Records/0/EventSource").asText()).isEqualTo("aws:sns");
	}

	@Test
	@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", rawMessageDelivery = true)
	void rawDeliveryGivesTheQueueTheMessageAndItsAttributes(Sandbox sandbox) {
		sandbox.topic("alerts").publish("{\"disk\": 95}", Map.of("severity", "high"));

		SqsMessage message = sandbox.queue("alerts-inbox").messages().get(0);
		assertThat(message.body()).isEqualTo("{\"disk\": 95}");
		assertThat(message.attribute("severity")).isEqualTo("high");
		assertThat(message.attributeDataType("severity")).isEqualTo("String");
		assertThat(sandbox.journal().entries(JournalEntry.SubscriptionDelivered.class).get(0).rawMessageDelivery()).isTrue();
	}

	@Test
	@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", rawMessageDelivery = true)
	void rawDeliveryDropsMessagesWithMoreThanTenAttributesAsSnsDoes(Sandbox sandbox) {
		Map<String, String> eleven = new LinkedHashMap<>();
		for (int i = 1; i <= 11; i++) {
			eleven.put("a" + i, "v");
		}
		sandbox.topic("alerts").publish("too many", eleven);

		assertThat(sandbox.queue("alerts-inbox").messages()).isEmpty();
		JournalEntry.NotDelivered lost = sandbox.journal().entries(JournalEntry.NotDelivered.class).get(0);
		assertThat(lost.target()).isEqualTo("sqs:alerts-inbox");
		assertThat(lost.reason()).contains("11 message attributes", "more than 10");
	}

	@Test
	@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", filterPolicy = "{\"severity\": [\"high\", \"critical\"]}")
	void aFilterPolicyOnAttributesLetsOnlyMatchingMessagesThrough(Sandbox sandbox) {
		sandbox.topic("alerts").publish("low disk", Map.of("severity", "low"));
		sandbox.topic("alerts").publish("no disk", Map.of("severity", "critical"));
		sandbox.topic("alerts").publish("no attributes");

		assertThat(sandbox.queue("alerts-inbox").messages()).extracting(m -> Fixtures.parse(m.body()).get("Message").asText())
				.containsExactly("no disk");
		assertThat(sandbox.journal().entries(JournalEntry.MessageFiltered.class)).hasSize(2).allSatisfy(filtered -> {
			assertThat(filtered.endpoint()).isEqualTo("sqs:alerts-inbox");
			assertThat(filtered.filterPolicy()).isEqualTo("{\"severity\": [\"high\", \"critical\"]}");
			assertThat(filtered.filterPolicyScope()).isEqualTo("MessageAttributes");
		});
	}

	@Test
	@Subscription(topic = "alerts", endpoint = "sqs:alerts-inbox", filterPolicyScope = "MessageBody",
			filterPolicy = "{\"requestContext\": {\"condition\": [\"RetriesExhausted\"]}}")
	void aFilterPolicyOnTheBodyReadsTheRecordPublishedByADestination(Sandbox sandbox) {
		sandbox.invokeAsync("resize", "{}");
		sandbox.topic("alerts").publish("{\"requestContext\": {\"condition\": \"Success\"}}");
		sandbox.settle();

		assertThat(sandbox.queue("alerts-inbox").messages()).hasSize(1);
		assertThat(Fixtures.parse(Fixtures.parse(sandbox.queue("alerts-inbox").messages().get(0).body()).get("Message")
				.asText()).at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
	}

	@Test
	@Topic(name = "orders.fifo", contentBasedDeduplication = true)
	@Subscription(topic = "orders.fifo", endpoint = "sqs:orders.fifo")
	@Subscription(topic = "orders.fifo", endpoint = "sqs:orders-standard")
	void aFifoTopicDeliversToFifoAndStandardQueuesWithASequenceNumberAndNoSignature(Sandbox sandbox) {
		AwsServices.Sns sns = ((SandboxEngine) sandbox).aws().sns();
		String arn = sandbox.topic("orders.fifo").arn();
		sns.publish(arn, "order 1", null, Map.of(), "group-a", null);
		sns.publish(arn, "order 2", null, Map.of(), "group-a", null);
		sns.publish(arn, "order 1", null, Map.of(), "group-a", null);

		List<SqsMessage> fifo = sandbox.queue("orders.fifo").messages();
		assertThat(fifo).as("the third is a duplicate of the first, within 5 minutes").hasSize(2);
		JsonNode envelope = Fixtures.parse(fifo.get(0).body());
		assertThat(names(envelope)).containsExactly("Type", "MessageId", "SequenceNumber", "TopicArn", "Message",
				"Timestamp", "UnsubscribeURL");
		assertThat(envelope.get("SequenceNumber").asText()).matches("\\d{20}");
		assertThat(new java.math.BigInteger(Fixtures.parse(fifo.get(1).body()).get("SequenceNumber").asText()))
				.isGreaterThan(new java.math.BigInteger(envelope.get("SequenceNumber").asText()));
		assertThat(sandbox.queue("orders-standard").messages()).hasSize(2);
	}

	@Test
	@Topic(name = "orders.fifo")
	void aFifoTopicRefusesMessagesWithoutGroupOrDeduplicationIdsInSnsWords(Sandbox sandbox) {
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.topic("orders.fifo").publish("order"))
				.withMessage("SNS refuses the message: \"Invalid parameter: The MessageGroupId parameter is required for FIFO "
						+ "topics\" (InvalidParameter). A FIFO topic takes messages with a MessageGroupId: publish with the "
						+ "AWS SDK's SnsClient (lambda-sandbox-aws-sdk).");
		AwsServices.Sns sns = ((SandboxEngine) sandbox).aws().sns();
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> sns.publish(sandbox.topic("orders.fifo").arn(),
				"order", null, Map.of(), "g", null))).hasMessage("Invalid parameter: The topic should either have "
						+ "ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
	}

	@Test
	@Bucket(name = "images", onObjectCreated = "sns:alerts")
	void s3TestEventReachesTheQueuesSubscribedToANotifiedTopic(Sandbox sandbox) {
		assertThat(((SandboxEngine) sandbox).finalPending())
				.as("delivered while the sandbox was built: only the pager's invocation with the test event is to come")
				.startsWith("1 action scheduled").contains("(attempt 1 of request ");
		List<SqsMessage> inbox = sandbox.queue("alerts-inbox").messages();

		assertThat(inbox).hasSize(1);
		JsonNode envelope = Fixtures.parse(inbox.get(0).body());
		assertThat(envelope.get("Subject").asText()).isEqualTo("Amazon S3 Notification");
		assertThat(Fixtures.parse(envelope.get("Message").asText()).get("Event").asText()).isEqualTo("s3:TestEvent");
	}

	@Test
	void aTopicWithoutSubscriptionsKeepsWhatIsPublished(Sandbox sandbox) {
		sandbox.invokeAsync("resize", "{}");
		sandbox.settle();

		assertThat(sandbox.topic("alerts").messages()).hasSize(1);
	}

	@Test
	@LambdaFunction(name = "pager", handler = Handlers.Echo.class)
	void theTimelineOfAFailedRequestShowsWhereItsRecordFannedOut(Sandbox sandbox) {
		String requestId = sandbox.invokeAsync("resize", "{}").requestId();
		sandbox.settle();

		String timeline = sandbox.journal().timeline(requestId);
		String pagerRequest = sandbox.journal().entries(JournalEntry.SubscriptionDelivered.class).get(1).deliveredId();
		assertThat(timeline).contains("record (RetriesExhausted) → sns:alerts", "sns:alerts → sqs:alerts-inbox (subscription)",
				"sns:alerts → lambda:pager (subscription; request " + pagerRequest + ")");
		assertThat(sandbox.journal().timeline(pagerRequest)).contains("accepted (202) from sns:alerts");
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
			names.add(it.next());
		}
		return names;
	}
}
