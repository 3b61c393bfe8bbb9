package io.github.lambdasandbox.internal.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.lambdasandbox.AliasConfiguration;
import io.github.lambdasandbox.EventInvokeConfig;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.MetricStatistics;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.config.ApiRefusal;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;

/**
 * The {@link FunctionHandle} of a function ({@code qualifier} null), or of one of its versions or aliases: what it
 * invokes, configures and counts is that qualifier's; what belongs to the function (code, dead-letter queue, versions,
 * aliases) only the function's handle changes.
 */
final class QualifiedFunction implements FunctionHandle {

	/** AWS's answer when an operation on the function is given a version or alias (recorded from AWS). */
	private static final String FUNCTIONS_ONLY = "This operation is permitted on Lambda functions only. Aliases and versions "
			+ "do not support this operation. Please specify either a function name or an unqualified function ARN.";

	private final SandboxEngine engine;

	private final FunctionRuntime runtime;

	private final String qualifier;

	QualifiedFunction(SandboxEngine engine, FunctionRuntime runtime, String qualifier) {
		this.engine = engine;
		this.runtime = runtime;
		this.qualifier = qualifier;
	}

	@Override
	public Sandbox sandbox() {
		return engine;
	}

	@Override
	public String name() {
		return runtime.name();
	}

	@Override
	public String qualifier() {
		return qualifier;
	}

	@Override
	public String arn() {
		return qualifier == null ? Arns.function(runtime.name()) : Arns.functionVersion(runtime.name(), qualifier);
	}

	/** {@code f} or {@code f:prod}: how the sandbox's invoke names it. */
	private String invokedAs() {
		return qualifier == null ? runtime.name() : runtime.name() + ":" + qualifier;
	}

	@Override
	public InvokeResult invoke(String payload) {
		return engine.invoke(invokedAs(), payload);
	}

	@Override
	public InvokeResult invokeAsync(String payload) {
		return engine.invokeAsync(invokedAs(), payload);
	}

	@Override
	public long metric(String metricName) {
		return Math.round(metricStatistics(metricName).sum());
	}

	@Override
	public MetricStatistics metricStatistics(String metricName) {
		return engine.executive.read(() -> FunctionViews.statistics(entries(), metricName));
	}

	@Override
	public List<String> logs() {
		return engine.executive.read(() -> FunctionViews.logs(entries(), runtime.config().timeoutSeconds()));
	}

	/** The function's journal entries; for a qualifier, those of the requests made through it. Lock held. */
	private List<JournalEntry> entries() {
		List<JournalEntry> entries = engine.journal.ofFunction(runtime.name());
		if (qualifier == null) {
			return entries;
		}
		Set<String> requests = new HashSet<>();
		for (JournalEntry entry : entries) {
			if (entry instanceof JournalEntry.Accepted accepted && qualifier.equals(accepted.qualifier())) {
				requests.add(accepted.requestId());
			}
		}
		return entries.stream().filter(e -> e.requestId() != null && requests.contains(e.requestId())).toList();
	}

	@Override
	public void simulateThrottles(int attempts) {
		engine.executive.command(() -> {
			runtime.simulateThrottles(attempts);
			return null;
		});
	}

	@Override
	public void injectFault(io.github.lambdasandbox.Fault fault) {
		java.util.Objects.requireNonNull(fault, "fault");
		engine.executive.command(() -> {
			engine.faults.injectIntoFunction(runtime.name(), fault);
			return null;
		});
	}

	@Override
	public void deliverNextEventTwice() {
		engine.executive.command(() -> {
			engine.faults.duplicateNext("lambda:" + runtime.name(), 1);
			return null;
		});
	}

	@Override
	public Optional<Throwable> lastError() {
		return engine.executive.read(() -> Optional.ofNullable(runtime.lastError()));
	}

	@Override
	public Optional<String> onSuccess() {
		return Optional.ofNullable(config().onSuccess()).map(TargetRef::toString);
	}

	@Override
	public Optional<String> onFailure() {
		return Optional.ofNullable(config().onFailure()).map(TargetRef::toString);
	}

	@Override
	public Optional<String> deadLetterQueue() {
		return Optional.ofNullable(runtime.config().deadLetterQueue()).map(TargetRef::toString);
	}

	@Override
	public io.github.lambdasandbox.ExecutionRole executionRole() {
		return engine.roles.role(runtime.name());
	}

	@Override
	public io.github.lambdasandbox.RecursiveLoop recursiveLoop() {
		return engine.executive.read(() -> engine.recursion.setting(runtime.name()));
	}

	@Override
	public void putFunctionRecursionConfig(io.github.lambdasandbox.RecursiveLoop recursiveLoop) {
		functionOnly("putFunctionRecursionConfig(…)");
		if (recursiveLoop == null) {
			throw new LambdaServiceException(400, "ValidationException", "1 validation error detected: Value null at "
					+ "'recursiveLoop' failed to satisfy constraint: Member must not be null. Give RecursiveLoop.ALLOW or "
					+ "RecursiveLoop.TERMINATE (Lambda's default).", null, "User");
		}
		engine.executive.command(() -> {
			engine.recursion.put(runtime.name(), recursiveLoop);
			return null;
		});
	}

	private io.github.lambdasandbox.internal.config.FunctionConfig config() {
		return qualifier == null ? runtime.config() : engine.executive.inspect(() -> runtime.config(qualifier));
	}

	@Override
	public void putEventInvokeConfig(EventInvokeConfig config) {
		FunctionUpdates.put(engine, runtime, qualifier, config);
	}

	@Override
	public Optional<EventInvokeConfig> eventInvokeConfig() {
		return FunctionUpdates.get(engine, runtime, qualifier);
	}

	@Override
	public void deleteEventInvokeConfig() {
		FunctionUpdates.delete(engine, runtime, qualifier);
	}

	@Override
	public void updateCode(Class<?> handler) {
		functionOnly("updateCode(…)");
		FunctionUpdates.updateCode(runtime, handler);
	}

	@Override
	public void updateDeadLetterConfig(String target) {
		functionOnly("updateDeadLetterConfig(…)");
		FunctionUpdates.deadLetterConfig(engine, runtime, target);
	}

	@Override
	public String publishVersion() {
		functionOnly("publishVersion()");
		return FunctionVersions.publish(engine, runtime);
	}

	@Override
	public List<String> versions() {
		return FunctionVersions.versions(engine, runtime);
	}

	@Override
	public AliasConfiguration createAlias(String name, String functionVersion) {
		return putAlias("createAlias(…)", name, functionVersion, null, true);
	}

	@Override
	public AliasConfiguration createAlias(String name, String functionVersion, Map<String, Double> additionalVersionWeights) {
		return putAlias("createAlias(…)", name, functionVersion, additionalVersionWeights == null ? Map.of()
				: additionalVersionWeights, true);
	}

	@Override
	public AliasConfiguration updateAlias(String name, String functionVersion) {
		return putAlias("updateAlias(…)", name, functionVersion, null, false);
	}

	@Override
	public AliasConfiguration updateAlias(String name, String functionVersion, Map<String, Double> additionalVersionWeights) {
		return putAlias("updateAlias(…)", name, functionVersion, additionalVersionWeights == null ? Map.of()
				: additionalVersionWeights, false);
	}

	private AliasConfiguration putAlias(String operation, String name, String functionVersion, Map<String, Double> weights,
			boolean create) {
		functionOnly(operation);
		try {
			return FunctionVersions.putAlias(engine, runtime, name, functionVersion, weights, create);
		}
		catch (ApiRefusal refused) {
			throw FunctionUpdates.javaApi(refused);
		}
	}

	@Override
	public void deleteAlias(String name) {
		functionOnly("deleteAlias(…)");
		FunctionVersions.deleteAlias(engine, runtime, name);
	}

	@Override
	public List<AliasConfiguration> aliases() {
		return FunctionVersions.aliases(engine, runtime);
	}

	/** Refuses an operation on the function made through a version's or alias's handle, as AWS does. */
	private void functionOnly(String operation) {
		if (qualifier != null) {
			throw new LambdaServiceException(400, "InvalidParameterValueException", FUNCTIONS_ONLY + " Call " + operation
					+ " on sandbox.function(\"" + runtime.name() + "\").", null, "User");
		}
	}

	@Override
	public String toString() {
		return "Function[" + invokedAs() + "]";
	}
}
