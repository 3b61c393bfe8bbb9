package io.github.lambdasandbox.internal.engine;

import io.github.lambdasandbox.internal.aws.AwsServices;

/**
 * The sandbox's services by AWS operation ({@link AwsServices}), for AWS SDK clients: one class per service, each
 * applying its operations through the executive at the current virtual instant. Engine only.
 */
final class EngineServices implements AwsServices {

	private final S3Api s3;

	private final SqsApi sqs;

	private final SnsApi sns;

	private final LambdaApi lambda;

	private final EventBridgeApi eventBridge;

	private final KinesisApi kinesis;

	private final DynamoDbApi dynamoDb;

	/** The attempt whose handler calls, if the calling thread runs one of this sandbox's handlers; else null. */
	static AttemptRun caller(SandboxEngine engine) {
		AttemptRun run = Executive.CURRENT.get();
		return run != null && run.executive == engine.executive ? run : null;
	}

	EngineServices(SandboxEngine engine) {
		this.s3 = new S3Api(engine);
		this.sqs = new SqsApi(engine);
		this.sns = new SnsApi(engine);
		this.lambda = new LambdaApi(engine);
		this.eventBridge = new EventBridgeApi(engine);
		this.kinesis = new KinesisApi(engine);
		this.dynamoDb = new DynamoDbApi(engine);
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
