package io.github.lambdasandbox.internal.engine;

import io.github.lambdasandbox.internal.aws.AwsServices;

/**
 * The sandbox's services by AWS operation ({@link AwsServices}), for AWS SDK clients: one class per service, each
 * applying its operations through the executive at the current virtual instant. Engine only.
 */
final class EngineServices implements AwsServices {

	private final S3 s3;

	private final Sqs sqs;

	private final Sns sns;

	private final Lambda lambda;

	private final EventBridge eventBridge;

	private final Kinesis kinesis;

	private final DynamoDb dynamoDb;

	/** The attempt whose handler calls, if the calling thread runs one of this sandbox's handlers; else null. */
	static AttemptRun caller(SandboxEngine engine) {
		AttemptRun run = Executive.CURRENT.get();
		return run != null && run.executive == engine.executive ? run : null;
	}

	/** Each service behind the handlers' execution roles ({@link ExecutionRoles#guard}): test code may do everything. */
	EngineServices(SandboxEngine engine) {
		ExecutionRoles roles = engine.roles;
		this.s3 = roles.guard(S3.class, new S3Api(engine), "s3");
		this.sqs = roles.guard(Sqs.class, new SqsApi(engine), "sqs");
		this.sns = roles.guard(Sns.class, new SnsApi(engine), "sns");
		this.lambda = roles.guard(Lambda.class, new LambdaApi(engine), "lambda");
		this.eventBridge = roles.guard(EventBridge.class, new EventBridgeApi(engine), "events");
		this.kinesis = roles.guard(Kinesis.class, new KinesisApi(engine), "kinesis");
		this.dynamoDb = roles.guard(DynamoDb.class, new DynamoDbApi(engine), "dynamodb");
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
