package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The {@code Context} a handler receives: the ARN as the caller named the function (unqualified, or with the version
 * or alias it named), the version that runs, the log stream of its execution environment.
 */
final class LambdaContext implements Context {

	private final AttemptRun run;

	private final String invokedArn;

	private final int memoryLimit;

	private final LambdaLogger logger;

	LambdaContext(AttemptRun run, String invokedArn, int memoryLimit) {
		this.run = run;
		this.invokedArn = invokedArn;
		this.memoryLimit = memoryLimit;
		this.logger = new LambdaLogger() {
			@Override
			public void log(String message) {
				String line = message == null ? "null" : message;
				run.log(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
			}

			@Override
			public void log(byte[] message) {
				log(new String(message, StandardCharsets.UTF_8));
			}
		};
	}

	@Override
	public String getAwsRequestId() {
		return run.requestId;
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/" + run.function.name();
	}

	@Override
	public String getLogStreamName() {
		return run.environment.logStream;
	}

	@Override
	public String getFunctionName() {
		return run.function.name();
	}

	/** The version that runs: {@code $LATEST}, or the published version ({@code 1}) a qualifier named or an alias chose. */
	@Override
	public String getFunctionVersion() {
		return run.environment.version;
	}

	/** {@code arn:aws:lambda:…:function:f}, or {@code …:function:f:prod} when the caller named an alias or version. */
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

	/** The function's timeout less the virtual time the attempt waited and the real time its code ran. */
	@Override
	public int getRemainingTimeInMillis() {
		return run.remainingMillis();
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
