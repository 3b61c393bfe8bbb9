package io.github.lambdasandbox.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.lambdasandbox.internal.config.TargetRef.Service;

/**
 * Checks changes to a running function's configuration as Lambda's API checks them, with AWS's texts:
 * PutFunctionEventInvokeConfig's settings and the DeadLetterConfig of UpdateFunctionConfiguration. What a sandbox
 * cannot know (whether a queue, topic, bus or bucket exists) is the engine's to check.
 */
public final class FunctionChanges {

	/** Lambda's model: a destination ARN is at most 350 characters and matches this pattern. */
	private static final int DESTINATION_MAX_LENGTH = 350;

	private static final Pattern DESTINATION = Pattern.compile(Targets.DESTINATION_PATTERN);

	private FunctionChanges() {
	}

	/**
	 * Checks the settings of a PutFunctionEventInvokeConfig request in Lambda's order: its model's ranges and
	 * patterns ({@code ValidationException}), at least one setting, the function, then the destinations
	 * ({@code InvalidParameterValueException}).
	 *
	 * @param function the function whose settings they are
	 * @param functions the sandbox's functions
	 * @param onSuccess the on-success destination, or null / {@code ""} for none
	 * @param shortForms whether destinations may be written shortly ({@code sqs:name}), as the sandbox's Java API allows;
	 *        AWS SDK requests carry ARNs
	 * @throws ApiRefusal as Lambda refuses the request
	 */
	public static EventInvokeSettings eventInvokeConfig(String function, Set<String> functions, Integer maximumRetryAttempts,
			Integer maximumEventAgeInSeconds, String onSuccess, String onFailure, boolean shortForms) {
		List<String> invalid = new ArrayList<>();
		if (maximumRetryAttempts != null) {
			range(invalid, "maximumRetryAttempts", maximumRetryAttempts, 0, EventInvokeSettings.DEFAULT_RETRIES);
		}
		if (maximumEventAgeInSeconds != null) {
			range(invalid, "maximumEventAgeInSeconds", maximumEventAgeInSeconds, 60, EventInvokeSettings.DEFAULT_EVENT_AGE);
		}
		String successArn = destinationArn(invalid, "onSuccess", onSuccess, shortForms);
		String failureArn = destinationArn(invalid, "onFailure", onFailure, shortForms);
		if (!invalid.isEmpty()) {
			throw new ApiRefusal(400, "ValidationException", invalid.size() + (invalid.size() == 1 ? " validation error detected: "
					: " validation errors detected: ") + String.join("; ", invalid), null);
		}
		if (maximumRetryAttempts == null && maximumEventAgeInSeconds == null && successArn == null && failureArn == null) {
			throw ApiRefusal.invalidParameter("You must specify at least one of error handling or destination setting.",
					"Give maximumRetryAttempts, maximumEventAgeInSeconds, onSuccess or onFailure; to go back to Lambda's "
							+ "defaults, delete the configuration.");
		}
		if (!functions.contains(function)) {
			throw ApiRefusal.notFound("The function doesn't exist.", "Functions of this sandbox: "
					+ ConfigReader.quoted(functions) + ".");
		}
		TargetRef success = successArn == null ? null : target("onSuccess", successArn);
		TargetRef failure = failureArn == null ? null : target("onFailure", failureArn);
		if (success != null && success.service() == null || failure != null && failure.service() == null
				|| success != null && success.service() == Service.S3) {
			throw ApiRefusal.invalidParameter("The provided destination config DestinationConfig(onSuccess="
					+ (successArn == null ? "null" : "OnSuccess(destination=" + successArn + ")") + ", onFailure="
					+ (failureArn == null ? "null" : "OnFailure(destination=" + failureArn + ")") + ") is invalid.",
					"Destinations are SQS queues, SNS topics, Lambda functions, EventBridge buses and (on failure only) S3 "
							+ "buckets.");
		}
		for (TargetRef target : new TargetRef[] { failure, success }) {
			if (target != null && target.service() == Service.LAMBDA) {
				if (!functions.contains(target.name())) {
					throw ApiRefusal.invalidParameter("The destination ARN " + target.arn() + " is invalid.",
							"Functions of this sandbox: " + ConfigReader.quoted(functions) + ".");
				}
				if (target.name().equals(function)) {
					throw ApiRefusal.invalidParameter("You can't specify the function as a destination for itself.", null);
				}
			}
		}
		return new EventInvokeSettings(maximumRetryAttempts, maximumEventAgeInSeconds, success, failure);
	}

	/**
	 * Checks the target of a dead-letter queue ({@code DeadLetterConfig.TargetArn}): an SQS queue or an SNS topic, by
	 * ARN or shortly; null or {@code ""} removes the dead-letter queue.
	 *
	 * @return the target, or null for none
	 * @throws ApiRefusal {@code InvalidParameterValueException} for anything else
	 */
	public static TargetRef deadLetterConfig(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String at = "updateDeadLetterConfig(\"" + value + "\")";
		TargetRef target;
		try {
			target = Targets.parse(at, value, null);
		}
		catch (InvalidConfigurationException e) {
			throw ApiRefusal.invalidParameter(e.getMessage(), null);
		}
		if (target.service() != Service.SQS && target.service() != Service.SNS) {
			throw ApiRefusal.invalidParameter(at + ": a dead-letter queue is an SQS queue or an SNS topic, as in AWS: write "
					+ "\"sqs:<queue name>\", \"sns:<topic name>\" or an ARN of one; \"\" removes it.", null);
		}
		return target;
	}

	/**
	 * The ARN of a destination, checked against Lambda's model (each problem added to {@code invalid}); null for none.
	 * A short form is read first, where allowed.
	 */
	private static String destinationArn(List<String> invalid, String side, String value, boolean shortForms) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String arn = value;
		if (shortForms && !value.startsWith("arn:")) {
			try {
				arn = Targets.parse("putEventInvokeConfig(…): " + side + " = \"" + value + "\"", value, null).arn();
			}
			catch (InvalidConfigurationException e) {
				throw ApiRefusal.invalidParameter(e.getMessage(), null);
			}
		}
		String path = "destinationConfig." + side + ".destination";
		if (arn.length() > DESTINATION_MAX_LENGTH) {
			invalid.add("Value '" + arn + "' at '" + path + "' failed to satisfy constraint: Member must have length less than "
					+ "or equal to " + DESTINATION_MAX_LENGTH);
		}
		else if (!DESTINATION.matcher(arn).matches()) {
			invalid.add("Value '" + arn + "' at '" + path + "' failed to satisfy constraint: Member must satisfy regular "
					+ "expression pattern: " + Targets.DESTINATION_PATTERN);
		}
		return arn;
	}

	/** A destination ARN that matches Lambda's model, as a reference (service null: not one Lambda sends to). */
	private static TargetRef target(String side, String arn) {
		if (!arn.startsWith("arn:")) {
			// kafka:// is for event source mappings of Kafka, not for asynchronous invocations
			return new TargetRef(null, arn);
		}
		try {
			return Targets.parse(side + " = \"" + arn + "\"", arn, null);
		}
		catch (InvalidConfigurationException e) {
			throw ApiRefusal.invalidParameter(e.getMessage(), null);
		}
	}

	private static void range(List<String> invalid, String attribute, int value, int min, int max) {
		if (value < min || value > max) {
			invalid.add("Value '" + value + "' at '" + attribute + "' failed to satisfy constraint: Member must have value "
					+ (value < min ? "greater than or equal to " + min : "less than or equal to " + max));
		}
	}
}
