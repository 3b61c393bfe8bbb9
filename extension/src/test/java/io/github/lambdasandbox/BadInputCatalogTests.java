package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input a user can give, with the exact message they see, and a sandbox that still works afterwards.
 * Declarations are refused when the sandbox is built, as AWS's API refuses them (AWS's own text quoted where AWS
 * has one); calls on a sandbox fail with the service's error and leave it working.
 */
@DisplayName("Bad input: the exact message, and a sandbox that still works")
class BadInputCatalogTests {

	public static class Ok implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			return "ok";
		}
	}

	/** Tries to move the clock from inside a handler. */
	public static class Advancing implements RequestHandler<Map<String, Object>, String> {

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			LambdaSandboxExtension.currentSandbox("a handler").clock().advance(Duration.ofSeconds(1));
			return "unreachable";
		}
	}

	// --- declarations -------------------------------------------------------------------------------------

	@LambdaFunction(name = "bad name!", handler = Ok.class) static class FunctionNameChars {}
	@LambdaFunction(name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", handler = Ok.class) static class FunctionNameLong {}
	@LambdaFunction(name = "fn", handler = Ok.class) @LambdaFunction(name = "fn", handler = Ok.class, timeout = 5) static class FunctionTwice {}
	@LambdaFunction(name = "fn", handler = Ok.class, maximumRetryAttempts = -1) static class RetriesNegative {}
	@LambdaFunction(name = "fn", handler = Ok.class, maximumRetryAttempts = 5) static class RetriesFive {}
	@LambdaFunction(name = "fn", handler = Ok.class, maximumEventAgeInSeconds = 59) static class AgeTooSmall {}
	@LambdaFunction(name = "fn", handler = Ok.class, maximumEventAgeInSeconds = 21601) static class AgeTooLarge {}
	@LambdaFunction(name = "fn", handler = Ok.class, timeout = 0) static class TimeoutZero {}
	@LambdaFunction(name = "fn", handler = Ok.class, timeout = 901) static class TimeoutTooLong {}
	@LambdaFunction(name = "fn", handler = Ok.class, memorySize = 127) static class MemoryTooSmall {}
	@LambdaFunction(name = "fn", handler = Ok.class, memorySize = 10241) static class MemoryTooLarge {}
	@LambdaFunction(name = "fn", handler = Ok.class, reservedConcurrency = -2) static class ReservedNegative {}
	@LambdaFunction(name = "fn", handler = Ok.class, reservedConcurrency = 901) static class ReservedAboveAccount {}
	@LambdaSandbox(accountConcurrency = 0) static class AccountZero {}
	@LambdaSandbox(accountConcurrency = 50) @LambdaFunction(name = "fn", handler = Ok.class, reservedConcurrency = 1) static class SmallAccountReservation {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "failures") static class BareQueueName {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "SQS:failures") static class UpperCasePrefix {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "Sqs:failures") static class MixedCasePrefix {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "kinesis:stream") static class KinesisPrefix {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "sqs:") static class MissingName {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "arn:aws:sqs:us-east-1:12345:q") static class MalformedAccount {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "arn:aws:sqs:eu-west-1:123456789012:q") static class ForeignRegion {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "arn:aws:iam::123456789012:role/r") static class IamArn {}
	@LambdaFunction(name = "fn", handler = Ok.class, onSuccess = "arn:aws:kinesis:us-east-1:123456789012:stream/s") static class KinesisArn {}
	@LambdaFunction(name = "fn", handler = Ok.class, onSuccess = "arn:aws:lambda:us-east-1:123456789012:layer:x") static class LayerArn {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "sqs:has space") static class QueueNameSpace {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "sqs:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.fifo") static class FifoNameLong {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "s3:192.168.5.4") static class BucketIp {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "s3:Bucket") static class BucketUpperCase {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "s3:xn--bucket") static class BucketReservedPrefix {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "s3:my..bucket") static class BucketTwoDots {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "s3:bucket-s3alias") static class BucketReservedSuffix {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "sns:bad topic") static class TopicName {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "events:bad bus!") static class BusName {}
	@LambdaFunction(name = "fn", handler = Ok.class, deadLetterQueue = "lambda:fn") static class DeadLetterFunction {}
	@LambdaFunction(name = "fn", handler = Ok.class, deadLetterQueue = "dlq") static class DeadLetterBareName {}
	@LambdaFunction(name = "fn", handler = Ok.class, deadLetterQueue = "events:bus") static class DeadLetterBus {}
	@LambdaFunction(name = "fn", handler = Ok.class, onSuccess = "s3:archive") static class S3OnSuccess {}
	@LambdaFunction(name = "fn", handler = Ok.class, onSuccess = "lambda:fn") static class Itself {}
	@LambdaFunction(name = "fn", handler = Ok.class, onSuccess = "lambda:other") static class UnknownFunction {}
	@Queue(name = "bad queue") static class QueueDeclaredBadly {}
	@Queue(name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") static class QueueDeclaredLong {}
	@Bucket(name = "ab") static class BucketShort {}
	@Bucket(name = "images", onObjectCreated = "sqs:uploads.fifo") static class NotificationToFifo {}
	@Bucket(name = "images", onObjectCreated = "events:bus") static class NotificationToBus {}
	@Bucket(name = "images", onObjectCreated = "missing") static class NotificationToNobody {}
	@LambdaSandbox(startTime = "yesterday") static class StartTimeText {}
	@LambdaSandbox(startTime = "+1000000000-01-01T00:00:00Z") static class StartTimeMax {}
	@LambdaSandbox(startTime = "1969-12-31T23:59:59Z") static class StartTimeBeforeEpoch {}
	@Queue(name = "q", visibilityTimeout = 43201) static class QueueVisibilityLong {}
	@Queue(name = "q", maxReceiveCount = 0) static class QueueReceiveCountZero {}
	@Queue(name = "q", deadLetterQueue = "sqs:q") static class QueueOwnDeadLetterQueue {}
	@Queue(name = "q.fifo", deadLetterQueue = "sqs:dlq") static class QueueFifoDeadLetterStandard {}
	@Queue(name = "q", deadLetterQueue = "sns:t") static class QueueDeadLetterTopic {}
	@DataStream(name = "s", shards = 0) static class StreamNoShards {}
	@DataStream(name = "s", retentionHours = 23) static class StreamRetentionShort {}
	@Table(name = "t", partitionKey = "id") static class TableNameShort {}
	@Table(name = "users", partitionKey = "id", sortKey = "id") static class TableSortKeySame {}
	@Queue(name = "q") @EventSourceMapping(function = "nobody", source = "sqs:q") static class MappingNoFunction {}
	@LambdaFunction(name = "fn", handler = Ok.class) @EventSourceMapping(function = "fn", source = "kafka:orders") static class MappingKafka {}
	@LambdaFunction(name = "fn", handler = Ok.class) @EventSourceMapping(function = "fn", source = "sqs:missing") static class MappingNoQueue {}
	@LambdaFunction(name = "fn", handler = Ok.class) @EventSourceMapping(function = "fn", source = "kinesis:missing") static class MappingNoStream {}
	@LambdaFunction(name = "fn", handler = Ok.class) @EventSourceMapping(function = "fn", source = "dynamodb:missing") static class MappingNoTable {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q", batchSize = 10001) static class MappingBatchTooLarge {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q", batchSize = 11) static class MappingBatchWithoutWindow {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q", maximumBatchingWindowInSeconds = 301) static class MappingWindowTooLong {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q.fifo") @EventSourceMapping(function = "fn", source = "sqs:q.fifo", maximumBatchingWindowInSeconds = 1) static class MappingFifoWindow {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q.fifo") @EventSourceMapping(function = "fn", source = "sqs:q.fifo", batchSize = 11) static class MappingFifoBatch {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q", onFailure = "sqs:failed") static class MappingQueueOnFailure {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q", maximumRetryAttempts = 2) static class MappingQueueRetries {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q", bisectBatchOnFunctionError = true) static class MappingQueueBisect {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q", startingPosition = "LATEST") static class MappingQueueStartingPosition {}
	@LambdaFunction(name = "fn", handler = Ok.class, timeout = 60) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q") static class MappingVisibilityBelowTimeout {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q") @EventSourceMapping(function = "fn", source = "arn:aws:sqs:us-east-1:123456789012:q") static class MappingTwice {}
	@LambdaFunction(name = "fn", handler = Ok.class) @DataStream(name = "s") @EventSourceMapping(function = "fn", source = "kinesis:s", maximumRecordAgeInSeconds = 30) static class MappingRecordAgeShort {}
	@LambdaFunction(name = "fn", handler = Ok.class) @DataStream(name = "s") @EventSourceMapping(function = "fn", source = "kinesis:s", maximumRetryAttempts = 10001) static class MappingRetriesTooMany {}
	@LambdaFunction(name = "fn", handler = Ok.class) @DataStream(name = "s") @EventSourceMapping(function = "fn", source = "kinesis:s", parallelizationFactor = 11) static class MappingParallelizationHigh {}
	@LambdaFunction(name = "fn", handler = Ok.class) @DataStream(name = "s") @EventSourceMapping(function = "fn", source = "kinesis:s", startingPosition = "EARLIEST") static class MappingStartingPositionUnknown {}
	@LambdaFunction(name = "fn", handler = Ok.class) @DataStream(name = "s") @EventSourceMapping(function = "fn", source = "kinesis:s", startingPosition = "AT_TIMESTAMP") static class MappingTimestampMissing {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Table(name = "users", partitionKey = "id") @EventSourceMapping(function = "fn", source = "dynamodb:users", startingPosition = "AT_TIMESTAMP", startingPositionTimestamp = "2025-01-01T00:00:00Z") static class MappingDynamoDbAtTimestamp {}
	@LambdaFunction(name = "fn", handler = Ok.class) @LambdaFunction(name = "other", handler = Ok.class) @DataStream(name = "s") @EventSourceMapping(function = "fn", source = "kinesis:s", onFailure = "lambda:other") static class MappingOnFailureFunction {}
	@LambdaSandbox(duplicateDeliveryProbability = 1.5) static class DuplicateProbabilityHigh {}
	@LambdaFunction(name = "fn", handler = Ok.class) @InjectFault(kind = Fault.Kind.TIMEOUT) static class FaultWithoutTarget {}
	@LambdaFunction(name = "fn", handler = Ok.class) @InjectFault(function = "nobody", kind = Fault.Kind.TIMEOUT) static class FaultUnknownFunction {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "sqs:q") @InjectFault(resource = "sqs:q", kind = Fault.Kind.TIMEOUT) static class FaultTimeoutOfQueue {}
	@LambdaFunction(name = "fn", handler = Ok.class) @InjectFault(function = "fn", kind = Fault.Kind.LATENCY) static class FaultLatencyMissing {}
	@LambdaSandbox(isolatedEnvironments = true) @LambdaFunction(name = "fn", handler = String.class) static class IsolatedJdkClass {}
	@LambdaFunction(name = "fn", handler = Ok.class, deadLetterQueue = "sqs:lambda-DLQ", permissions = { "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents" }) static class DeadLetterQueueRoleCannotSend {}
	@LambdaFunction(name = "fn", handler = Ok.class, deadLetterQueue = "sns:dead-letters", permissions = "sqs:*") static class DeadLetterTopicRoleCannotPublish {}
	@LambdaFunction(name = "fn", handler = Ok.class, deadLetterQueue = "sqs:dlq", permissions = "sqs:SendMesage") static class DeadLetterQueueRoleMisspelt {}
	@LambdaFunction(name = "fn", handler = Ok.class, onSuccess = "lambda:other", permissions = "lambda:GetFunction") @LambdaFunction(name = "other", handler = Ok.class) static class DestinationRoleCannotInvoke {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "events:bus", permissions = {}) static class DestinationRoleCannotPutEvents {}
	@LambdaFunction(name = "fn", handler = Ok.class, onFailure = "s3:failed-events", permissions = "s3:PutObject") static class DestinationRoleCannotListBucket {}
	@LambdaFunction(name = "fn", handler = Ok.class, permissions = "sqs:ReceiveMessage") @Queue(name = "q") @EventSourceMapping(function = "fn", source = "sqs:q") static class MappingRoleCannotDelete {}
	@LambdaFunction(name = "fn", handler = Ok.class, permissions = "kinesis:GetRecords") @DataStream(name = "s") @EventSourceMapping(function = "fn", source = "kinesis:s") static class MappingRoleCannotReadStream {}
	@LambdaFunction(name = "fn", handler = Ok.class, permissions = {}) @Table(name = "users", partitionKey = "id") @EventSourceMapping(function = "fn", source = "dynamodb:users") static class MappingRoleCannotReadTableStream {}
	@LambdaFunction(name = "fn", handler = Ok.class, permissions = "SendMessage") static class PermissionWithoutVendor {}
	@LambdaFunction(name = "fn", handler = Ok.class, permissions = "sqs:SendMessage:now") static class PermissionTwoColons {}
	@LambdaFunction(name = "fn", handler = Ok.class, permissions = "sq s:SendMessage") static class PermissionVendorSpace {}

	@Topic(name = "bad topic") static class TopicDeclaredBadly {}
	@Topic(name = "t.fifo") @Topic(name = "t.fifo", contentBasedDeduplication = true) static class TopicTwice {}
	@Topic(name = "t", contentBasedDeduplication = true) static class TopicDeduplicationStandard {}
	@Subscription(topic = "nope", endpoint = "sqs:q") static class SubscriptionNoTopic {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "https://example.com/hook") static class SubscriptionHttp {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "events:bus") static class SubscriptionBus {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "sqs:q.fifo") static class SubscriptionFifoQueue {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Topic(name = "t.fifo") @Subscription(topic = "t.fifo", endpoint = "lambda:fn") static class SubscriptionFifoTopicFunction {}
	@LambdaFunction(name = "fn", handler = Ok.class) @Topic(name = "t") @Subscription(topic = "t", endpoint = "lambda:fn", rawMessageDelivery = true) static class SubscriptionRawFunction {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "lambda:nobody") static class SubscriptionNoFunction {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "sqs:q", filterPolicy = "{\"severity\": \"high\"}") static class SubscriptionPolicyNotArray {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "sqs:q", filterPolicy = "{\"a\": {\"b\": [1]}}") static class SubscriptionPolicyNested {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "sqs:q", filterPolicy = "{\"a\": [{\"wildcard\": \"x*\"}]}") static class SubscriptionPolicyWildcard {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "sqs:q", filterPolicyScope = "Body") static class SubscriptionScope {}
	@Topic(name = "t") @Subscription(topic = "t", endpoint = "sqs:q") @Subscription(topic = "t", endpoint = "sqs:q", rawMessageDelivery = true) static class SubscriptionTwiceDifferently {}
	@EventRule(name = "bad name", pattern = "{\"source\": [\"x\"]}", target = "sqs:q") static class RuleNameChars {}
	@EventRule(name = "r", pattern = "{\"source\": \"lambda\"}", target = "sqs:q") static class RulePatternNotArray {}
	@EventRule(name = "r", pattern = "{\"detail\": {\"path\": [{\"wildcard\": \"a**b\"}]}}", target = "sqs:q") static class RulePatternWildcards {}
	@EventRule(name = "r", pattern = " ", target = "sqs:q") static class RulePatternEmpty {}
	@EventRule(name = "r", pattern = "{\"source\": [\"x\"]}", target = "s3:archive") static class RuleTargetBucket {}
	@EventRule(name = "r", pattern = "{\"source\": [\"x\"]}", target = "sqs:q.fifo") static class RuleTargetFifo {}
	@EventRule(name = "r", pattern = "{\"source\": [\"x\"]}", target = "lambda:nobody") static class RuleTargetNoFunction {}
	@EventRule(name = "r", pattern = "{\"source\": [\"x\"]}", target = "sqs:a") @EventRule(name = "r", pattern = "{\"source\": [\"y\"]}", target = "sqs:b") static class RuleTwice {}
	@Bucket(name = "images") @BucketNotification(bucket = "images", target = "sqs:a") @BucketNotification(bucket = "images", prefix = "photos/", target = "sqs:b") static class NotificationsOverlap {}
	@Bucket(name = "images") @BucketNotification(bucket = "images", events = "s3:ObjectCreated:Puts", target = "sqs:a") static class NotificationEventUnknown {}
	@Bucket(name = "images") @BucketNotification(bucket = "images", events = "s3:ObjectRestore:Post", target = "sqs:a") static class NotificationEventNeverFired {}
	@BucketNotification(bucket = "images", target = "sqs:a") static class NotificationNoBucket {}
	@Bucket(name = "images") @BucketNotification(bucket = "images", prefix = "photos/*", target = "sqs:a") static class NotificationWildcard {}
	@Bucket(name = "images") @BucketNotification(bucket = "images", id = "x", events = "s3:ObjectCreated:*", target = "sqs:a") @BucketNotification(bucket = "images", id = "x", events = "s3:ObjectRemoved:*", target = "sqs:b") static class NotificationIdTwice {}
	@Bucket(name = "images") @BucketNotification(bucket = "images", target = "events:bus") static class NotificationTargetBus {}

	/** What a valid sandbox does: it must still work after every bad input. */
	@LambdaFunction(name = "ok", handler = Ok.class, onSuccess = "sqs:done", onFailure = "events:bus")
	@LambdaFunction(name = "advancing", handler = Advancing.class)
	@Queue(name = "q")
	@Bucket(name = "images")
	@Topic(name = "t")
	static class Valid {
	}

	/** A bad call on a working sandbox. */
	interface Call {

		void on(Sandbox sandbox) throws Exception;
	}

	static Stream<Arguments> declarations() {
		String tooMany = "AWS refuses it: \"Specified ReservedConcurrentExecutions for function decreases account's "
				+ "UnreservedConcurrentExecution below its minimum value of ";
		String queueRule = "a queue name must be 1 to 80 letters, digits, hyphens or underscores (plus \".fifo\" for a FIFO "
				+ "queue), as in AWS.";
		String bucketRule = "a bucket name must be 3 to 63 lower-case letters, digits, dots or hyphens, beginning and ending "
				+ "with a letter or digit, as in S3";
		String deadLetterRule = "a dead-letter queue is an SQS queue or an SNS topic, as in AWS: write \"sqs:<queue name>\", "
				+ "\"sns:<topic name>\" or an ARN of one.";
		String neither = " is neither an ARN nor one of sqs:, sns:, lambda:, events:, s3: followed by a name.";
		String notSent = ": AWS refuses it: \"The provided destination config DestinationConfig(";
		String destinations = " Destinations are SQS queues, SNS topics, Lambda functions, EventBridge buses and (on failure) S3 "
				+ "buckets.";
		String leaveOut = ", or leave permissions out: the role may then do everything.";
		String writeActions = " (MalformedPolicyDocument). Write each permission as service:Action, e.g. \"sqs:SendMessage\", "
				+ "\"sqs:*\" or \"*\".";
		String clockRange = " is out of range: the virtual clock starts between 1970-01-01T00:00:00Z and 9000-01-01T00:00:00Z "
				+ "(AWS writes timestamps since the epoch, with four-digit years, and the clock needs room to run).";
		return Stream.of(
				declared(FunctionNameChars.class, "@LambdaFunction(name = \"bad name!\") on FunctionNameChars: a function name "
						+ "must be 1 to 64 letters, digits, hyphens or underscores, as in AWS."),
				declared(FunctionNameLong.class, "@LambdaFunction(name = \"" + "a".repeat(65) + "\") on FunctionNameLong: a function "
						+ "name must be 1 to 64 letters, digits, hyphens or underscores, as in AWS."),
				declared(FunctionTwice.class, "@LambdaFunction(name = \"fn\") on FunctionTwice: a function of this name is declared "
						+ "twice. Give each @LambdaFunction its own name."),
				declared(RetriesNegative.class, "@LambdaFunction(name = \"fn\") on RetriesNegative: maximumRetryAttempts = -1 must "
						+ "be 0..2, as in AWS (MaximumRetryAttempts)."),
				declared(RetriesFive.class, "@LambdaFunction(name = \"fn\") on RetriesFive: maximumRetryAttempts = 5 must be 0..2, "
						+ "as in AWS (MaximumRetryAttempts)."),
				declared(AgeTooSmall.class, "@LambdaFunction(name = \"fn\") on AgeTooSmall: maximumEventAgeInSeconds = 59 must be "
						+ "60..21600, as in AWS (MaximumEventAgeInSeconds)."),
				declared(AgeTooLarge.class, "@LambdaFunction(name = \"fn\") on AgeTooLarge: maximumEventAgeInSeconds = 21601 must "
						+ "be 60..21600, as in AWS (MaximumEventAgeInSeconds)."),
				declared(TimeoutZero.class, "@LambdaFunction(name = \"fn\") on TimeoutZero: timeout = 0 must be 1..900, as in AWS "
						+ "(Timeout, in seconds)."),
				declared(TimeoutTooLong.class, "@LambdaFunction(name = \"fn\") on TimeoutTooLong: timeout = 901 must be 1..900, as "
						+ "in AWS (Timeout, in seconds)."),
				declared(MemoryTooSmall.class, "@LambdaFunction(name = \"fn\") on MemoryTooSmall: memorySize = 127 must be "
						+ "128..10240, as in AWS (MemorySize, in MB)."),
				declared(MemoryTooLarge.class, "@LambdaFunction(name = \"fn\") on MemoryTooLarge: memorySize = 10241 must be "
						+ "128..10240, as in AWS (MemorySize, in MB)."),
				declared(ReservedNegative.class, "@LambdaFunction(name = \"fn\") on ReservedNegative: reservedConcurrency = -2 must "
						+ "be -1 (no reservation) or 0 and above, as in AWS (ReservedConcurrentExecutions)."),
				declared(ReservedAboveAccount.class, "@LambdaFunction(name = \"fn\") on ReservedAboveAccount: reservedConcurrency = "
						+ "901 is refused, as " + tooMany + "[100].\" The account's concurrency is 1000 "
						+ "(@LambdaSandbox(accountConcurrency)), of which 100 must stay unreserved: reserve at most 900, or raise "
						+ "accountConcurrency."),
				declared(AccountZero.class, "@LambdaSandbox on AccountZero: accountConcurrency = 0 must be 1 or more (the "
						+ "account's ConcurrentExecutions; AWS's default is 1000)."),
				declared(SmallAccountReservation.class, "@LambdaFunction(name = \"fn\") on SmallAccountReservation: "
						+ "reservedConcurrency = 1 is refused, as " + tooMany + "[50].\" The account's concurrency is 50 "
						+ "(@LambdaSandbox(accountConcurrency)), of which 50 must stay unreserved: reserve at most 0, or raise "
						+ "accountConcurrency."),
				declared(BareQueueName.class, "@LambdaFunction(name = \"fn\") on BareQueueName: onFailure = \"failures\"" + neither
						+ " Did you mean \"sqs:failures\"?"),
				declared(UpperCasePrefix.class, "@LambdaFunction(name = \"fn\") on UpperCasePrefix: onFailure = \"SQS:failures\": "
						+ "the short forms are written in lower case. Did you mean \"sqs:failures\"?"),
				declared(MixedCasePrefix.class, "@LambdaFunction(name = \"fn\") on MixedCasePrefix: onFailure = \"Sqs:failures\": "
						+ "the short forms are written in lower case. Did you mean \"sqs:failures\"?"),
				declared(KinesisPrefix.class, "@LambdaFunction(name = \"fn\") on KinesisPrefix: onFailure = \"kinesis:stream\": "
						+ "\"kinesis\" is not a service Lambda sends to: write sqs:, sns:, lambda:, events: or s3: followed by a "
						+ "name, or an ARN of one of those services, as in AWS."),
				declared(MissingName.class, "@LambdaFunction(name = \"fn\") on MissingName: onFailure = \"sqs:\": the name after "
						+ "\"sqs:\" is missing."),
				declared(MalformedAccount.class, "@LambdaFunction(name = \"fn\") on MalformedAccount: onFailure = "
						+ "\"arn:aws:sqs:us-east-1:12345:q\" is not a valid ARN. AWS refuses it: \"1 validation error detected: "
						+ "Value 'arn:aws:sqs:us-east-1:12345:q' at 'destinationConfig.onFailure.destination' failed to satisfy "
						+ "constraint: Member must satisfy regular expression pattern: $|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|"
						+ "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:"
						+ "(\\d{12})?:(.*)\". An ARN reads arn:aws:<service>:<region>:<12-digit account>:<resource>; the sandbox "
						+ "is account 123456789012 in us-east-1."),
				declared(ForeignRegion.class, "@LambdaFunction(name = \"fn\") on ForeignRegion: onFailure = "
						+ "\"arn:aws:sqs:eu-west-1:123456789012:q\" is in account 123456789012, region eu-west-1; the sandbox is "
						+ "account 123456789012 in us-east-1. Use the short form (e.g. \"sqs:name\") or an ARN of that account and "
						+ "region."),
				declared(IamArn.class, "@LambdaFunction(name = \"fn\") on IamArn: onFailure = \"arn:aws:iam::123456789012:role/r\""
						+ notSent + "onSuccess=null, onFailure=OnFailure(destination=arn:aws:iam::123456789012:role/r)) is "
						+ "invalid.\"" + destinations),
				declared(KinesisArn.class, "@LambdaFunction(name = \"fn\") on KinesisArn: onSuccess = "
						+ "\"arn:aws:kinesis:us-east-1:123456789012:stream/s\"" + notSent + "onSuccess=OnSuccess(destination="
						+ "arn:aws:kinesis:us-east-1:123456789012:stream/s), onFailure=null) is invalid.\"" + destinations),
				declared(LayerArn.class, "@LambdaFunction(name = \"fn\") on LayerArn: onSuccess = "
						+ "\"arn:aws:lambda:us-east-1:123456789012:layer:x\"" + notSent + "onSuccess=OnSuccess(destination="
						+ "arn:aws:lambda:us-east-1:123456789012:layer:x), onFailure=null) is invalid.\"" + destinations),
				declared(QueueNameSpace.class, "@LambdaFunction(name = \"fn\") on QueueNameSpace: onFailure = \"sqs:has space\": "
						+ queueRule),
				declared(FifoNameLong.class, "@LambdaFunction(name = \"fn\") on FifoNameLong: onFailure = \"sqs:" + "a".repeat(77)
						+ ".fifo\": a FIFO queue name must be 1 to 80 characters including its \".fifo\" suffix (letters, digits, "
						+ "hyphens, underscores), as in AWS; this one has 82."),
				declared(BucketIp.class, "@LambdaFunction(name = \"fn\") on BucketIp: onFailure = \"s3:192.168.5.4\": a bucket name "
						+ "must not look like an IP address (192.168.5.4), as in S3."),
				declared(BucketUpperCase.class, "@LambdaFunction(name = \"fn\") on BucketUpperCase: onFailure = \"s3:Bucket\": "
						+ bucketRule + "."),
				declared(BucketReservedPrefix.class, "@LambdaFunction(name = \"fn\") on BucketReservedPrefix: onFailure = "
						+ "\"s3:xn--bucket\": a bucket name must not start with \"xn--\": S3 keeps that prefix for itself."),
				declared(BucketTwoDots.class, "@LambdaFunction(name = \"fn\") on BucketTwoDots: onFailure = \"s3:my..bucket\": "
						+ bucketRule + ", and without two dots in a row."),
				declared(BucketReservedSuffix.class, "@LambdaFunction(name = \"fn\") on BucketReservedSuffix: onFailure = "
						+ "\"s3:bucket-s3alias\": a bucket name must not end with \"-s3alias\": S3 keeps that suffix for itself."),
				declared(TopicName.class, "@LambdaFunction(name = \"fn\") on TopicName: onFailure = \"sns:bad topic\": a topic name "
						+ "must be 1 to 256 letters, digits, hyphens or underscores (plus \".fifo\" for a FIFO topic), as in AWS."),
				declared(BusName.class, "@LambdaFunction(name = \"fn\") on BusName: onFailure = \"events:bad bus!\": an event bus "
						+ "name must be 1 to 256 letters, digits, dots, hyphens, underscores or slashes, as in AWS."),
				declared(DeadLetterFunction.class, "@LambdaFunction(name = \"fn\") on DeadLetterFunction: deadLetterQueue = "
						+ "\"lambda:fn\": " + deadLetterRule),
				declared(DeadLetterBareName.class, "@LambdaFunction(name = \"fn\") on DeadLetterBareName: deadLetterQueue = \"dlq\""
						+ neither + " Did you mean \"sqs:dlq\"?"),
				declared(DeadLetterBus.class, "@LambdaFunction(name = \"fn\") on DeadLetterBus: deadLetterQueue = \"events:bus\": "
						+ deadLetterRule),
				declared(S3OnSuccess.class, "@LambdaFunction(name = \"fn\") on S3OnSuccess: onSuccess = \"s3:archive\"" + notSent
						+ "onSuccess=OnSuccess(destination=arn:aws:s3:::archive), onFailure=null) is invalid.\" S3 buckets are "
						+ "supported only for on-failure destinations: use onFailure, or an SQS queue for onSuccess."),
				declared(Itself.class, "@LambdaFunction(name = \"fn\") on Itself: onSuccess = \"lambda:fn\": AWS refuses it: \"You "
						+ "can't specify the function as a destination for itself.\""),
				declared(UnknownFunction.class, "@LambdaFunction(name = \"fn\") on UnknownFunction: onSuccess = \"lambda:other\": AWS "
						+ "refuses it: \"The destination ARN arn:aws:lambda:us-east-1:123456789012:function:other is invalid.\" "
						+ "Declared functions: \"fn\"."),
				declared(QueueDeclaredBadly.class, "@Queue(name = \"bad queue\") on QueueDeclaredBadly: " + queueRule),
				declared(QueueDeclaredLong.class, "@Queue(name = \"" + "a".repeat(81) + "\") on QueueDeclaredLong: " + queueRule),
				declared(BucketShort.class, "@Bucket(name = \"ab\") on BucketShort: " + bucketRule + "."),
				declared(NotificationToFifo.class, "@Bucket(name = \"images\") on NotificationToFifo: onObjectCreated = "
						+ "\"sqs:uploads.fifo\": S3 does not send notifications to FIFO queues or topics, as in AWS."),
				declared(NotificationToBus.class, "@Bucket(name = \"images\") on NotificationToBus: onObjectCreated = \"events:bus\": "
						+ "S3 notifications go to a function (a name, or lambda:name), an SQS queue (sqs:name) or an SNS topic "
						+ "(sns:name), as in AWS."),
				declared(NotificationToNobody.class, "@Bucket(name = \"images\") on NotificationToNobody: onObjectCreated = "
						+ "\"missing\" names a function that is not declared. Declared functions: (none)."),
				declared(StartTimeText.class, "@LambdaSandbox on StartTimeText: startTime = \"yesterday\" is not an ISO-8601 instant "
						+ "such as \"2025-01-01T00:00:00Z\"."),
				declared(StartTimeMax.class, "@LambdaSandbox on StartTimeMax: startTime = \"+1000000000-01-01T00:00:00Z\""
						+ clockRange),
				declared(StartTimeBeforeEpoch.class, "@LambdaSandbox on StartTimeBeforeEpoch: startTime = \"1969-12-31T23:59:59Z\""
						+ clockRange),
				declared(QueueVisibilityLong.class, "@Queue(name = \"q\") on QueueVisibilityLong: visibilityTimeout = 43201 must be "
						+ "0..43200 seconds (12 hours), as in SQS (VisibilityTimeout)."),
				declared(QueueReceiveCountZero.class, "@Queue(name = \"q\") on QueueReceiveCountZero: maxReceiveCount = 0 must be "
						+ "1..1000, as in SQS (the redrive policy's maxReceiveCount)."),
				declared(QueueOwnDeadLetterQueue.class, "@Queue(name = \"q\") on QueueOwnDeadLetterQueue: deadLetterQueue = "
						+ "\"sqs:q\": a queue cannot be its own dead-letter queue. Declare another queue for the messages that fail "
						+ "10 times."),
				declared(QueueFifoDeadLetterStandard.class, "@Queue(name = \"q.fifo\") on QueueFifoDeadLetterStandard: "
						+ "deadLetterQueue = \"sqs:dlq\": SQS refuses it: the dead-letter queue of a FIFO queue must be a FIFO "
						+ "queue, and that of a standard queue a standard queue."),
				declared(QueueDeadLetterTopic.class, "@Queue(name = \"q\") on QueueDeadLetterTopic: deadLetterQueue = \"sns:t\": "
						+ "a queue's dead-letter queue is another SQS queue: write \"sqs:<queue name>\" or its ARN."),
				declared(StreamNoShards.class, "@DataStream(name = \"s\") on StreamNoShards: shards = 0 must be 1..100 (Kinesis "
						+ "allows more; a test needs far fewer)."),
				declared(StreamRetentionShort.class, "@DataStream(name = \"s\") on StreamRetentionShort: retentionHours = 23 must "
						+ "be 24..8760 (365 days), as in Kinesis (RetentionPeriodHours)."),
				declared(TableNameShort.class, "@Table(name = \"t\") on TableNameShort: a table name must be 3 to 255 letters, "
						+ "digits, hyphens, underscores or dots, as in DynamoDB."),
				declared(TableSortKeySame.class, "@Table(name = \"users\") on TableSortKeySame: sortKey = \"id\": the sort key is "
						+ "another attribute than the partition key, 1 to 255 characters (or \"\" for none), as in DynamoDB."),
				declared(MappingNoFunction.class, "@EventSourceMapping(function = \"nobody\", source = \"sqs:q\") on "
						+ "MappingNoFunction: AWS refuses it: \"Function does not exist\". Declared functions: (none)."),
				declared(MappingKafka.class, "@EventSourceMapping(function = \"fn\", source = \"kafka:orders\") on MappingKafka: "
						+ "AWS refuses it: \"Unrecognized event source.\" A source is \"sqs:<queue>\", \"kinesis:<stream>\", "
						+ "\"dynamodb:<table>\", or the ARN of a queue, a stream or a table's stream in account 123456789012, "
						+ "us-east-1."),
				declared(MappingNoQueue.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:missing\") on MappingNoQueue: "
						+ "AWS refuses it: \"Error occurred while ReceiveMessage. SQS Error Code: "
						+ "AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.\" Declare "
						+ "it with @Queue(name = \"missing\"). Queues: (none)."),
				declared(MappingNoStream.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:missing\") on "
						+ "MappingNoStream: the stream \"missing\" is not declared. Declare it with @DataStream(name = \"missing\"). "
						+ "Streams: (none)."),
				declared(MappingNoTable.class, "@EventSourceMapping(function = \"fn\", source = \"dynamodb:missing\") on "
						+ "MappingNoTable: the table \"missing\" is not declared. Declare it with @Table(name = \"missing\", "
						+ "partitionKey = \"…\"). Tables: (none)."),
				declared(MappingBatchTooLarge.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingBatchTooLarge: batchSize = 10001: AWS refuses it: \"1 validation error detected: Value '10001' at "
						+ "'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000\"."),
				declared(MappingBatchWithoutWindow.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingBatchWithoutWindow: batchSize = 11: AWS refuses it: \"Maximum batch window in seconds must be "
						+ "greater than 0 if maximum batch size is greater than 10\". Set maximumBatchingWindowInSeconds to 1 or "
						+ "more, or batchSize to 10 or less."),
				declared(MappingWindowTooLong.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingWindowTooLong: maximumBatchingWindowInSeconds = 301: AWS refuses it: \"1 validation error "
						+ "detected: Value '301' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have "
						+ "value less than or equal to 300\"."),
				declared(MappingFifoWindow.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q.fifo\") on "
						+ "MappingFifoWindow: AWS refuses it: \"Batching window is not supported for FIFO queues\". Remove "
						+ "maximumBatchingWindowInSeconds."),
				declared(MappingFifoBatch.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q.fifo\") on "
						+ "MappingFifoBatch: batchSize = 11: AWS refuses it: \"Maximum batch size must be between 1 and 10 "
						+ "inclusive\" (a FIFO queue's limit)."),
				declared(MappingQueueOnFailure.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingQueueOnFailure: AWS refuses it: \"Unsupported DestinationConfig parameter for given event source "
						+ "mapping type.\" Failed messages of a queue go to the queue's own dead-letter queue: @Queue(name = \"q\", "
						+ "deadLetterQueue = \"sqs:…\", maxReceiveCount = …)."),
				declared(MappingQueueRetries.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingQueueRetries: AWS refuses it: \"Unsupported 'maximumRetryAttempts' parameter for given event "
						+ "source mapping type.\" maximumRetryAttempts applies to Kinesis and DynamoDB streams only; remove it from "
						+ "the queue's mapping."),
				declared(MappingQueueBisect.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingQueueBisect: AWS refuses it: \"Unsupported 'bisectBatchOnFunctionError' parameter for given event "
						+ "source mapping type.\" bisectBatchOnFunctionError applies to Kinesis and DynamoDB streams only; remove it "
						+ "from the queue's mapping."),
				declared(MappingQueueStartingPosition.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingQueueStartingPosition: AWS refuses it: \"StartingPosition is not valid for SQS event sources.\" "
						+ "Remove startingPosition: a queue mapping receives what is visible."),
				declared(MappingVisibilityBelowTimeout.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingVisibilityBelowTimeout: AWS refuses it: \"Queue visibility timeout: 30 seconds is less than "
						+ "Function timeout: 60 seconds\". Raise @Queue(visibilityTimeout) (AWS advises 6 times the function "
						+ "timeout) or lower the function's timeout."),
				declared(MappingTwice.class, "@EventSourceMapping(function = \"fn\", source = "
						+ "\"arn:aws:sqs:us-east-1:123456789012:q\") on MappingTwice: AWS refuses a second mapping of the same "
						+ "source and function: \"An event source mapping with SQS arn (\\\" arn:aws:sqs:us-east-1:123456789012:q "
						+ "\\\") and function (\\\" fn \\\") already exists. Please update or delete the existing mapping with UUID "
						+ "…\" Declare one mapping per source and function; change it at run time with "
						+ "sandbox.eventSourceMapping(function, source)."),
				declared(MappingRecordAgeShort.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:s\") on "
						+ "MappingRecordAgeShort: maximumRecordAgeInSeconds = 30: AWS refuses it: \"MaximumRecordAgeInSeconds must "
						+ "be either -1 (forever) or between 60 and 604800 (inclusive)\"."),
				declared(MappingRetriesTooMany.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:s\") on "
						+ "MappingRetriesTooMany: maximumRetryAttempts = 10001: AWS refuses it: \"1 validation error detected: "
						+ "Value '10001' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than "
						+ "or equal to 10000\"."),
				declared(MappingParallelizationHigh.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:s\") on "
						+ "MappingParallelizationHigh: parallelizationFactor = 11: AWS refuses it: \"1 validation error detected: "
						+ "Value '11' at 'parallelizationFactor' failed to satisfy constraint: Member must have value less than or "
						+ "equal to 10\"."),
				declared(MappingStartingPositionUnknown.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:s\") on "
						+ "MappingStartingPositionUnknown: startingPosition = \"EARLIEST\": AWS refuses it: \"1 validation error "
						+ "detected: Value 'EARLIEST' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum "
						+ "value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]\"."),
				declared(MappingTimestampMissing.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:s\") on "
						+ "MappingTimestampMissing: startingPosition = \"AT_TIMESTAMP\" needs startingPositionTimestamp, an "
						+ "ISO-8601 instant such as \"2025-01-01T00:00:00Z\"."),
				declared(MappingDynamoDbAtTimestamp.class, "@EventSourceMapping(function = \"fn\", source = \"dynamodb:users\") on "
						+ "MappingDynamoDbAtTimestamp: startingPosition = \"AT_TIMESTAMP\": AWS refuses it: \"Unsupported starting "
						+ "position for arn type: arn:aws:dynamodb:us-east-1:123456789012:table/users/stream/2025-01-01T00:00:00.000\". "
						+ "DynamoDB streams start at TRIM_HORIZON or LATEST."),
				declared(IsolatedJdkClass.class, "@LambdaSandbox(isolatedEnvironments = true): the handler of function \"fn\", "
						+ "java.lang.String, cannot be loaded anew for each execution environment: it is not code of the user's (it "
						+ "comes from the JDK, a library or lambda-sandbox itself). Use a handler class of your own, or shared "
						+ "environments (the default)."),
				declared(DeadLetterQueueRoleCannotSend.class, "@LambdaFunction(name = \"fn\") on DeadLetterQueueRoleCannotSend: "
						+ "deadLetterQueue = \"sqs:lambda-DLQ\": AWS refuses it: \"The provided execution role does not have "
						+ "permissions to call SendMessage on SQS\" Add {\"sqs:SendMessage\"} to permissions (now "
						+ "{\"logs:CreateLogGroup\", \"logs:CreateLogStream\", \"logs:PutLogEvents\"})" + leaveOut),
				declared(DeadLetterTopicRoleCannotPublish.class, "@LambdaFunction(name = \"fn\") on "
						+ "DeadLetterTopicRoleCannotPublish: deadLetterQueue = \"sns:dead-letters\": AWS refuses it: \"The "
						+ "provided execution role does not have permissions to call Publish on SNS\" Add {\"sns:Publish\"} to "
						+ "permissions (now {\"sqs:*\"})" + leaveOut),
				declared(DeadLetterQueueRoleMisspelt.class, "@LambdaFunction(name = \"fn\") on DeadLetterQueueRoleMisspelt: "
						+ "deadLetterQueue = \"sqs:dlq\": AWS refuses it: \"The provided execution role does not have permissions "
						+ "to call SendMessage on SQS\" Add {\"sqs:SendMessage\"} (\"sqs:SendMesage\" is not an IAM action: did "
						+ "you mean \"sqs:SendMessage\"?) to permissions (now {\"sqs:SendMesage\"})" + leaveOut),
				declared(DestinationRoleCannotInvoke.class, "@LambdaFunction(name = \"fn\") on DestinationRoleCannotInvoke: "
						+ "onSuccess = \"lambda:other\": AWS refuses it: \"The function's execution role does not have permissions "
						+ "to call InvokeFunction on arn:aws:lambda:us-east-1:123456789012:function:other\" Add "
						+ "{\"lambda:InvokeFunction\"} to permissions (now {\"lambda:GetFunction\"})" + leaveOut),
				declared(DestinationRoleCannotPutEvents.class, "@LambdaFunction(name = \"fn\") on "
						+ "DestinationRoleCannotPutEvents: onFailure = \"events:bus\": AWS refuses it: \"The function's execution "
						+ "role does not have permissions to call PutEvents on arn:aws:events:us-east-1:123456789012:event-bus/bus\" "
						+ "Add {\"events:PutEvents\"} to permissions (now {})" + leaveOut),
				declared(DestinationRoleCannotListBucket.class, "@LambdaFunction(name = \"fn\") on "
						+ "DestinationRoleCannotListBucket: onFailure = \"s3:failed-events\": AWS refuses it: \"The function's "
						+ "execution role does not have permissions to call ListBucket on arn:aws:s3:::failed-events\" Add "
						+ "{\"s3:ListBucket\"} to permissions (now {\"s3:PutObject\"})" + leaveOut),
				declared(MappingRoleCannotDelete.class, "@EventSourceMapping(function = \"fn\", source = \"sqs:q\") on "
						+ "MappingRoleCannotDelete: AWS refuses it: \"The provided execution role does not have permissions to "
						+ "call DeleteMessage on SQS\" Add {\"sqs:DeleteMessage\", \"sqs:GetQueueAttributes\"} to the permissions "
						+ "of @LambdaFunction(name = \"fn\") (now {\"sqs:ReceiveMessage\"}), or leave its permissions out: the "
						+ "role may then do everything."),
				declared(MappingRoleCannotReadStream.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:s\") on "
						+ "MappingRoleCannotReadStream: AWS refuses it: \"Cannot access stream "
						+ "arn:aws:kinesis:us-east-1:123456789012:stream/s. Please ensure the role can perform the GetRecords, "
						+ "GetShardIterator, DescribeStream, and ListShards Actions on your stream in IAM.\" Add "
						+ "{\"kinesis:GetShardIterator\", \"kinesis:DescribeStream\", \"kinesis:ListShards\"} to the permissions of "
						+ "@LambdaFunction(name = \"fn\") (now {\"kinesis:GetRecords\"}), or leave its permissions out: the role may "
						+ "then do everything."),
				declared(MappingRoleCannotReadTableStream.class, "@EventSourceMapping(function = \"fn\", source = "
						+ "\"dynamodb:users\") on MappingRoleCannotReadTableStream: AWS refuses it: \"Cannot access stream "
						+ "arn:aws:dynamodb:us-east-1:123456789012:table/users/stream/2025-01-01T00:00:00.000. Please ensure the role "
						+ "can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in "
						+ "IAM.\" Add {\"dynamodb:GetRecords\", \"dynamodb:GetShardIterator\", \"dynamodb:DescribeStream\", "
						+ "\"dynamodb:ListStreams\"} to the permissions of @LambdaFunction(name = \"fn\") (now {}), or leave its "
						+ "permissions out: the role may then do everything."),
				declared(PermissionWithoutVendor.class, "@LambdaFunction(name = \"fn\") on PermissionWithoutVendor: permissions = "
						+ "{\"SendMessage\"}: IAM refuses the role's policy: \"Actions/Conditions must be prefaced by a vendor, "
						+ "e.g., iam, sdb, ec2, etc.\"" + writeActions),
				declared(PermissionTwoColons.class, "@LambdaFunction(name = \"fn\") on PermissionTwoColons: permissions = "
						+ "{\"sqs:SendMessage:now\"}: IAM refuses the role's policy: \"Actions/Condition can contain only one "
						+ "colon.\"" + writeActions),
				declared(PermissionVendorSpace.class, "@LambdaFunction(name = \"fn\") on PermissionVendorSpace: permissions = "
						+ "{\"sq s:SendMessage\"}: IAM refuses the role's policy: \"Vendor sq s is not valid\"" + writeActions),
				declared(DuplicateProbabilityHigh.class, "@LambdaSandbox on DuplicateProbabilityHigh: duplicateDeliveryProbability = "
						+ "1.5 must be 0..1 (0.05 delivers about one event in twenty twice)."),
				declared(FaultWithoutTarget.class, "@InjectFault(resource = \"\", kind = TIMEOUT) on FaultWithoutTarget: name either "
						+ "a function (function = \"…\") or a resource (resource = \"sqs:…\"), not neither."),
				declared(FaultUnknownFunction.class, "@InjectFault(function = \"nobody\", kind = TIMEOUT) on FaultUnknownFunction: no "
						+ "such function. Declared functions: \"fn\"."),
				declared(FaultTimeoutOfQueue.class, "@InjectFault(resource = \"sqs:q\", kind = TIMEOUT) on FaultTimeoutOfQueue: a "
						+ "resource can only be UNAVAILABLE; inject TIMEOUT into a function (function = \"…\")."),
				declared(FaultLatencyMissing.class, "@InjectFault(function = \"fn\", kind = LATENCY) on FaultLatencyMissing: "
						+ "latencyMillis = 0 must be positive."),
				declared(MappingOnFailureFunction.class, "@EventSourceMapping(function = \"fn\", source = \"kinesis:s\") on "
						+ "MappingOnFailureFunction: onFailure = \"lambda:other\": a stream mapping's on-failure destination is an "
						+ "SQS queue, an SNS topic or an S3 bucket, as in AWS: write \"sqs:<name>\", \"sns:<name>\" or "
						+ "\"s3:<bucket>\"."),
				declared(TopicDeclaredBadly.class, "@Topic(name = \"bad topic\") on TopicDeclaredBadly: a topic name "
						+ "must be 1 to 256 letters, digits, hyphens or underscores (plus \".fifo\" for a FIFO "
						+ "topic), as in AWS."),
				declared(TopicTwice.class, "@Topic(name = \"t.fifo\") on TopicTwice: this topic is declared twice."),
				declared(TopicDeduplicationStandard.class, "@Topic(name = \"t\") on TopicDeduplicationStandard: "
						+ "contentBasedDeduplication applies to FIFO topics only, as in SNS: name the topic "
						+ "\"t.fifo\", or drop contentBasedDeduplication."),
				declared(SubscriptionNoTopic.class, "@Subscription(topic = \"nope\", endpoint = \"sqs:q\") on "
						+ "SubscriptionNoTopic: SNS refuses it: \"Topic does not exist\" (NotFound). Declare it "
						+ "with @Topic(name = \"nope\"). Topics: (none)."),
				declared(SubscriptionHttp.class, "@Subscription(topic = \"t\", endpoint = "
						+ "\"https://example.com/hook\") on SubscriptionHttp: endpoint = "
						+ "\"https://example.com/hook\": a subscription of the sandbox delivers to an SQS queue or "
						+ "a Lambda function: write \"sqs:<queue>\" or \"lambda:<function>\", or an ARN of one "
						+ "(HTTP/S, email, SMS, mobile and Firehose endpoints are not simulated)."),
				declared(SubscriptionBus.class, "@Subscription(topic = \"t\", endpoint = \"events:bus\") on "
						+ "SubscriptionBus: endpoint = \"events:bus\": a subscription of the sandbox delivers to an "
						+ "SQS queue or a Lambda function: write \"sqs:<queue>\" or \"lambda:<function>\", or an "
						+ "ARN of one (HTTP/S, email, SMS, mobile and Firehose endpoints are not simulated)."),
				declared(SubscriptionFifoQueue.class, "@Subscription(topic = \"t\", endpoint = \"sqs:q.fifo\") on "
						+ "SubscriptionFifoQueue: SNS refuses it: \"Invalid parameter: Invalid parameter: Endpoint "
						+ "Reason: FIFO SQS Queues can not be subscribed to standard SNS topics\". Subscribe a "
						+ "standard queue, or make the topic a FIFO topic (a name ending in .fifo)."),
				declared(SubscriptionFifoTopicFunction.class, "@Subscription(topic = \"t.fifo\", endpoint = "
						+ "\"lambda:fn\") on SubscriptionFifoTopicFunction: SNS refuses it: \"Invalid parameter: "
						+ "Invalid protocol type: lambda\". A FIFO topic delivers to SQS queues only: subscribe a "
						+ "queue (FIFO or standard) and map it to the function with @EventSourceMapping, as AWS "
						+ "advises."),
				declared(SubscriptionRawFunction.class, "@Subscription(topic = \"t\", endpoint = \"lambda:fn\") on "
						+ "SubscriptionRawFunction: SNS refuses it: \"Invalid parameter: Attributes Reason: "
						+ "Delivery protocol [lambda] does not support raw message delivery.\" A function always "
						+ "receives SNS's event; drop rawMessageDelivery."),
				declared(SubscriptionNoFunction.class, "@Subscription(topic = \"t\", endpoint = \"lambda:nobody\") on "
						+ "SubscriptionNoFunction names a function that is not declared. Declared functions: (none)."),
				declared(SubscriptionPolicyNotArray.class, "@Subscription(topic = \"t\", endpoint = \"sqs:q\") on "
						+ "SubscriptionPolicyNotArray: SNS refuses it: \"Invalid parameter: Attributes Reason: "
						+ "FilterPolicy: \"severity\" must be an object or an array\". Write the policy as SNS "
						+ "reads it: each attribute's (or, with filterPolicyScope = \"MessageBody\", each body "
						+ "field's) value is an array of values or operators, e.g. {\"severity\": [\"high\"]}; at "
						+ "most 5 keys."),
				declared(SubscriptionPolicyNested.class, "@Subscription(topic = \"t\", endpoint = \"sqs:q\") on "
						+ "SubscriptionPolicyNested: SNS refuses it: \"Invalid parameter: Attributes Reason: Filter "
						+ "policy scope MessageAttributes does not support nested filter policy\". Write the policy "
						+ "as SNS reads it: each attribute's (or, with filterPolicyScope = \"MessageBody\", each "
						+ "body field's) value is an array of values or operators, e.g. {\"severity\": [\"high\"]}; "
						+ "at most 5 keys."),
				declared(SubscriptionPolicyWildcard.class, "@Subscription(topic = \"t\", endpoint = \"sqs:q\") on "
						+ "SubscriptionPolicyWildcard: SNS refuses it: \"Invalid parameter: Attributes Reason: "
						+ "FilterPolicy: Unrecognized match type wildcard\". Write the policy as SNS reads it: each "
						+ "attribute's (or, with filterPolicyScope = \"MessageBody\", each body field's) value is "
						+ "an array of values or operators, e.g. {\"severity\": [\"high\"]}; at most 5 keys."),
				declared(SubscriptionScope.class, "@Subscription(topic = \"t\", endpoint = \"sqs:q\") on "
						+ "SubscriptionScope: SNS refuses it: \"Invalid parameter: Attributes Reason: "
						+ "FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or "
						+ "MessageAttributes\". filterPolicyScope is \"MessageAttributes\" (the default) or "
						+ "\"MessageBody\"."),
				declared(SubscriptionTwiceDifferently.class, "@Subscription(topic = \"t\", endpoint = \"sqs:q\") on "
						+ "SubscriptionTwiceDifferently: SNS refuses it: \"Invalid parameter: Attributes Reason: "
						+ "Subscription already exists with different attributes\". Declare one @Subscription per "
						+ "topic and endpoint."),
				declared(RuleNameChars.class, "@EventRule(name = \"bad name\", bus = \"default\") on RuleNameChars: "
						+ "EventBridge refuses it: \"1 validation error detected: Value 'bad name' at 'name' failed "
						+ "to satisfy constraint: Member must satisfy regular expression pattern: "
						+ "[\\.\\-_A-Za-z0-9]+\". A rule name is letters, digits, dots, hyphens and underscores."),
				declared(RulePatternNotArray.class, "@EventRule(name = \"r\", bus = \"default\") on "
						+ "RulePatternNotArray: EventBridge refuses it (InvalidEventPatternException): \"Event "
						+ "pattern is not valid. Reason: \"source\" must be an object or an array\". Write the "
						+ "pattern as EventBridge reads it: each field's value is an array of values or operators, "
						+ "or an object of such fields, e.g. {\"detail-type\": [\"Lambda Function Invocation Result "
						+ "- Failure\"]}."),
				declared(RulePatternWildcards.class, "@EventRule(name = \"r\", bus = \"default\") on "
						+ "RulePatternWildcards: EventBridge refuses it (InvalidEventPatternException): \"Event "
						+ "pattern is not valid. Reason: Consecutive wildcard characters at pos 2\". Write the "
						+ "pattern as EventBridge reads it: each field's value is an array of values or operators, "
						+ "or an object of such fields, e.g. {\"detail-type\": [\"Lambda Function Invocation Result "
						+ "- Failure\"]}."),
				declared(RulePatternEmpty.class, "@EventRule(name = \"r\", bus = \"default\") on RulePatternEmpty: "
						+ "pattern is empty. A rule of the sandbox matches events with an event pattern, e.g. "
						+ "{\"source\": [\"lambda\"]}."),
				declared(RuleTargetBucket.class, "@EventRule(name = \"r\", bus = \"default\") on RuleTargetBucket: "
						+ "target = \"s3:archive\": a rule of the sandbox sends to an SQS queue (sqs:<name>), an "
						+ "SNS topic (sns:<name>) or a Lambda function (lambda:<name>), or an ARN of one."),
				declared(RuleTargetFifo.class, "@EventRule(name = \"r\", bus = \"default\") on RuleTargetFifo: target "
						+ "= \"sqs:q.fifo\": a FIFO target needs a message group id (EventBridge's SqsParameters), "
						+ "which @EventRule does not set: target a standard queue or topic."),
				declared(RuleTargetNoFunction.class, "@EventRule(name = \"r\", bus = \"default\") on "
						+ "RuleTargetNoFunction: target = \"lambda:nobody\" names a function that is not declared. "
						+ "Declared functions: (none)."),
				declared(RuleTwice.class, "@EventRule(name = \"r\", bus = \"default\") on RuleTwice: this rule is "
						+ "declared twice on bus \"default\". Give each @EventRule of a bus its own name."),
				declared(NotificationsOverlap.class, "@BucketNotification(bucket = \"images\", target = \"sqs:b\") on "
						+ "NotificationsOverlap: S3 refuses it: \"Configurations overlap. Configurations on the "
						+ "same bucket cannot share a common event type.\" (InvalidArgument). It and "
						+ "@BucketNotification(bucket = \"images\", target = \"sqs:a\") on NotificationsOverlap "
						+ "share an event type, and a key could match both filters. Give them event types that do "
						+ "not intersect, or prefixes (or suffixes) that no key can have both of."),
				declared(NotificationEventUnknown.class, "@BucketNotification(bucket = \"images\", target = "
						+ "\"sqs:a\") on NotificationEventUnknown: S3 refuses it: \"The event is not supported for "
						+ "notifications\" (InvalidArgument): events = \"s3:ObjectCreated:Puts\" is not an S3 event "
						+ "type. Name one of [s3:ObjectCreated:*, s3:ObjectCreated:Put, s3:ObjectCreated:Post, "
						+ "s3:ObjectCreated:Copy, s3:ObjectCreated:CompleteMultipartUpload, s3:ObjectRemoved:*, "
						+ "s3:ObjectRemoved:Delete, s3:ObjectRemoved:DeleteMarkerCreated]."),
				declared(NotificationEventNeverFired.class, "@BucketNotification(bucket = \"images\", target = "
						+ "\"sqs:a\") on NotificationEventNeverFired: events = \"s3:ObjectRestore:Post\" is an S3 "
						+ "event type that the sandbox's buckets never fire (they are not versioned, archived, "
						+ "replicated or tagged). Name one of [s3:ObjectCreated:*, s3:ObjectCreated:Put, "
						+ "s3:ObjectCreated:Post, s3:ObjectCreated:Copy, s3:ObjectCreated:CompleteMultipartUpload, "
						+ "s3:ObjectRemoved:*, s3:ObjectRemoved:Delete, s3:ObjectRemoved:DeleteMarkerCreated]."),
				declared(NotificationNoBucket.class, "@BucketNotification(bucket = \"images\", target = \"sqs:a\") on "
						+ "NotificationNoBucket: S3 refuses it: \"The specified bucket does not exist\" "
						+ "(NoSuchBucket). Declare it with @Bucket(name = \"images\"). Buckets: (none)."),
				declared(NotificationWildcard.class, "@BucketNotification(bucket = \"images\", target = \"sqs:a\") on "
						+ "NotificationWildcard: S3 refuses it: \"A wildcard character (\"*\") can't be used in "
						+ "filters as a prefix or suffix.\" (InvalidArgument, ArgumentName FilterRule.Value): S3 "
						+ "filters match a literal prefix or suffix of the key; \"photos/*\" has a '*', which S3 "
						+ "does not treat as a wildcard."),
				declared(NotificationIdTwice.class, "@BucketNotification(bucket = \"images\", id = \"x\", target = "
						+ "\"sqs:b\") on NotificationIdTwice: S3 refuses it: \"Same ID used for multiple "
						+ "configurations. IDs must be unique.\" (InvalidArgument). Give each configuration of "
						+ "bucket \"images\" its own id, or none."),
				declared(NotificationTargetBus.class, "@BucketNotification(bucket = \"images\", target = "
						+ "\"events:bus\") on NotificationTargetBus: target = \"events:bus\": S3 notifications go "
						+ "to a function (a name, or lambda:name), an SQS queue (sqs:name) or an SNS topic "
						+ "(sns:name), as in AWS."));
	}

	static Stream<Arguments> calls() {
		String notJson = "Could not parse request body into json: Could not parse payload into json: ";
		return Stream.of(
				call("invoke of an unknown function", s -> s.invoke("nope", "{}"), LambdaServiceException.class, "Function not "
						+ "found: arn:aws:lambda:us-east-1:123456789012:function:nope. Functions of this sandbox: \"ok\", "
						+ "\"advancing\". Declare it with @LambdaFunction(name = \"nope\", handler = …)."),
				call("dry run of an unknown function", s -> s.dryRun("nope", "{}"), LambdaServiceException.class, "Function not "
						+ "found: arn:aws:lambda:us-east-1:123456789012:function:nope. Functions of this sandbox: \"ok\", "
						+ "\"advancing\". Declare it with @LambdaFunction(name = \"nope\", handler = …)."),
				call("a payload that is not JSON", s -> s.invoke("ok", "{not json"), LambdaServiceException.class, notJson
						+ "Unexpected character ('n' (code 110)): was expecting double-quote to start field name"),
				call("two JSON values", s -> s.invokeAsync("ok", "{} {}"), LambdaServiceException.class, notJson
						+ "Trailing token (of type START_OBJECT) found after value"),
				call("a payload nested 2000 levels deep", s -> s.invokeAsync("ok", "[".repeat(2000) + "]".repeat(2000)),
						LambdaServiceException.class, notJson + "the payload is nested deeper than 1000 levels"),
				call("an asynchronous payload over 1 MB", s -> s.invokeAsync("ok", "\"" + "x".repeat(1_048_576) + "\""),
						LambdaServiceException.class, "1048578 byte payload is too large for the Event invocation type (limit "
								+ "1048576 bytes)"),
				call("a request over 6 MB", s -> s.invoke("ok", "\"" + "x".repeat(6_291_456) + "\""),
						LambdaServiceException.class, "Request must be smaller than 6291456 bytes for the InvokeFunction operation"),
				call("an unknown queue", s -> s.queue("nope"), IllegalArgumentException.class, "No queue \"nope\" in this sandbox. "
						+ "Known queues: \"q\", \"done\". Declare it with @Queue(name = \"nope\") or name it in a destination "
						+ "(\"sqs:nope\")."),
				call("an unknown topic", s -> s.topic("nope"), IllegalArgumentException.class, "No topic \"nope\" in this sandbox. "
						+ "Known topics: \"t\". Declare it with @Topic(name = \"nope\"), or name it in a destination, a "
						+ "dead-letter queue, a notification or a rule (\"sns:nope\")."),
				call("an unknown event bus", s -> s.eventBus("nope"), IllegalArgumentException.class, "No event bus \"nope\" in "
						+ "this sandbox. Known event buses: \"bus\". Buses exist when a destination or a rule names them "
						+ "(\"events:nope\", @EventRule(bus = \"nope\", …)); the default bus always exists."),
				call("an unknown bucket", s -> s.bucket("nope"), IllegalArgumentException.class, "No bucket \"nope\" in this "
						+ "sandbox. Known buckets: \"images\". Declare it with @Bucket(name = \"nope\")."),
				call("an unknown function handle", s -> s.function("nope"), LambdaServiceException.class, "Function not found: "
						+ "arn:aws:lambda:us-east-1:123456789012:function:nope. Functions of this sandbox: \"ok\", \"advancing\". "
						+ "Declare it with @LambdaFunction(name = \"nope\", handler = …)."),
				call("an unknown metric", s -> s.function("ok").metric("Nope"), IllegalArgumentException.class, "Unknown metric "
						+ "\"Nope\". Lambda metrics of the sandbox: Invocations, Errors, Throttles, DeadLetterErrors, "
						+ "DestinationDeliveryFailures, AsyncEventsReceived, AsyncEventAge, AsyncEventsDropped, "
						+ "RecursiveInvocationsDropped."),
				call("a negative number of throttles", s -> s.function("ok").simulateThrottles(-1), IllegalArgumentException.class,
						"simulateThrottles(-1): the number of attempts must be 0 or more."),
				call("moving the clock back", s -> s.clock().advance(Duration.ofSeconds(-1)), IllegalArgumentException.class,
						"Virtual time cannot go back: advance(PT-1S)"),
				call("waiting for a negative time", s -> s.runUntil(() -> true, Duration.ofSeconds(-1)),
						IllegalArgumentException.class, "runUntil(…, PT-1S): the virtual time allowed must not be negative."),
				call("an empty message", s -> s.queue("q").sendMessage(""), IllegalArgumentException.class, "An SQS message body "
						+ "must not be empty (AWS: MissingParameter)."),
				call("an empty object key", s -> s.bucket("images").putObject("", "x"), IllegalArgumentException.class, "An S3 "
						+ "object key must be 1 to 1024 bytes of UTF-8, as in AWS; this one is empty."),
				call("an object key over 1024 bytes", s -> s.bucket("images").putObject("k".repeat(1025), "x"),
						IllegalArgumentException.class, "An S3 object key must be 1 to 1024 bytes of UTF-8, as in AWS; this one "
								+ "is 1025 bytes."),
				call("publishing an empty message", s -> s.topic("t").publish(""), IllegalArgumentException.class,
						"SNS refuses the message: \"Invalid parameter: Empty message\" (InvalidParameter)."),
				call("an event without source", s -> s.eventBus("bus").putEvent("", "Order Placed", "{}"),
						IllegalArgumentException.class, "EventBridge refuses the event: \"Parameter Source is not valid. "
								+ "Reason: Source is a required argument.\" (InvalidArgument)."),
				call("an event whose detail is not a JSON object", s -> s.eventBus("bus").putEvent("shop", "Order", "[]"),
						IllegalArgumentException.class, "EventBridge refuses the event: \"Detail is malformed.\" "
								+ "(MalformedDetail)."),
				call("a copy of a key the bucket does not hold", s -> s.bucket("images").copyObject("missing.png", "b.png"),
						IllegalArgumentException.class, "S3 refuses the copy: \"The specified key does not exist.\" "
								+ "(NoSuchKey): bucket \"images\" holds no \"missing.png\". Keys: (none)."),
				call("a delete of an empty key", s -> s.bucket("images").deleteObject(""), IllegalArgumentException.class,
						"An S3 object key must be 1 to 1024 bytes of UTF-8, as in AWS; this one is empty."),
				call("a condition AWS does not write", s -> Condition.fromAwsName("MaximumRecordAgeExceeded"),
						IllegalArgumentException.class, "Unknown condition \"MaximumRecordAgeExceeded\"; AWS writes one of [Success, "
								+ "RetriesExhausted, EventAgeExceeded, ZeroReservedConcurrency, RetryAttemptsExhausted, "
								+ "RecordAgeExceeded, RecursiveInvocationException]"),
				call("an event invoke config with a retry count out of range",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder().maximumRetryAttempts(3).build()),
						LambdaServiceException.class, "1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to "
								+ "satisfy constraint: Member must have value less than or equal to 2"),
				call("an event invoke config with two values out of range",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder().maximumRetryAttempts(-1)
								.maximumEventAgeInSeconds(59).build()),
						LambdaServiceException.class, "2 validation errors detected: Value '-1' at 'maximumRetryAttempts' failed "
								+ "to satisfy constraint: Member must have value greater than or equal to 0; Value '59' at "
								+ "'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or "
								+ "equal to 60"),
				call("an event invoke config that sets nothing",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder().build()),
						LambdaServiceException.class, "You must specify at least one of error handling or destination setting. "
								+ "Give maximumRetryAttempts, maximumEventAgeInSeconds, onSuccess or onFailure; to go back to "
								+ "Lambda's defaults, delete the configuration."),
				call("a function as its own destination",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder().onSuccess("lambda:ok").build()),
						LambdaServiceException.class, "You can't specify the function as a destination for itself."),
				call("a destination function that does not exist",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder()
								.onFailure("arn:aws:lambda:us-east-1:123456789012:function:nope").build()),
						LambdaServiceException.class, "The destination ARN arn:aws:lambda:us-east-1:123456789012:function:nope "
								+ "is invalid. Functions of this sandbox: \"ok\", \"advancing\"."),
				call("an S3 bucket as on-success destination",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder().onSuccess("s3:images").build()),
						LambdaServiceException.class, "The provided destination config DestinationConfig(onSuccess=OnSuccess("
								+ "destination=arn:aws:s3:::images), onFailure=null) is invalid. Destinations are SQS queues, SNS "
								+ "topics, Lambda functions, EventBridge buses and (on failure only) S3 buckets."),
				call("a destination queue the sandbox does not have",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder().onFailure("sqs:nope").build()),
						LambdaServiceException.class, "The destination arn:aws:sqs:us-east-1:123456789012:nope does not exist in "
								+ "this sandbox. No queue \"nope\" in this sandbox. Known queues: \"q\", \"done\". Declare it with "
								+ "@Queue(name = \"nope\") or name it in a destination (\"sqs:nope\")."),
				call("a destination that is a bare queue name",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder().onFailure("failures").build()),
						LambdaServiceException.class, "putEventInvokeConfig(…): onFailure = \"failures\" is neither an ARN nor one "
								+ "of sqs:, sns:, lambda:, events:, s3: followed by a name. Did you mean \"sqs:failures\"?"),
				call("a destination ARN Lambda's model refuses",
						s -> s.function("ok").putEventInvokeConfig(EventInvokeConfig.builder()
								.onFailure("arn:aws:sqs:us-east-1:12345:q").build()),
						LambdaServiceException.class, "1 validation error detected: Value 'arn:aws:sqs:us-east-1:12345:q' at "
								+ "'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy regular "
								+ "expression pattern: $|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):"
								+ "([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)"),
				call("no event invoke config to delete", s -> s.function("advancing").deleteEventInvokeConfig(),
						LambdaServiceException.class, "The function arn:aws:lambda:us-east-1:123456789012:function:advancing:"
								+ "$LATEST doesn't have an EventInvokeConfig"),
				call("no event invoke config at all", s -> s.function("ok").putEventInvokeConfig(null),
						IllegalArgumentException.class, "putEventInvokeConfig(null): give an EventInvokeConfig (EventInvokeConfig"
								+ ".builder()…build()); deleteEventInvokeConfig() goes back to Lambda's defaults."),
				call("a dead-letter queue that is an event bus", s -> s.function("ok").updateDeadLetterConfig("events:bus"),
						LambdaServiceException.class, "updateDeadLetterConfig(\"events:bus\"): a dead-letter queue is an SQS queue "
								+ "or an SNS topic, as in AWS: write \"sqs:<queue name>\", \"sns:<topic name>\" or an ARN of one; "
								+ "\"\" removes it."),
				call("a dead-letter queue the sandbox does not have", s -> s.function("ok").updateDeadLetterConfig("sns:nope"),
						LambdaServiceException.class, "The dead-letter queue arn:aws:sns:us-east-1:123456789012:nope does not exist in "
								+ "this sandbox. No topic \"nope\" in this sandbox. Known topics: \"t\". Declare it with "
								+ "@Topic(name = \"nope\"), or name it in a destination, a dead-letter queue, a notification or a "
								+ "rule (\"sns:nope\")."),
				call("no new code", s -> s.function("ok").updateCode(null), IllegalArgumentException.class,
						"updateCode(null): give the new handler class, a RequestHandler or RequestStreamHandler with a public "
								+ "no-argument constructor."),
				call("a permission IAM refuses", s -> s.function("ok").executionRole().putRolePolicy("sqs SendMessage"),
						IllegalArgumentException.class, "executionRole().putRolePolicy(…) of function \"ok\": permissions = "
								+ "{\"sqs SendMessage\"}: IAM refuses the role's policy: \"Actions/Conditions must be prefaced by a "
								+ "vendor, e.g., iam, sdb, ec2, etc.\" (MalformedPolicyDocument). Write each permission as "
								+ "service:Action, e.g. \"sqs:SendMessage\", \"sqs:*\" or \"*\"."),
				call("a dead-letter queue the execution role cannot send to", s -> {
					s.function("advancing").executionRole().putRolePolicy("logs:*");
					s.function("advancing").updateDeadLetterConfig("sqs:q");
				}, LambdaServiceException.class, "The provided execution role does not have permissions to call SendMessage on "
						+ "SQS — let the role do {\"sqs:SendMessage\"} (now {\"logs:*\"}): executionRole().putRolePolicy(…), or the "
						+ "function's @LambdaFunction(permissions)."),
				call("a destination the execution role cannot invoke", s -> {
					s.function("advancing").executionRole().putRolePolicy("logs:*");
					s.function("advancing").putEventInvokeConfig(EventInvokeConfig.builder().onFailure("lambda:ok").build());
				}, LambdaServiceException.class, "The function's execution role does not have permissions to call InvokeFunction "
						+ "on arn:aws:lambda:us-east-1:123456789012:function:ok — let the role do {\"lambda:InvokeFunction\"} (now "
						+ "{\"logs:*\"}): executionRole().putRolePolicy(…), or the function's @LambdaFunction(permissions)."),
				call("no recursion setting", s -> s.function("ok").putFunctionRecursionConfig(null),
						LambdaServiceException.class, "1 validation error detected: Value null at 'recursiveLoop' failed to "
								+ "satisfy constraint: Member must not be null. Give RecursiveLoop.ALLOW or RecursiveLoop.TERMINATE "
								+ "(Lambda's default)."),
				call("an alias named only with digits", s -> s.function("ok").createAlias("2024", "$LATEST"),
						LambdaServiceException.class, "1 validation error detected: Value '2024' at 'name' failed to satisfy "
								+ "constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"),
				call("an alias of a version that is no number", s -> s.function("ok").createAlias("prod", "latest"),
						LambdaServiceException.class, "1 validation error detected: Value 'latest' at 'functionVersion' failed "
								+ "to satisfy constraint: Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)"),
				call("an alias of a version not published", s -> s.function("ok").createAlias("prod", "10"),
						LambdaServiceException.class, "Function not found: arn:aws:lambda:us-east-1:123456789012:function:ok:10 "
								+ "Function \"ok\" has version $LATEST and no alias. Publish a version with function(\"ok\")"
								+ ".publishVersion(); name one with createAlias(name, version)."),
				call("an alias that exists already", s -> {
					s.function("ok").createAlias("prod", "$LATEST");
					s.function("ok").createAlias("prod", "$LATEST");
				}, LambdaServiceException.class, "Alias already exists: arn:aws:lambda:us-east-1:123456789012:function:ok:prod "
						+ "Move it with updateAlias(\"prod\", version)."),
				call("an alias to update that does not exist", s -> s.function("ok").updateAlias("prod", "$LATEST"),
						LambdaServiceException.class, "Alias not found: arn:aws:lambda:us-east-1:123456789012:function:ok:prod "
								+ "Create it with createAlias(\"prod\", version)."),
				call("an alias routed to two more versions", s -> s.function("ok").createAlias("prod", "$LATEST",
						java.util.Map.of("1", 0.5, "2", 0.2)), LambdaServiceException.class, "Number of items in "
								+ "AdditionalVersionWeights cannot be greater than 1 An alias splits its invocations between its "
								+ "version and one other."),
				call("an alias routed to its own version", s -> {
					String one = s.function("ok").publishVersion();
					s.function("ok").createAlias("prod", one, java.util.Map.of(one, 0.5));
				}, LambdaServiceException.class, "Invalid function version 1. Function version 1 is already included in routing "
						+ "configuration. The additional version must be another one than the alias's."),
				call("an alias of $LATEST that is routed", s -> {
					String one = s.function("ok").publishVersion();
					s.function("ok").createAlias("prod", "$LATEST", java.util.Map.of(one, 0.5));
				}, LambdaServiceException.class, "$LATEST is not supported for an alias pointing to more than 1 version Point the "
						+ "alias at a published version to split its invocations."),
				call("a routing weight above 1", s -> s.function("ok").createAlias("prod", "1", java.util.Map.of("2", 2.0)),
						LambdaServiceException.class, "1 validation error detected: Value '{2=2.0}' at "
								+ "'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy "
								+ "constraint: [Member must have value less than or equal to 1.0, Member must have value greater "
								+ "than or equal to 0.0, Member must not be null]"),
				call("a routing weight for $LATEST", s -> s.function("ok").createAlias("prod", "1",
						java.util.Map.of("$LATEST", 0.5)), LambdaServiceException.class, "1 validation error detected: Value "
								+ "'{$LATEST=0.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map "
								+ "keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must "
								+ "have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]"),
				call("an invocation of a version not published", s -> s.invoke("ok:3", "{}"), LambdaServiceException.class,
						"Function not found: arn:aws:lambda:us-east-1:123456789012:function:ok:3. Function \"ok\" has version "
								+ "$LATEST and no alias. Publish a version with function(\"ok\").publishVersion(); name one with "
								+ "createAlias(name, version)."),
				call("an event invoke config of an alias deleted since", s -> {
					s.function("ok").createAlias("gone", "$LATEST");
					FunctionHandle gone = s.function("ok:gone");
					s.function("ok").deleteAlias("gone");
					gone.putEventInvokeConfig(EventInvokeConfig.builder().maximumRetryAttempts(0).build());
				}, LambdaServiceException.class, "The function doesn't exist. Function \"ok\" has version $LATEST and no alias. "
						+ "Publish a version with function(\"ok\").publishVersion(); name one with createAlias(name, version)."),
				call("a version published through an alias", s -> {
					s.function("ok").createAlias("prod", "$LATEST");
					s.function("ok:prod").publishVersion();
				}, LambdaServiceException.class, "This operation is permitted on Lambda functions only. Aliases and versions do "
						+ "not support this operation. Please specify either a function name or an unqualified function ARN. "
						+ "Call publishVersion() on sandbox.function(\"ok\")."),
				call("a function created with a name that exists", s -> s.createFunction("ok", Ok.class),
						LambdaServiceException.class, "Function already exist: ok. Deploy new code to it with function(\"ok\")"
								+ ".updateCode(…), or give the new function another name."),
				call("a function created with a timeout out of range", s -> s.createFunction(FunctionDefinition.builder("fn",
						Ok.class).timeout(0).build()), IllegalArgumentException.class, "createFunction(name = \"fn\"): timeout = 0 "
								+ "must be 1..900, as in AWS (Timeout, in seconds)."),
				call("a function created with a bad name", s -> s.createFunction("bad name!", Ok.class),
						IllegalArgumentException.class, "createFunction(name = \"bad name!\"): a function name must be 1 to 64 "
								+ "letters, digits, hyphens or underscores, as in AWS."),
				call("a function created without a handler", s -> s.createFunction("fn", null), IllegalArgumentException.class,
						"createFunction(…): give a name and a handler class: createFunction(\"name\", Handler.class), or "
								+ "FunctionDefinition.builder(\"name\", Handler.class)…build()."),
				call("a function created as its own destination", s -> s.createFunction(FunctionDefinition.builder("fn", Ok.class)
						.onSuccess("lambda:fn").build()), IllegalArgumentException.class, "createFunction(name = \"fn\"): "
								+ "onSuccess = \"lambda:fn\": AWS refuses it: \"You can't specify the function as a destination for "
								+ "itself.\""),
				call("a queue created with a bad name", s -> s.createQueue("bad queue"), IllegalArgumentException.class,
						"createQueue(\"bad queue\"): AWS refuses it: \"Can only include alphanumeric characters, hyphens, or "
								+ "underscores. 1 to 80 in length\": a queue name must be 1 to 80 letters, digits, hyphens or "
								+ "underscores (plus \".fifo\" for a FIFO queue), as in AWS."),
				call("a topic created with a bad name", s -> s.createTopic("bad topic"), IllegalArgumentException.class,
						"createTopic(\"bad topic\"): AWS refuses it: \"Invalid parameter: Topic Name\": a topic name must be 1 to "
								+ "256 letters, digits, hyphens or underscores (plus \".fifo\" for a FIFO topic), as in AWS."),
				call("a bucket created with a bad name", s -> s.createBucket("Bucket"), IllegalArgumentException.class,
						"createBucket(\"Bucket\"): AWS refuses it: \"The specified bucket is not valid.\": a bucket name must be 3 "
								+ "to 63 lower-case letters, digits, dots or hyphens, beginning and ending with a letter or digit, "
								+ "as in S3."),
				call("an event bus created twice", s -> s.createEventBus("bus"), IllegalArgumentException.class,
						"createEventBus(\"bus\"): EventBridge refuses it: \"Event bus bus already exists.\" "
								+ "(ResourceAlreadyExistsException). Use sandbox.eventBus(\"bus\")."),
				call("a handler that moves the clock fails its invocation", s -> {
					InvokeResult result = s.invoke("advancing", "{}");
					throw new IllegalStateException(result.functionError() + " " + result.payload());
				}, IllegalStateException.class, "Unhandled {\"errorMessage\":\"clock().advance(…) cannot be called from a "
						+ "handler: the handler would wait for itself.\",\"errorType\":\"java.lang.IllegalStateException\","
						+ "\"stackTrace\":[]}"));
	}

	private static Arguments declared(Class<?> declarations, String message) {
		return Arguments.of(declarations.getSimpleName(), (Call) s -> Sandbox.create(declarations).close(),
				IllegalArgumentException.class, message);
	}

	private static Arguments call(String name, Call call, Class<? extends Throwable> type, String message) {
		return Arguments.of(name, call, type, message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "declarations", "calls" })
	void aBadInputGetsAClearMessageAndTheSandboxStillWorks(String name, Call call, Class<? extends Throwable> type,
			String message) {
		try (Sandbox sandbox = Sandbox.create(Valid.class)) {
			Throwable error = catchThrowable(() -> call.on(sandbox));

			assertThat(error).as(name).isInstanceOf(type).hasMessage(message);
			InvokeResult after = sandbox.invoke("ok", "{}");
			assertThat(after.payload()).isEqualTo("\"ok\"");
			sandbox.invokeAsync("ok", "{}");
			sandbox.settle();
			assertThat(sandbox.queue("done").messages()).hasSize(1);
		}
	}

	@org.junit.jupiter.api.Test
	void theCatalogueHasAtLeastSixtyEntries() {
		List<Arguments> all = new ArrayList<>(declarations().toList());
		all.addAll(calls().toList());
		assertThat(all).hasSizeGreaterThanOrEqualTo(60);
	}
}
