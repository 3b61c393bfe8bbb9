package io.github.lambdasandbox.internal.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.lambdasandbox.EventSourceMappingHandle;
import io.github.lambdasandbox.ExecutionRole;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.config.InvalidConfigurationException;
import io.github.lambdasandbox.internal.config.RolePolicy;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.json.Arns;
import io.github.lambdasandbox.internal.json.IamIdentities;
import io.github.lambdasandbox.internal.json.KinesisEvents;

/**
 * The functions' execution roles as they are now (the declaration's permissions until {@code PutRolePolicy}), and what
 * they stop: a delivery of Lambda's to a dead-letter queue or destination, an event source mapping's reading, and the
 * AWS SDK calls of a handler, which get the service's access-denied error. The test's own calls are the account
 * administrator's: always allowed. Engine only, lock held, except {@link #guard} (any thread).
 */
final class ExecutionRoles {

	private final SandboxEngine engine;

	private final Map<String, RolePolicy> policies = new HashMap<>();

	ExecutionRoles(SandboxEngine engine) {
		this.engine = engine;
	}

	/** The role's policy now: as PutRolePolicy last set it, else as the function was declared or created. */
	RolePolicy policy(String function) {
		RolePolicy policy = policies.get(function);
		if (policy != null) {
			return policy;
		}
		FunctionRuntime runtime = engine.functions.get(function);
		return runtime == null || runtime.config().role() == null ? RolePolicy.ALLOW_ALL : runtime.config().role();
	}

	boolean allows(String function, String action) {
		return policy(function).allows(action);
	}

	/**
	 * Why Lambda cannot send to {@code target} for {@code function} with its role now (journal text), or null if it
	 * can: the first action the role lacks.
	 */
	String deliveryDenied(String function, TargetRef target) {
		String denied = policy(function).firstDenied(RolePolicy.deliveryActions(target));
		return denied == null ? null : "the execution role " + IamIdentities.executionRoleName(function) + " may not do "
				+ denied + " (AccessDenied)";
	}

	/** PutRolePolicy: the role may do these actions from now on; the function's mappings read their sources again. */
	private void put(String function, RolePolicy policy) {
		policies.put(function, policy);
		for (EventSourceMappingHandle handle : engine.eventSourceMappings()) {
			Mapping mapping = (Mapping) handle;
			if (mapping.functionName().equals(function) && mapping.isEnabled()) {
				mapping.poller().changed();
			}
		}
	}

	/** The {@link ExecutionRole} of a function. */
	ExecutionRole role(String function) {
		return new Role(function);
	}

	private final class Role implements ExecutionRole {

		private final String function;

		Role(String function) {
			this.function = function;
		}

		@Override
		public String roleName() {
			return IamIdentities.executionRoleName(function);
		}

		@Override
		public String arn() {
			return IamIdentities.executionRoleArn(function);
		}

		@Override
		public List<String> permissions() {
			return engine.executive.read(() -> policy(function).actions());
		}

		@Override
		public boolean allows(String action) {
			return engine.executive.read(() -> policy(function).allows(action));
		}

		@Override
		public void putRolePolicy(String... actions) {
			RolePolicy policy;
			try {
				policy = RolePolicy.of("executionRole().putRolePolicy(…) of function \"" + function + "\"", actions);
			}
			catch (InvalidConfigurationException e) {
				throw new IllegalArgumentException(e.getMessage());
			}
			engine.executive.command(() -> {
				put(function, policy);
				return null;
			});
		}

		@Override
		public String toString() {
			return "ExecutionRole[" + roleName() + "]";
		}
	}

	// --- AWS SDK calls of handlers -----------------------------------------------------------------------------

	/** An action of a call and the resource it acts on. */
	private record Access(String action, String resource) {
	}

	/**
	 * {@code service} as a handler's AWS SDK client reaches it: each call first checks that the handler's execution
	 * role may do what it asks, and fails as the service fails it (its error code and text) if not.
	 *
	 * @param prefix the service's prefix in IAM actions: {@code sqs}, {@code s3} …
	 */
	@SuppressWarnings("unchecked")
	<T> T guard(Class<T> type, T service, String prefix) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getDeclaringClass() == Object.class) {
				return method.invoke(service, args);
			}
			AttemptRun caller = EngineServices.caller(engine);
			if (caller != null) {
				String function = caller.function.name();
				for (Access access : accesses(prefix, method, args == null ? new Object[0] : args)) {
					boolean allowed = engine.executive.command(() -> allows(function, access.action()));
					if (!allowed) {
						throw accessDenied(prefix, function, access.action(), access.resource());
					}
				}
				if (prefix.equals("events")) {
					// a chain of requests does not go on through EventBridge: Lambda cannot follow it there
					return engine.executive.command(() -> engine.recursion.unfollowed(() -> call(service, method, args)));
				}
			}
			return call(service, method, args);
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object call(Object service, Method method, Object[] args) {
		try {
			return method.invoke(service, args);
		}
		catch (InvocationTargetException e) {
			Throwable cause = e.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	/** What a call asks of IAM: its actions and their resources, in the order the service checks them. */
	private static List<Access> accesses(String prefix, Method method, Object[] args) {
		String name = method.getName();
		String first = args.length > 0 && args[0] instanceof String s ? s : null;
		List<Access> accesses = new ArrayList<>();
		switch (prefix) {
			case "sqs" -> {
				String queue = first == null ? "*" : Arns.queue(first.substring(first.lastIndexOf('/') + 1));
				accesses.add(new Access("sqs:" + switch (name) {
					case "sendMessageBatch" -> "SendMessage";
					case "deleteMessageBatch" -> "DeleteMessage";
					case "changeMessageVisibilityBatch" -> "ChangeMessageVisibility";
					default -> capitalized(name);
				}, queue));
			}
			case "sns" -> accesses.add(new Access("sns:" + (name.equals("publishBatch") ? "Publish" : capitalized(name)),
					first == null ? "*" : first));
			case "s3" -> {
				String key = args.length > 1 && args[1] instanceof String k ? k : null;
				switch (name) {
					case "listObjectsV2" -> accesses.add(new Access("s3:ListBucket", Arns.bucket(first)));
					case "getObject", "headObject" -> accesses.add(new Access("s3:GetObject", Arns.bucket(first) + "/" + key));
					case "copyObject" -> {
						accesses.add(new Access("s3:GetObject", Arns.bucket(first) + "/" + key));
						accesses.add(new Access("s3:PutObject", Arns.bucket((String) args[2]) + "/" + args[3]));
					}
					default -> accesses.add(new Access("s3:" + capitalized(name), key == null ? Arns.bucket(first)
							: Arns.bucket(first) + "/" + key));
				}
			}
			case "lambda" -> {
				String qualifier = args.length > 1 && args[1] instanceof String q ? q : null;
				accesses.add(new Access("lambda:" + (name.equals("invoke") ? "InvokeFunction" : capitalized(name)),
						functionArn(first, qualifier)));
			}
			case "events" -> {
				String bus = "default";
				if (name.equals("putEvents") && args.length > 0 && args[0] instanceof List<?> entries && !entries.isEmpty()
						&& entries.get(0) instanceof AwsServices.PutEventsEntry entry && entry.eventBusName() != null) {
					bus = entry.eventBusName();
				}
				accesses.add(new Access("events:" + capitalized(name), bus.startsWith("arn:") ? bus : Arns.eventBus(bus)));
			}
			case "kinesis" -> accesses.add(new Access("kinesis:" + capitalized(name), first == null ? "*"
					: first.startsWith("arn:") ? first : KinesisEvents.streamArn(first)));
			case "dynamodb" -> accesses.add(new Access("dynamodb:" + capitalized(name), first == null ? "*"
					: "arn:aws:dynamodb:" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":table/" + first));
			default -> accesses.add(new Access(prefix + ":" + capitalized(name), "*"));
		}
		return accesses;
	}

	/** A function's ARN as a request names it: a name, a partial ARN or an ARN, with its qualifier. */
	private static String functionArn(String named, String qualifier) {
		if (named == null) {
			return "*";
		}
		String name = named.contains("function:") ? named.substring(named.indexOf("function:") + "function:".length())
				: named;
		String arn = Arns.function(name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
		String own = name.contains(":") ? name.substring(name.indexOf(':') + 1) : qualifier;
		return own == null ? arn : arn + ":" + own;
	}

	private static String capitalized(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * The service's error for an action the role may not do, as AWS writes it: {@code User: <assumed role> is not
	 * authorized to perform: <action> on resource: <ARN> because no identity-based policy allows the <action> action}.
	 * SQS writes the action in lower case ({@code sqs:sendmessage}), SNS with its prefix in upper case
	 * ({@code SNS:Publish}), S3 quotes the resource.
	 */
	static AwsServiceException accessDenied(String prefix, String function, String action, String resource) {
		String shown = switch (prefix) {
			case "sqs" -> action.toLowerCase(Locale.ROOT);
			case "sns" -> "SNS" + action.substring(action.indexOf(':'));
			default -> action;
		};
		String message = "User: " + IamIdentities.assumedRoleArn(function) + " is not authorized to perform: " + shown
				+ " on resource: " + (prefix.equals("s3") ? "\"" + resource + "\"" : resource)
				+ " because no identity-based policy allows the " + shown + " action";
		return switch (prefix) {
			case "sqs", "s3" -> new AwsServiceException(403, "AccessDenied", message);
			case "sns" -> new AwsServiceException(403, "AuthorizationError", message);
			case "lambda" -> new AwsServiceException(403, "AccessDeniedException", message, true, Map.of("Type", "User"));
			default -> new AwsServiceException(400, "AccessDeniedException", message);
		};
	}
}
