package io.github.lambdasandbox.internal.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.internal.config.TargetRef.Service;

/**
 * Reads what a destination, a dead-letter queue or a notification names: a short form ({@code sqs:name},
 * {@code sns:name}, {@code lambda:name}, {@code events:bus}, {@code s3:bucket}) or an ARN. Each mistake gets AWS's
 * own message where AWS has one, and the fix.
 */
final class Targets {

	/**
	 * What Lambda's API accepts as a destination ARN (PutFunctionEventInvokeConfig, recorded from AWS); anything
	 * else is a ValidationException quoting it.
	 */
	static final String DESTINATION_PATTERN = "$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):"
			+ "([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";

	private static final Pattern ARN = Pattern.compile("arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-]+):"
			+ "((?:eusc-)?[a-z]{2}(?:(?:-gov)|(?:-iso(?:[a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)");

	private Targets() {
	}

	/**
	 * @param at where the value stands, for messages: {@code @LambdaFunction(name = "f") on T: onFailure = "…"}
	 * @param path AWS's name of the attribute in its validation messages ({@code destinationConfig.onFailure.destination})
	 * or null where AWS has none
	 */
	static TargetRef parse(String at, String value, String path) {
		for (Service service : Service.values()) {
			String prefix = service.prefix() + ":";
			if (value.startsWith(prefix)) {
				String name = value.substring(prefix.length());
				if (name.isBlank()) {
					throw fail(at + ": the name after \"" + prefix + "\" is missing.");
				}
				return new TargetRef(service, name);
			}
		}
		if (value.startsWith("arn:")) {
			return arn(at, value, path);
		}
		int colon = value.indexOf(':');
		if (colon > 0) {
			String word = value.substring(0, colon);
			for (Service service : Service.values()) {
				if (service.prefix().equals(word.toLowerCase(Locale.ROOT))) {
					throw fail(at + ": the short forms are written in lower case. Did you mean \"" + service.prefix()
							+ value.substring(colon) + "\"?");
				}
			}
			throw fail(at + ": \"" + word + "\" is not a service Lambda sends to: write sqs:, sns:, lambda:, events: or s3: "
					+ "followed by a name, or an ARN of one of those services, as in AWS.");
		}
		String hint = AwsNames.queue(value) == null ? " Did you mean \"sqs:" + value + "\"?" : "";
		throw fail(at + " is neither an ARN nor one of sqs:, sns:, lambda:, events:, s3: followed by a name." + hint);
	}

	private static TargetRef arn(String at, String value, String path) {
		Matcher arn = ARN.matcher(value);
		if (!arn.matches()) {
			String aws = path == null ? "" : " AWS refuses it: \"1 validation error detected: Value '" + value + "' at '"
					+ path + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
					+ DESTINATION_PATTERN + "\".";
			throw fail(at + " is not a valid ARN." + aws + " An ARN reads arn:aws:<service>:<region>:<12-digit account>:"
					+ "<resource>; the sandbox is account " + Sandbox.ACCOUNT_ID + " in " + Sandbox.REGION + ".");
		}
		String service = arn.group(2);
		String region = arn.group(3) == null ? "" : arn.group(3);
		String account = arn.group(4) == null ? "" : arn.group(4);
		String resource = arn.group(5);
		if (!java.util.Set.of("sqs", "sns", "s3", "lambda", "events").contains(service)) {
			return new TargetRef(null, value);
		}
		boolean global = service.equals("s3");
		if (!global && (!Sandbox.REGION.equals(region) || !Sandbox.ACCOUNT_ID.equals(account))) {
			throw fail(at + " is in account " + (account.isEmpty() ? "(none)" : account) + ", region "
					+ (region.isEmpty() ? "(none)" : region) + "; the sandbox is account " + Sandbox.ACCOUNT_ID + " in "
					+ Sandbox.REGION + ". Use the short form (e.g. \"sqs:name\") or an ARN of that account and region.");
		}
		switch (service) {
			case "sqs":
				return new TargetRef(Service.SQS, resource);
			case "sns":
				return new TargetRef(Service.SNS, resource);
			case "s3":
				return new TargetRef(Service.S3, resource);
			case "lambda":
				if (resource.startsWith("function:")) {
					String name = resource.substring("function:".length());
					return new TargetRef(Service.LAMBDA, name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
				}
				break;
			case "events":
				if (resource.startsWith("event-bus/")) {
					return new TargetRef(Service.EVENTS, resource.substring("event-bus/".length()));
				}
				break;
			default:
				break;
		}
		return new TargetRef(null, value);
	}

	private static InvalidConfigurationException fail(String message) {
		return new InvalidConfigurationException(message);
	}
}
