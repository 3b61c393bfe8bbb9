package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * qualifier; the sandbox has {@code $LATEST} only. Engine only.
 */
final class LambdaApi implements AwsServices.Lambda {

	/** Lambda's model of a function name in Invoke and the event-invoke-config operations. */
	private static final String FUNCTION_NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
			+ "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

	private static final Pattern FUNCTION_NAME = Pattern.compile("(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?"
			+ "(?:([a-z]{2}(?:-gov)?-[a-z]+-\\d{1}):)?(?:(\\d{12}):)?(?:function:)?([a-zA-Z0-9-_\\.]+)"
			+ "(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");

	private static final int FUNCTION_NAME_MAX_LENGTH = 170;

	private static final String LATEST = "$LATEST";

	private static final List<String> INVOCATION_TYPES = List.of("Event", "RequestResponse", "DryRun");

	private final SandboxEngine engine;

	LambdaApi(SandboxEngine engine) {
		this.engine = engine;
	}

	/** A function as a request names it: the name, the qualifier (null if none), region and account (null if none). */
	private record FunctionName(String name, String qualifier, String region, String account) {

		String arn() {
			return "arn:aws:lambda:" + (region == null ? Sandbox.REGION : region) + ":"
					+ (account == null ? Sandbox.ACCOUNT_ID : account) + ":function:" + name
					+ (qualifier == null ? "" : ":" + qualifier);
		}

		boolean inSandbox() {
			return (region == null || region.equals(Sandbox.REGION)) && (account == null || account.equals(Sandbox.ACCOUNT_ID));
		}
	}

	@Override
	public AwsServices.InvokeResult invoke(String functionName, String qualifier, String invocationType, byte[] payload) {
		FunctionName function = functionName(functionName, qualifier);
		if (!INVOCATION_TYPES.contains(invocationType)) {
			throw validation("Value '" + invocationType + "' at 'invocationType' failed to satisfy constraint: Member must "
					+ "satisfy enum value set: [Event, RequestResponse, DryRun]");
		}
		if (!function.inSandbox() || !(function.qualifier() == null || LATEST.equals(function.qualifier()))
				|| !exists(function.name())) {
			throw new ApiRefusal(404, "ResourceNotFoundException", "Function not found: " + function.arn(), null);
		}
		String body = payload == null || payload.length == 0 ? null : new String(payload, StandardCharsets.UTF_8);
		try {
			switch (invocationType) {
				case "Event" -> {
					engine.invokeAsync(function.name(), body);
					return new AwsServices.InvokeResult(202, null, null, null, null);
				}
				case "DryRun" -> {
					engine.dryRun(function.name(), body);
					return new AwsServices.InvokeResult(204, null, null, null, null);
				}
				default -> {
					InvokeResult result = engine.invoke(function.name(), body);
					return new AwsServices.InvokeResult(200, result.payload().getBytes(StandardCharsets.UTF_8),
							result.functionError(), LATEST, log(function.name(), result.requestId()));
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
		FunctionName function = functionName(functionName, qualifier);
		if (!function.inSandbox() || !(function.qualifier() == null || LATEST.equals(function.qualifier()))) {
			throw new ApiRefusal(404, "ResourceNotFoundException", "The function doesn't exist.", null);
		}
		return FunctionUpdates.put(engine, function.name(), maximumRetryAttempts, maximumEventAgeInSeconds, onSuccess,
				onFailure, false);
	}

	@Override
	public AwsServices.EventInvokeConfig getFunctionEventInvokeConfig(String functionName, String qualifier) {
		return FunctionUpdates.get(engine, configuredFunction(functionName, qualifier));
	}

	@Override
	public void deleteFunctionEventInvokeConfig(String functionName, String qualifier) {
		FunctionUpdates.delete(engine, configuredFunction(functionName, qualifier));
	}

	/** The function of a Get or Delete: Lambda answers for any other that it has no EventInvokeConfig. */
	private String configuredFunction(String functionName, String qualifier) {
		FunctionName function = functionName(functionName, qualifier);
		if (!function.inSandbox() || !(function.qualifier() == null || LATEST.equals(function.qualifier()))) {
			throw new ApiRefusal(404, "ResourceNotFoundException", "The function " + function.arn()
					+ " doesn't have an EventInvokeConfig", null);
		}
		return function.name();
	}

	/**
	 * Reads a function name as Lambda's model does.
	 *
	 * @throws ApiRefusal {@code ValidationException} for a name outside the model;
	 *         {@code InvalidParameterValueException} when the name's qualifier and {@code qualifier} differ
	 */
	private static FunctionName functionName(String value, String qualifier) {
		String name = value == null ? "" : value;
		if (name.isEmpty() || name.length() > FUNCTION_NAME_MAX_LENGTH) {
			throw validation("Value '" + name + "' at 'functionName' failed to satisfy constraint: Member must have length "
					+ (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + FUNCTION_NAME_MAX_LENGTH));
		}
		Matcher parts = FUNCTION_NAME.matcher(name);
		if (!parts.matches()) {
			throw validation("Value '" + name + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular "
					+ "expression pattern: " + FUNCTION_NAME_PATTERN);
		}
		String derived = parts.group(4);
		if (derived != null && qualifier != null && !derived.equals(qualifier)) {
			throw new ApiRefusal(400, "InvalidParameterValueException", "The derived qualifier from the function name does "
					+ "not match the specified qualifier.", null);
		}
		return new FunctionName(parts.group(3), derived != null ? derived : qualifier, parts.group(1), parts.group(2));
	}

	private boolean exists(String name) {
		try {
			engine.runtime(name);
			return true;
		}
		catch (LambdaServiceException unknown) {
			return false;
		}
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

	private static ApiRefusal validation(String problem) {
		return new ApiRefusal(400, "ValidationException", "1 validation error detected: " + problem, null);
	}
}
