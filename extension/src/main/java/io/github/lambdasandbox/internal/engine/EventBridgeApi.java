package io.github.lambdasandbox.internal.engine;

import java.util.List;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** EventBridge of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class EventBridgeApi implements AwsServices.EventBridge {

	private final SandboxEngine engine;

	EventBridgeApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public AwsServices.PutEventsResult putEvents(List<AwsServices.PutEventsEntry> entries) {
		throw notYet("putEvents");
	}

	private static UnsupportedOperationException notYet(String operation) {
		return new UnsupportedOperationException("EventBridge " + operation + " is not built into the sandbox yet.");
	}
}
