package io.github.lambdasandbox.internal.engine;

import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Map;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.FunctionDefinition;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaServiceException;
import io.github.lambdasandbox.S3Bucket;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.internal.config.AwsNames;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.config.QueueConfig;
import io.github.lambdasandbox.internal.config.TargetRef;

/**
 * Resources the test creates while the sandbox runs, as CreateFunction, CreateQueue, CreateTopic, CreateBucket and
 * CreateEventBus create them: checked as declarations are (the same rules and texts), added under the lock at the
 * current virtual instant, readable from any thread at once. Creating a queue, topic or bucket that exists answers
 * with it, as those services do; a function or bus that exists is refused with AWS's text.
 */
final class Creations {

	private final SandboxEngine engine;

	Creations(SandboxEngine engine) {
		this.engine = engine;
	}

	/** CreateQueue: a standard queue, or a FIFO queue if the name ends in {@code .fifo}, with SQS's defaults. */
	SqsQueue createQueue(String name) {
		checkName("createQueue", name, AwsNames.queue(String.valueOf(name)),
				"Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
		return engine.executive.command(() -> engine.queues.computeIfAbsent(name,
				n -> new SimulatedQueue(engine, QueueConfig.defaults(n))));
	}

	/** CreateTopic: a standard topic, or a FIFO topic if the name ends in {@code .fifo}. */
	SnsTopic createTopic(String name) {
		checkName("createTopic", name, AwsNames.topic(String.valueOf(name)), "Invalid parameter: Topic Name");
		return engine.executive.command(() -> engine.topics.computeIfAbsent(name, n -> new SimulatedTopic(engine, n, false)));
	}

	/** CreateBucket: in us-east-1, S3 answers a bucket the account owns already with that bucket. */
	S3Bucket createBucket(String name) {
		checkName("createBucket", name, AwsNames.bucket(String.valueOf(name)), "The specified bucket is not valid.");
		return engine.executive.command(() -> engine.buckets.computeIfAbsent(name, n -> new SimulatedBucket(engine, n)));
	}

	/** CreateEventBus. @throws IllegalArgumentException for a bus that exists, with EventBridge's text */
	EventBus createEventBus(String name) {
		checkName("createEventBus", name, AwsNames.eventBus(String.valueOf(name)), null);
		return engine.executive.command(() -> {
			if (engine.buses.containsKey(name)) {
				throw new IllegalArgumentException("createEventBus(\"" + name + "\"): EventBridge refuses it: \"Event bus " + name
						+ " already exists.\" (ResourceAlreadyExistsException). Use sandbox.eventBus(\"" + name + "\").");
			}
			return engine.buses.computeIfAbsent(name, n -> new SimulatedBus(engine, n));
		});
	}

	/**
	 * CreateFunction, with {@link LambdaFunction @LambdaFunction}'s attributes and checks. The queues, topics, buses and
	 * buckets its destinations and dead-letter queue name are created if they do not exist, as for a declaration.
	 *
	 * @throws IllegalArgumentException for an attribute out of AWS's range, with the same message as a declaration
	 * @throws LambdaServiceException {@code ResourceConflictException} (409) for a function that exists
	 */
	FunctionHandle createFunction(FunctionDefinition definition) {
		if (definition == null || definition.name() == null || definition.handler() == null) {
			throw new IllegalArgumentException("createFunction(" + (definition == null ? "null" : "…") + "): give a name and a "
					+ "handler class: createFunction(\"name\", Handler.class), or FunctionDefinition.builder(\"name\", "
					+ "Handler.class)…build().");
		}
		String where = "createFunction(name = \"" + definition.name() + "\")";
		FunctionConfig config = ConfigReader.checkFunction(engine.config(), annotation(definition),
				new LinkedHashSet<>(engine.functions.keySet()), where);
		engine.executive.command(() -> {
			refuseExisting(definition.name());
			return null;
		});
		// the handler's code is prepared (rewritten) on the caller's thread, as for a declared function
		FunctionRuntime function = new FunctionRuntime(config, engine, engine.account, engine.executive.instant());
		engine.executive.command(() -> {
			refuseExisting(definition.name());
			reserve(where, config.reservedConcurrency());
			for (TargetRef target : new TargetRef[] { config.onSuccess(), config.onFailure(), config.deadLetterQueue() }) {
				if (target != null) {
					engine.ensureTarget(target);
				}
			}
			engine.functions.put(config.name(), function);
			return null;
		});
		return new QualifiedFunction(engine, function, null);
	}

	/** Lambda's answer to CreateFunction with the name of a function that exists (recorded from AWS). Lock held. */
	private void refuseExisting(String name) {
		if (engine.functions.containsKey(name)) {
			throw new LambdaServiceException(409, "ResourceConflictException", "Function already exist: " + name
					+ ". Deploy new code to it with function(\"" + name + "\").updateCode(…), or give the new function "
					+ "another name.", null, "User");
		}
	}

	/**
	 * A reservation counts against the account: AWS keeps at least 100 of its concurrency unreserved (all of it on an
	 * account with a smaller limit), as PutFunctionConcurrency says. Lock held.
	 */
	private void reserve(String where, int reservedConcurrency) {
		if (reservedConcurrency <= 0) {
			return;
		}
		FunctionRuntime.Account account = engine.account;
		int minimumUnreserved = Math.min(100, account.limit);
		if (account.reserved + reservedConcurrency > account.limit - minimumUnreserved) {
			throw new IllegalArgumentException(where + ": reservedConcurrency = " + reservedConcurrency + " is refused, as "
					+ "AWS refuses it: \"Specified ReservedConcurrentExecutions for function decreases account's "
					+ "UnreservedConcurrentExecution below its minimum value of [" + minimumUnreserved + "].\" The account's "
					+ "concurrency is " + account.limit + ", of which " + minimumUnreserved + " must stay unreserved and "
					+ account.reserved + " is reserved: reserve at most " + Math.max(0, account.limit - minimumUnreserved
							- account.reserved) + ".");
		}
		account.reserved += reservedConcurrency;
	}

	private static void checkName(String operation, String name, String problem, String awsText) {
		if (name == null || problem != null) {
			String shown = name == null ? "null" : "\"" + name + "\"";
			throw new IllegalArgumentException(operation + "(" + shown + "): " + (awsText == null ? "" : "AWS refuses it: \""
					+ awsText + "\": ") + (problem == null ? "give a name" : problem) + ".");
		}
	}

	/**
	 * The definition as the {@link LambdaFunction @LambdaFunction} it mirrors, for the declarations' checks: its values,
	 * and the annotation's defaults for any attribute a definition does not have.
	 */
	private static LambdaFunction annotation(FunctionDefinition d) {
		Map<String, Object> values = Map.of("name", d.name(), "handler", d.handler(), "maximumRetryAttempts",
				d.maximumRetryAttempts(), "maximumEventAgeInSeconds", d.maximumEventAgeInSeconds(), "timeout", d.timeout(),
				"memorySize", d.memorySize(), "onSuccess", d.onSuccess() == null ? "" : d.onSuccess(), "onFailure",
				d.onFailure() == null ? "" : d.onFailure(), "deadLetterQueue", d.deadLetterQueue() == null ? ""
						: d.deadLetterQueue(), "reservedConcurrency", d.reservedConcurrency());
		return (LambdaFunction) Proxy.newProxyInstance(LambdaFunction.class.getClassLoader(),
				new Class<?>[] { LambdaFunction.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "annotationType" -> LambdaFunction.class;
					case "toString" -> "createFunction " + values;
					case "hashCode" -> values.hashCode();
					case "equals" -> proxy == arguments[0];
					default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
				});
	}
}
