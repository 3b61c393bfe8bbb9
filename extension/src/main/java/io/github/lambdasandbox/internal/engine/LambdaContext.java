package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@code Context} a handler receives. */
final class LambdaContext implements Context {

	private final String requestId;

	private final String functionName;

	private final String invokedArn;

	private final String logStreamName;

	private final int memoryLimit;

	private final long deadlineMillis;

	private final LambdaLogger logger;

	LambdaContext(String requestId, String functionName, String invokedArn, String logStreamName, int memoryLimit,
			long deadlineMillis, java.util.function.Consumer<String> log) {
		this.requestId = requestId;
		this.functionName = functionName;
		this.invokedArn = invokedArn;
		this.logStreamName = logStreamName;
		this.memoryLimit = memoryLimit;
		this.deadlineMillis = deadlineMillis;
		this.logger = new LambdaLogger() {
			@Override
			public void log(String message) {
				log.accept(message == null ? "null" : message);
			}

			@Override
			public void log(byte[] message) {
				log(new String(message, StandardCharsets.UTF_8));
			}
		};
	}

	@Override
	public String getAwsRequestId() {
		return requestId;
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/" + functionName;
	}

	@Override
	public String getLogStreamName() {
		return logStreamName;
	}

	@Override
	public String getFunctionName() {
		return functionName;
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return invokedArn;
	}

	@Override
	public CognitoIdentity getIdentity() {
		return null;
	}

	@Override
	public ClientContext getClientContext() {
		return null;
	}

	@Override
	public int getRemainingTimeInMillis() {
		return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
	}

	@Override
	public int getMemoryLimitInMB() {
		return memoryLimit;
	}

	@Override
	public LambdaLogger getLogger() {
		return logger;
	}
}
