package io.github.lambdasandbox.internal.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.lambdasandbox.EventInvokeConfig;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.config.ApiRefusal;
import io.github.lambdasandbox.internal.config.EventInvokeSettings;
import io.github.lambdasandbox.internal.config.FunctionChanges;
import io.github.lambdasandbox.internal.config.RolePolicy;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;

/**
 * Changes to a running function, for the sandbox's Java API ({@link FunctionHandle}) and for AWS SDK clients
 * ({@link LambdaApi}): Put/Get/DeleteFunctionEventInvokeConfig (of {@code $LATEST}, a version or an alias), a
 * dead-letter queue, new code. Checked on the caller's thread as Lambda checks them ({@link FunctionChanges}), then
 * applied under the lock at the current virtual instant.
 */
final class FunctionUpdates {

	private FunctionUpdates() {
	}

	/**
	 * PutFunctionEventInvokeConfig.
	 *
	 * @param qualifier a version or alias, or null (or {@code $LATEST}) for the function's own
	 * @param shortForms whether destinations may be written shortly ({@code sqs:name}): the Java API's
	 * @throws ApiRefusal as Lambda refuses it; {@code ResourceNotFoundException} ({@code The function doesn't exist.})
	 *         for a version or alias the function does not have
	 */
	static AwsServices.EventInvokeConfig put(SandboxEngine engine, String function, String qualifier,
			Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, String onSuccess, String onFailure,
			boolean shortForms) {
		EventInvokeSettings settings = FunctionChanges.eventInvokeConfig(function, functionNames(engine), maximumRetryAttempts,
				maximumEventAgeInSeconds, onSuccess, onFailure, shortForms);
		inSandbox(engine, settings.onSuccess(), "destination");
		inSandbox(engine, settings.onFailure(), "destination");
		FunctionRuntime runtime = engine.runtime(function);
		RolePolicy role = engine.executive.command(() -> engine.roles.policy(function));
		for (TargetRef destination : new TargetRef[] { settings.onFailure(), settings.onSuccess() }) {
			if (destination != null) {
				refuse(role, role.destinationRefusal(destination), destination);
			}
		}
		AwsServices.EventInvokeConfig put = engine.executive.command(() -> {
			if (qualifier != null && !runtime.hasQualifier(qualifier)) {
				return null;
			}
			runtime.putEventInvokeConfig(qualifier, settings);
			return describe(runtime, qualifier);
		});
		if (put == null) {
			throw new ApiRefusal(404, "ResourceNotFoundException", "The function doesn't exist.", engine.executive.inspect(
					() -> FunctionRef.describeQualifiers(runtime)));
		}
		return put;
	}

	/**
	 * GetFunctionEventInvokeConfig.
	 *
	 * @throws ApiRefusal {@code ResourceNotFoundException} if the function, version or alias has none
	 */
	static AwsServices.EventInvokeConfig get(SandboxEngine engine, String function, String qualifier) {
		FunctionRuntime runtime = existing(engine, function, qualifier);
		AwsServices.EventInvokeConfig config = engine.executive.command(() -> describe(runtime, qualifier));
		if (config == null) {
			throw noConfig(function, qualifier);
		}
		return config;
	}

	/**
	 * DeleteFunctionEventInvokeConfig.
	 *
	 * @throws ApiRefusal {@code ResourceNotFoundException} if the function, version or alias has none
	 */
	static void delete(SandboxEngine engine, String function, String qualifier) {
		FunctionRuntime runtime = existing(engine, function, qualifier);
		boolean had = engine.executive.command(() -> {
			if (runtime.eventInvokeConfig(qualifier) == null) {
				return false;
			}
			runtime.putEventInvokeConfig(qualifier, null);
			return true;
		});
		if (!had) {
			throw noConfig(function, qualifier);
		}
	}

	/** The DeadLetterConfig of UpdateFunctionConfiguration. @throws ApiRefusal for a target that is no queue or topic */
	static void updateDeadLetterConfig(SandboxEngine engine, FunctionRuntime runtime, String target) {
		TargetRef deadLetterQueue = FunctionChanges.deadLetterConfig(target);
		inSandbox(engine, deadLetterQueue, "dead-letter queue");
		if (deadLetterQueue != null) {
			RolePolicy role = engine.executive.command(() -> engine.roles.policy(runtime.name()));
			refuse(role, role.deadLetterQueueRefusal(deadLetterQueue), deadLetterQueue);
		}
		engine.executive.command(() -> {
			runtime.updateDeadLetterQueue(deadLetterQueue);
			return null;
		});
	}

	/** UpdateFunctionCode. */
	static void updateCode(FunctionRuntime runtime, Class<?> handler) {
		if (handler == null) {
			throw new IllegalArgumentException("updateCode(null): give the new handler class, a RequestHandler or "
					+ "RequestStreamHandler with a public no-argument constructor.");
		}
		runtime.updateCode(handler);
	}

	// --- the Java API ------------------------------------------------------------------------------------------

	/** {@link FunctionHandle#putEventInvokeConfig}: Lambda's refusals as {@link LambdaServiceException}s. */
	static void put(SandboxEngine engine, FunctionRuntime runtime, String qualifier, EventInvokeConfig config) {
		if (config == null) {
			throw new IllegalArgumentException("putEventInvokeConfig(null): give an EventInvokeConfig (EventInvokeConfig"
					+ ".builder()…build()); deleteEventInvokeConfig() goes back to Lambda's defaults.");
		}
		try {
			put(engine, runtime.name(), qualifier, config.maximumRetryAttempts(), config.maximumEventAgeInSeconds(),
					config.onSuccess(), config.onFailure(), true);
		}
		catch (ApiRefusal refused) {
			throw javaApi(refused);
		}
	}

	/** {@link FunctionHandle#eventInvokeConfig()}. */
	static java.util.Optional<EventInvokeConfig> get(SandboxEngine engine, FunctionRuntime runtime, String qualifier) {
		AwsServices.EventInvokeConfig config = engine.executive.command(() -> describe(runtime, qualifier));
		return java.util.Optional.ofNullable(config).map(c -> new EventInvokeConfig(c.maximumRetryAttempts(),
				c.maximumEventAgeInSeconds(), c.onSuccess(), c.onFailure()));
	}

	/** {@link FunctionHandle#deleteEventInvokeConfig()}. */
	static void delete(SandboxEngine engine, FunctionRuntime runtime, String qualifier) {
		try {
			delete(engine, runtime.name(), qualifier);
		}
		catch (ApiRefusal refused) {
			throw javaApi(refused);
		}
	}

	/** {@link FunctionHandle#updateDeadLetterConfig}. */
	static void deadLetterConfig(SandboxEngine engine, FunctionRuntime runtime, String target) {
		try {
			updateDeadLetterConfig(engine, runtime, target);
		}
		catch (ApiRefusal refused) {
			throw javaApi(refused);
		}
	}

	static LambdaServiceException javaApi(ApiRefusal refused) {
		return new LambdaServiceException(refused.statusCode(), refused.errorCode(), refused.describe(), null, "User");
	}

	// --- helpers -----------------------------------------------------------------------------------------------

	/** The EventInvokeConfig of a qualifier as Get answers it ({@code FunctionArn} qualified), or null. Lock held. */
	private static AwsServices.EventInvokeConfig describe(FunctionRuntime runtime, String qualifier) {
		EventInvokeSettings settings = runtime.eventInvokeConfig(qualifier);
		if (settings == null) {
			return null;
		}
		return new AwsServices.EventInvokeConfig(Arns.functionVersion(runtime.name(), qualifier == null
				? FunctionRuntime.LATEST : qualifier), runtime.eventInvokeConfigModified(qualifier),
				settings.maximumRetryAttempts(), settings.maximumEventAgeInSeconds(),
				settings.onSuccess() == null ? null : settings.onSuccess().arn(),
				settings.onFailure() == null ? null : settings.onFailure().arn());
	}

	private static Set<String> functionNames(SandboxEngine engine) {
		Set<String> names = new LinkedHashSet<>();
		for (FunctionHandle function : engine.functions()) {
			names.add(function.name());
		}
		return names;
	}

	/** The function, or Lambda's answer to a Get or Delete of a function it does not know. */
	private static FunctionRuntime existing(SandboxEngine engine, String function, String qualifier) {
		try {
			return engine.runtime(function);
		}
		catch (LambdaServiceException unknown) {
			throw noConfig(function, qualifier);
		}
	}

	/** Lambda's answer for a function, version or alias without an EventInvokeConfig (or one it does not know). */
	static ApiRefusal noConfig(String function, String qualifier) {
		return new ApiRefusal(404, "ResourceNotFoundException", "The function " + Arns.functionVersion(function,
				qualifier == null ? FunctionRuntime.LATEST : qualifier) + " doesn't have an EventInvokeConfig", null);
	}

	/**
	 * Refuses a dead-letter queue or destination the execution role cannot send to, with Lambda's message
	 * (InvalidParameterValueException) and the fix.
	 */
	private static void refuse(RolePolicy role, String refusal, TargetRef target) {
		if (refusal != null) {
			throw new ApiRefusal(400, "InvalidParameterValueException", refusal, "— let the role do "
					+ role.missing(RolePolicy.deliveryActions(target)) + " (now " + role + "): executionRole().putRolePolicy(…), "
					+ "or the function's @LambdaFunction(permissions).");
		}
	}

	/**
	 * Checks that a destination or dead-letter queue names a resource of the sandbox (in AWS it would exist already;
	 * here it must be declared).
	 */
	private static void inSandbox(SandboxEngine engine, TargetRef target, String what) {
		if (target == null || target.service() == null) {
			return;
		}
		try {
			switch (target.service()) {
				case SQS -> engine.queueImpl(target.name());
				case SNS -> engine.topicImpl(target.name());
				case EVENTS -> engine.busImpl(target.name());
				case S3 -> engine.bucketImpl(target.name());
				case LAMBDA -> engine.runtime(target.name());
			}
		}
		catch (IllegalArgumentException | LambdaServiceException missing) {
			throw new ApiRefusal(400, "InvalidParameterValueException", "The " + what + " " + target.arn()
					+ " does not exist in this sandbox. " + missing.getMessage(), null);
		}
	}
}
