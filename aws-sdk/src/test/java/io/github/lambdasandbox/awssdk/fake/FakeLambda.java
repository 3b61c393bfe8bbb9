package io.github.lambdasandbox.awssdk.fake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;

/** Functions as Java functions of their payload; a thrown exception is a function error, as the Java runtime writes it. */
final class FakeLambda implements AwsServices.Lambda {

	private final Map<String, Function<String, String>> functions = new HashMap<>();

	private final Set<String> throttled = new HashSet<>();

	private final Map<String, AwsServices.EventInvokeConfig> configs = new HashMap<>();

	private final Supplier<Instant> clock;

	FakeLambda(Supplier<Instant> clock) {
		this.clock = clock;
	}

	void create(String name, Function<String, String> handler) {
		functions.put(name, handler);
	}

	void createThrottled(String name) {
		functions.put(name, payload -> payload);
		throttled.add(name);
	}

	private static String arn(String name) {
		return "arn:aws:lambda:" + AwsServices.REGION + ":" + AwsServices.ACCOUNT_ID + ":function:" + name;
	}

	private synchronized Function<String, String> function(String nameOrArn) {
		String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf(':') + 1) : nameOrArn;
		Function<String, String> function = functions.get(name);
		if (function == null) {
			throw new AwsServiceException(404, "ResourceNotFoundException", "Function not found: " + arn(name), true,
					Map.of("Type", "User"));
		}
		return function;
	}

	@Override
	public AwsServices.InvokeResult invoke(String functionName, String qualifier, String invocationType, byte[] payload) {
		Function<String, String> function = function(functionName);
		if (throttled.contains(functionName)) {
			Map<String, String> fields = new java.util.LinkedHashMap<>();
			fields.put("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded");
			fields.put("Type", "User");
			throw new AwsServiceException(429, "TooManyRequestsException", "Rate Exceeded.", true, fields);
		}
		if (invocationType.equals("DryRun")) {
			return new AwsServices.InvokeResult(204, null, null, null, null);
		}
		String input = new String(payload, StandardCharsets.UTF_8);
		if (invocationType.equals("Event")) {
			try {
				function.apply(input);
			}
			catch (RuntimeException e) {
				// an asynchronous invocation's error goes to its retries and destinations, not to the caller
			}
			return new AwsServices.InvokeResult(202, null, null, null, null);
		}
		try {
			String output = function.apply(input);
			return new AwsServices.InvokeResult(200, output.getBytes(StandardCharsets.UTF_8), null, "$LATEST",
					"START RequestId: 1\nEND RequestId: 1\n");
		}
		catch (RuntimeException e) {
			String error = "{\"errorMessage\":\"" + e.getMessage() + "\",\"errorType\":\"" + e.getClass().getName() + "\"}";
			return new AwsServices.InvokeResult(200, error.getBytes(StandardCharsets.UTF_8), "Unhandled", "$LATEST", null);
		}
	}

	@Override
	public synchronized AwsServices.EventInvokeConfig putFunctionEventInvokeConfig(String functionName, String qualifier,
			Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, String onSuccess, String onFailure) {
		function(functionName);
		AwsServices.EventInvokeConfig config = new AwsServices.EventInvokeConfig(arn(functionName) + ":$LATEST", clock.get(),
				maximumRetryAttempts, maximumEventAgeInSeconds, onSuccess, onFailure);
		configs.put(functionName, config);
		return config;
	}

	@Override
	public synchronized AwsServices.EventInvokeConfig getFunctionEventInvokeConfig(String functionName, String qualifier) {
		function(functionName);
		AwsServices.EventInvokeConfig config = configs.get(functionName);
		if (config == null) {
			throw new AwsServiceException(404, "ResourceNotFoundException",
					"The function " + arn(functionName) + " doesn't have an EventInvokeConfig", true, Map.of("Type", "User"));
		}
		return config;
	}

	@Override
	public synchronized void deleteFunctionEventInvokeConfig(String functionName, String qualifier) {
		getFunctionEventInvokeConfig(functionName, qualifier);
		configs.remove(functionName);
	}
}
