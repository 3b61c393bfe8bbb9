package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.config.ApiRefusal;

/**
 * Lambda of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Invoke runs
 * as {@link Sandbox#invoke} (from a handler too: the handler waits in virtual time), and answers in AWS's terms:
 * AWS's messages without the sandbox's hints, the log of the request for {@code LogType: Tail}. Functions are named
 * as Lambda's API takes them: a name, a partial ARN ({@code 123456789012:function:name}) or an ARN, with an optional
 * qualifier ({@code $LATEST}, a published version or an alias: {@link FunctionRef}). Engine only.
 */
final class LambdaApi implements AwsServices.Lambda {

	private static final List<String> INVOCATION_TYPES = List.of("Event", "RequestResponse", "DryRun");

	private final SandboxEngine engine;

	LambdaApi(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public AwsServices.InvokeResult invoke(String functionName, String qualifier, String invocationType, byte[] payload) {
		FunctionRef function = FunctionRef.parse(functionName, qualifier);
		if (!INVOCATION_TYPES.contains(invocationType)) {
			throw FunctionRef.validation("Value '" + invocationType + "' at 'invocationType' failed to satisfy constraint: "
					+ "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
		}
		if (!function.inSandbox() || !exists(function.name(), function.qualifier())) {
			throw new ApiRefusal(404, "ResourceNotFoundException", "Function not found: " + function.arn(), null);
		}
		String body = payload == null || payload.length == 0 ? null : new String(payload, StandardCharsets.UTF_8);
		String invoked = function.qualifier() == null ? function.name() : function.name() + ":" + function.qualifier();
		try {
			switch (invocationType) {
				case "Event" -> {
					engine.invokeAsync(invoked, body);
					return new AwsServices.InvokeResult(202, null, null, null, null);
				}
				case "DryRun" -> {
					engine.dryRun(invoked, body);
					return new AwsServices.InvokeResult(204, null, null, null, null);
				}
				default -> {
					InvokeResult result = engine.invoke(invoked, body);
					return new AwsServices.InvokeResult(200, result.payload().getBytes(StandardCharsets.UTF_8),
							result.functionError(), result.executedVersion(), log(function.name(), result.requestId()));
				}
			}
		}
		catch (LambdaServiceException refused) {
			throw onTheWire(refused);
		}
	}

	@Override
	public AwsServices.EventInvokeConfig putFunctionEventInvokeConfig(String functionName, String qualifier,
			Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, String onSuccess, String onFailure) {
		FunctionRef function = FunctionRef.parse(functionName, qualifier);
		if (!function.inSandbox()) {
			throw new ApiRefusal(404, "ResourceNotFoundException", "The function doesn't exist.", null);
		}
		try {
			return FunctionUpdates.put(engine, function.name(), function.qualifier(), maximumRetryAttempts,
					maximumEventAgeInSeconds, onSuccess, onFailure, false);
		}
		catch (ApiRefusal refused) {
			// AWS's message alone: the sandbox's hints are for its Java API
			throw new ApiRefusal(refused.statusCode(), refused.errorCode(), refused.getMessage(), null);
		}
	}

	@Override
	public AwsServices.EventInvokeConfig getFunctionEventInvokeConfig(String functionName, String qualifier) {
		FunctionRef function = configuredFunction(functionName, qualifier);
		return FunctionUpdates.get(engine, function.name(), function.qualifier());
	}

	@Override
	public void deleteFunctionEventInvokeConfig(String functionName, String qualifier) {
		FunctionRef function = configuredFunction(functionName, qualifier);
		FunctionUpdates.delete(engine, function.name(), function.qualifier());
	}

	/** The function of a Get or Delete: Lambda answers for any other that it has no EventInvokeConfig. */
	private static FunctionRef configuredFunction(String functionName, String qualifier) {
		FunctionRef function = FunctionRef.parse(functionName, qualifier);
		if (!function.inSandbox()) {
			throw new ApiRefusal(404, "ResourceNotFoundException", "The function " + function.arn()
					+ " doesn't have an EventInvokeConfig", null);
		}
		return function;
	}

	/** Whether the function exists, and has the version or alias named (if one is). */
	private boolean exists(String name, String qualifier) {
		FunctionRuntime function;
		try {
			function = engine.runtime(name);
		}
		catch (LambdaServiceException unknown) {
			return false;
		}
		return qualifier == null || engine.executive.inspect(() -> function.hasQualifier(qualifier));
	}

	/** The request's log lines, START to REPORT, as {@code LogType: Tail} returns them (the protocol keeps the last 4 KB). */
	private String log(String function, String requestId) {
		int timeout = engine.runtime(function).config().timeoutSeconds();
		List<String> lines = engine.executive.inspect(() -> FunctionViews.logs(engine.journal.ofRequest(requestId), timeout));
		StringBuilder log = new StringBuilder();
		lines.forEach(line -> log.append(line).append('\n'));
		return log.toString();
	}

	/** An error of the sandbox's Java API as the Lambda service sends it: its code, message, {@code Reason} and {@code Type}. */
	private static AwsServiceException onTheWire(LambdaServiceException refused) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (refused.reason() != null) {
			fields.put("Reason", refused.reason());
		}
		fields.put("Type", refused.type() != null ? refused.type() : refused.statusCode() < 500 ? "User" : "Service");
		return new AwsServiceException(refused.statusCode(), refused.errorCode(), refused.getMessage(),
				refused.statusCode() < 500, fields);
	}
}
