package io.github.lambdasandbox.internal.engine;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** Lambda of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class LambdaApi implements AwsServices.Lambda {

	private final SandboxEngine engine;

	LambdaApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public AwsServices.InvokeResult invoke(String functionName, String qualifier, String invocationType, byte[] payload) {
		throw notYet("invoke");
	}

	@Override
	public AwsServices.EventInvokeConfig putFunctionEventInvokeConfig(String functionName, String qualifier, Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, String onSuccess, String onFailure) {
		throw notYet("putFunctionEventInvokeConfig");
	}

	@Override
	public AwsServices.EventInvokeConfig getFunctionEventInvokeConfig(String functionName, String qualifier) {
		throw notYet("getFunctionEventInvokeConfig");
	}

	@Override
	public void deleteFunctionEventInvokeConfig(String functionName, String qualifier) {
		throw notYet("deleteFunctionEventInvokeConfig");
	}

	private static UnsupportedOperationException notYet(String operation) {
		return new UnsupportedOperationException("Lambda " + operation + " is not built into the sandbox yet.");
	}
}
