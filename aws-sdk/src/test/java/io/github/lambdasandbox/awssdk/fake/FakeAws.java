package io.github.lambdasandbox.awssdk.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import io.github.lambdasandbox.internal.aws.AwsServices;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small, faithful in-memory {@link AwsServices} for the tests of this module, bound to the test's thread around
 * each test: {@code @RegisterExtension final FakeAws aws = new FakeAws().withQueue("orders");}. Resources are declared
 * up front, as a sandbox declares them with annotations; tests then see them only through AWS SDK clients.
 */
public final class FakeAws implements AwsServices, BeforeEachCallback, AfterEachCallback {

	private Instant now = Instant.parse("2026-11-27T10:15:30.250Z");

	private final FakeS3 s3 = new FakeS3(this::now);

	private final FakeSqs sqs = new FakeSqs(this::now);

	private final FakeSns sns = new FakeSns(sqs);

	private final FakeLambda lambda = new FakeLambda(this::now);

	private final FakeEventBridge eventBridge = new FakeEventBridge(sqs, this::now);

	private final FakeKinesis kinesis = new FakeKinesis(sqs);

	private final FakeDynamoDb dynamoDb = new FakeDynamoDb();

	private AwsServices previous;

	/** The fake's clock: moves one second at each write, so that last-modified times differ. */
	synchronized Instant now() {
		Instant current = now;
		now = now.plus(Duration.ofSeconds(1));
		return current;
	}

	public FakeAws withBucket(String name) {
		s3.create(name);
		return this;
	}

	public FakeAws withQueue(String name) {
		sqs.create(name);
		return this;
	}

	/** A topic whose messages go to the queue, raw (as a subscription with raw message delivery). */
	public FakeAws withTopic(String name, String rawDeliveryQueue) {
		sns.create(name, rawDeliveryQueue);
		return this;
	}

	/** A function: its handler takes the payload and returns the response payload, or throws for a function error. */
	public FakeAws withFunction(String name, Function<String, String> handler) {
		lambda.create(name, handler);
		return this;
	}

	/** A function whose every invocation is throttled (reserved concurrency 0). */
	public FakeAws withThrottledFunction(String name) {
		lambda.createThrottled(name);
		return this;
	}

	/** An event bus whose events all go to the queue, as EventBridge events (a rule matching everything). */
	public FakeAws withEventBus(String name, String targetQueue) {
		eventBridge.create(name, targetQueue);
		return this;
	}

	/** A stream whose records' data also go to the queue as message bodies (as a forwarding consumer would). */
	public FakeAws withStream(String name, String copyToQueue) {
		kinesis.create(name, copyToQueue);
		return this;
	}

	public FakeAws withTable(String name, String partitionKey, String sortKey) {
		dynamoDb.create(name, partitionKey, sortKey);
		return this;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		previous = AwsServices.bind(this);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		AwsServices.bind(previous);
	}

	@Override
	public S3 s3() {
		return s3;
	}

	@Override
	public Sqs sqs() {
		return sqs;
	}

	@Override
	public Sns sns() {
		return sns;
	}

	@Override
	public Lambda lambda() {
		return lambda;
	}

	@Override
	public EventBridge eventBridge() {
		return eventBridge;
	}

	@Override
	public Kinesis kinesis() {
		return kinesis;
	}

	@Override
	public DynamoDb dynamoDb() {
		return dynamoDb;
	}
}
