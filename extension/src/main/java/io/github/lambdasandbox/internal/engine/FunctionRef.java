package io.github.lambdasandbox.internal.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.config.ApiRefusal;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.json.Arns;

/**
 * A function as a caller names it, read as Lambda's API reads a {@code FunctionName}: a name, a partial ARN
 * ({@code 123456789012:function:name}) or an ARN, each with an optional qualifier ({@code name:prod},
 * {@code …:function:name:1}).
 *
 * @param name the function's name
 * @param qualifier the version or alias named ({@code $LATEST}, {@code 1}, {@code prod}), or null
 * @param region the region an ARN names, or null
 * @param account the account an ARN names, or null
 */
record FunctionRef(String name, String qualifier, String region, String account) {

	/** Lambda's model of a function name in Invoke and the event-invoke-config operations. */
	static final String PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
			+ "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

	private static final Pattern PARTS = Pattern.compile("(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?"
			+ "(?:([a-z]{2}(?:-gov)?-[a-z]+-\\d{1}):)?(?:(\\d{12}):)?(?:function:)?([a-zA-Z0-9-_\\.]+)"
			+ "(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");

	static final int MAX_LENGTH = 170;

	/**
	 * Reads a function name as Lambda's model does.
	 *
	 * @param qualifier the request's {@code Qualifier}, or null
	 * @throws ApiRefusal {@code ValidationException} for a name outside the model;
	 *         {@code InvalidParameterValueException} when the name's qualifier and {@code qualifier} differ
	 */
	static FunctionRef parse(String value, String qualifier) {
		String name = value == null ? "" : value;
		if (name.isEmpty() || name.length() > MAX_LENGTH) {
			throw validation("Value '" + name + "' at 'functionName' failed to satisfy constraint: Member must have length "
					+ (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_LENGTH));
		}
		if (plain(name)) {
			// a bare function name, the common case: no need for the model's pattern
			return new FunctionRef(name, qualifier, null, null);
		}
		Matcher parts = PARTS.matcher(name);
		if (!parts.matches()) {
			throw validation("Value '" + name + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular "
					+ "expression pattern: " + PATTERN);
		}
		String derived = parts.group(4);
		if (derived != null && qualifier != null && !derived.equals(qualifier)) {
			throw new ApiRefusal(400, "InvalidParameterValueException", "The derived qualifier from the function name does "
					+ "not match the specified qualifier.", null);
		}
		return new FunctionRef(parts.group(3), derived != null ? derived : qualifier, parts.group(1), parts.group(2));
	}

	/** A name of letters, digits, hyphens, underscores and dots only: no ARN, no qualifier. */
	private static boolean plain(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	static ApiRefusal validation(String problem) {
		return new ApiRefusal(400, "ValidationException", "1 validation error detected: " + problem, null);
	}

	/** The ARN as named: {@code …:function:name}, or {@code …:function:name:qualifier}. */
	String arn() {
		return "arn:aws:lambda:" + (region == null ? Sandbox.REGION : region) + ":"
				+ (account == null ? Sandbox.ACCOUNT_ID : account) + ":function:" + name
				+ (qualifier == null ? "" : ":" + qualifier);
	}

	/** Whether it names the sandbox's account and region (or neither). */
	boolean inSandbox() {
		return (region == null || region.equals(Sandbox.REGION)) && (account == null || account.equals(Sandbox.ACCOUNT_ID));
	}

	/**
	 * The function and qualifier a call of the sandbox's Java API names ({@code f}, {@code f:prod}, an ARN).
	 *
	 * @throws LambdaServiceException 404 {@code ResourceNotFoundException}, AWS's {@code Function not found: <arn>}, with
	 *         the functions there are, or the versions and aliases of the function
	 */
	static Resolved resolve(SandboxEngine engine, String functionName) {
		FunctionRef ref = functionName == null ? null : javaApi(functionName);
		if (ref == null || !ref.inSandbox()) {
			// not a name Lambda would take: no function of this sandbox has it
			return new Resolved(engine.runtime(String.valueOf(functionName)), null);
		}
		FunctionRuntime function = engine.runtime(ref.name());
		String qualifier = ref.qualifier();
		if (qualifier == null) {
			return new Resolved(function, null);
		}
		String known = engine.executive.inspect(() -> function.hasQualifier(qualifier) ? null : describeQualifiers(function));
		if (known != null) {
			throw new LambdaServiceException(404, "ResourceNotFoundException", "Function not found: "
					+ Arns.functionVersion(function.name(), qualifier) + ". " + known, null, "User");
		}
		return new Resolved(function, qualifier);
	}

	/** The name as the Java API reads it, or null if Lambda's model would refuse it. */
	private static FunctionRef javaApi(String functionName) {
		try {
			return parse(functionName, null);
		}
		catch (ApiRefusal notAName) {
			return null;
		}
	}

	/** "Function \"f\" has versions $LATEST, 1 and aliases \"prod\". …", for a qualifier it does not have. Lock held. */
	static String describeQualifiers(FunctionRuntime function) {
		List<String> versions = function.versions();
		List<String> aliases = function.aliases().stream().map(FunctionRuntime.AliasState::name).toList();
		return "Function \"" + function.name() + "\" has " + (versions.size() == 1 ? "version " : "versions ")
				+ String.join(", ", versions) + " and " + (aliases.isEmpty() ? "no alias" : (aliases.size() == 1 ? "alias "
						: "aliases ") + ConfigReader.quoted(aliases)) + ". Publish a version with function(\"" + function.name()
				+ "\").publishVersion(); name one with createAlias(name, version).";
	}

	/** A function of the sandbox and the version or alias named (null: unqualified). */
	record Resolved(FunctionRuntime function, String qualifier) {

		/** {@code f} or {@code f:prod}. */
		String invokedAs() {
			return qualifier == null ? function.name() : function.name() + ":" + qualifier;
		}
	}
}
