package io.github.lambdasandbox.internal.config;

/**
 * The checks Lambda makes of a declared function's execution role, as its API makes them when the function, its
 * event invoke config and its mappings are created: AWS's message, then what to change.
 */
final class RoleChecks {

	private RoleChecks() {
	}

	/**
	 * A dead-letter queue (CreateFunction) and destinations (PutFunctionEventInvokeConfig) the role cannot send to.
	 *
	 * @param where {@code @LambdaFunction(name = "f") on T}
	 * @throws InvalidConfigurationException with AWS's message and the fix
	 */
	static void function(String where, RolePolicy role, String deadLetterQueue, TargetRef dlq, String onSuccess,
			TargetRef success, String onFailure, TargetRef failure) {
		if (dlq != null) {
			refuse(where + ": deadLetterQueue = \"" + deadLetterQueue + "\"", role, role.deadLetterQueueRefusal(dlq), dlq);
		}
		if (success != null) {
			refuse(where + ": onSuccess = \"" + onSuccess + "\"", role, role.destinationRefusal(success), success);
		}
		if (failure != null) {
			refuse(where + ": onFailure = \"" + onFailure + "\"", role, role.destinationRefusal(failure), failure);
		}
	}

	/**
	 * A mapping's source the role cannot read (CreateEventSourceMapping).
	 *
	 * @throws InvalidConfigurationException with AWS's message and the fix
	 */
	static void mapping(String where, String function, RolePolicy role, MappingConfig.SourceKind kind, String sourceArn) {
		String refusal = role.mappingRefusal(kind, sourceArn);
		if (refusal != null) {
			throw new InvalidConfigurationException(where + ": AWS refuses it: \"" + refusal + "\" Add "
					+ role.missing(RolePolicy.mappingActions(kind)) + " to the permissions of @LambdaFunction(name = \""
					+ function + "\") (now " + role + "), or leave its permissions out: the role may then do everything.");
		}
	}

	private static void refuse(String at, RolePolicy role, String refusal, TargetRef target) {
		if (refusal != null) {
			throw new InvalidConfigurationException(at + ": AWS refuses it: \"" + refusal + "\" Add "
					+ role.missing(RolePolicy.deliveryActions(target)) + " to permissions (now " + role + "), or leave "
					+ "permissions out: the role may then do everything.");
		}
	}
}
