package io.github.lambdasandbox.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.lambdasandbox.AliasConfiguration;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.internal.config.ApiRefusal;
import io.github.lambdasandbox.internal.json.Arns;

/**
 * PublishVersion, CreateAlias, UpdateAlias and DeleteAlias, checked as Lambda checks them, with AWS's texts (recorded
 * from AWS), then applied under the lock at the current virtual instant. For the sandbox's Java API
 * ({@link FunctionHandle}); the messages add what to do.
 */
final class FunctionVersions {

	/** Lambda's model of an alias name: letters, digits, hyphens and underscores, not only digits; 1 to 128. */
	static final String ALIAS_PATTERN = "(?!^[0-9]+$)([a-zA-Z0-9-_]+)";

	private static final Pattern ALIAS = Pattern.compile(ALIAS_PATTERN);

	/** Lambda's model of the version an alias invokes. */
	static final String VERSION_PATTERN = "(\\$LATEST|[0-9]+)";

	private static final Pattern VERSION = Pattern.compile(VERSION_PATTERN);

	/** Lambda's model of the keys of {@code AdditionalVersionWeights}. */
	private static final Pattern WEIGHT_KEY = Pattern.compile("[0-9]+");

	private static final int ALIAS_MAX_LENGTH = 128;

	private static final int VERSION_MAX_LENGTH = 1024;

	private FunctionVersions() {
	}

	/** PublishVersion: the new version, or the latest one if code and configuration did not change since. */
	static String publish(SandboxEngine engine, FunctionRuntime function) {
		return engine.executive.command(function::publishVersion);
	}

	/** ListVersionsByFunction: {@code $LATEST} and the published versions, oldest first. */
	static List<String> versions(SandboxEngine engine, FunctionRuntime function) {
		return engine.executive.inspect(function::versions);
	}

	/** ListAliases. */
	static List<AliasConfiguration> aliases(SandboxEngine engine, FunctionRuntime function) {
		return engine.executive.inspect(() -> function.aliases().stream().map(a -> describe(function, a)).toList());
	}

	/**
	 * CreateAlias ({@code create}) or UpdateAlias.
	 *
	 * @param version the version it invokes; for an update, null keeps the alias's
	 * @param weights the routing configuration; for an update, null keeps the alias's; empty: none
	 * @throws ApiRefusal as Lambda refuses it
	 */
	static AliasConfiguration putAlias(SandboxEngine engine, FunctionRuntime function, String name, String version,
			Map<String, Double> weights, boolean create) {
		checkModel(name, version, weights, create);
		if (weights != null && weights.size() > 1) {
			throw new ApiRefusal(400, "InvalidParameterValueException", "Number of items in AdditionalVersionWeights cannot "
					+ "be greater than 1", "An alias splits its invocations between its version and one other.");
		}
		return engine.executive.command(() -> {
			FunctionRuntime.AliasState existing = function.alias(name);
			String aliasArn = Arns.functionVersion(function.name(), name);
			if (!create && existing == null) {
				throw new ApiRefusal(404, "ResourceNotFoundException", "Alias not found: " + aliasArn,
						"Create it with createAlias(\"" + name + "\", version).");
			}
			String target = version != null ? version : existing.version();
			String additional = weights == null ? (existing == null ? null : existing.additionalVersion())
					: weights.isEmpty() ? null : weights.keySet().iterator().next();
			double weight = weights == null ? (existing == null ? 0 : existing.additionalWeight())
					: weights.isEmpty() ? 0 : weights.values().iterator().next();
			if (additional != null && additional.equals(target)) {
				throw new ApiRefusal(400, "InvalidParameterValueException", "Invalid function version " + target
						+ ". Function version " + target + " is already included in routing configuration.",
						"The additional version must be another one than the alias's.");
			}
			if (additional != null && FunctionRuntime.LATEST.equals(target)) {
				throw new ApiRefusal(400, "InvalidParameterValueException", "$LATEST is not supported for an alias pointing to "
						+ "more than 1 version", "Point the alias at a published version to split its invocations.");
			}
			for (String needed : additional == null ? List.of(target) : List.of(target, additional)) {
				if (!function.hasVersion(needed)) {
					throw new ApiRefusal(404, "ResourceNotFoundException", "Function not found: "
							+ Arns.functionVersion(function.name(), needed), FunctionRef.describeQualifiers(function));
				}
			}
			if (create && existing != null) {
				throw new ApiRefusal(409, "ResourceConflictException", "Alias already exists: " + aliasArn,
						"Move it with updateAlias(\"" + name + "\", version).");
			}
			FunctionRuntime.AliasState alias = new FunctionRuntime.AliasState(name, target, additional, weight);
			function.putAlias(alias);
			return describe(function, alias);
		});
	}

	/** DeleteAlias: 204 whether or not the alias exists, as in AWS. */
	static void deleteAlias(SandboxEngine engine, FunctionRuntime function, String name) {
		engine.executive.command(() -> {
			function.deleteAlias(name);
			return null;
		});
	}

	/** Lambda's model: the alias's name, the version's pattern, the weights' keys and values. */
	private static void checkModel(String name, String version, Map<String, Double> weights, boolean create) {
		String alias = name == null ? "" : name;
		if (alias.isEmpty() || alias.length() > ALIAS_MAX_LENGTH) {
			throw FunctionRef.validation("Value '" + alias + "' at 'name' failed to satisfy constraint: Member must have length "
					+ (alias.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + ALIAS_MAX_LENGTH));
		}
		if (!ALIAS.matcher(alias).matches()) {
			throw FunctionRef.validation("Value '" + alias + "' at 'name' failed to satisfy constraint: Member must satisfy "
					+ "regular expression pattern: " + ALIAS_PATTERN);
		}
		if (version != null || create) {
			String v = version == null ? "" : version;
			if (v.isEmpty() || v.length() > VERSION_MAX_LENGTH) {
				throw FunctionRef.validation("Value '" + v + "' at 'functionVersion' failed to satisfy constraint: Member must "
						+ "have length " + (v.isEmpty() ? "greater than or equal to 1" : "less than or equal to "
								+ VERSION_MAX_LENGTH));
			}
			if (!VERSION.matcher(v).matches()) {
				throw FunctionRef.validation("Value '" + v + "' at 'functionVersion' failed to satisfy constraint: Member must "
						+ "satisfy regular expression pattern: " + VERSION_PATTERN);
			}
		}
		if (weights == null) {
			return;
		}
		for (Map.Entry<String, Double> weight : weights.entrySet()) {
			String key = weight.getKey() == null ? "" : weight.getKey();
			if (key.isEmpty() || key.length() > VERSION_MAX_LENGTH || !WEIGHT_KEY.matcher(key).matches()) {
				throw FunctionRef.validation("Value '" + weights + "' at 'routingConfig.additionalVersionWeights' failed to "
						+ "satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to "
						+ "1024, Member must have length greater than or equal to 1, Member must satisfy regular expression "
						+ "pattern: [0-9]+]");
			}
			Double value = weight.getValue();
			if (value == null || value < 0 || value > 1 || value.isNaN()) {
				throw FunctionRef.validation("Value '" + weights + "' at 'routingConfig.additionalVersionWeights' failed to "
						+ "satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to "
						+ "1.0, Member must have value greater than or equal to 0.0, Member must not be null]");
			}
		}
	}

	/** What CreateAlias and GetAlias answer. */
	private static AliasConfiguration describe(FunctionRuntime function, FunctionRuntime.AliasState alias) {
		return new AliasConfiguration(alias.name(), Arns.functionVersion(function.name(), alias.name()), alias.version(),
				alias.additionalVersion() == null ? Map.of() : Map.of(alias.additionalVersion(), alias.additionalWeight()));
	}
}
