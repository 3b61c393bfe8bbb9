package io.github.lambdasandbox.internal.json;

import io.github.lambdasandbox.Sandbox;

/** ARNs of the sandbox's account and region. */
public final class Arns {

	private static final String PREFIX = ":" + Sandbox.REGION + ":" + Sandbox.ACCOUNT_ID + ":";

	private Arns() {
	}

	public static String function(String name) {
		return "arn:aws:lambda" + PREFIX + "function:" + name;
	}

	public static String functionVersion(String name, String version) {
		return function(name) + ":" + version;
	}

	public static String queue(String name) {
		return "arn:aws:sqs" + PREFIX + name;
	}

	public static String topic(String name) {
		return "arn:aws:sns" + PREFIX + name;
	}

	public static String eventBus(String name) {
		return "arn:aws:events" + PREFIX + "event-bus/" + name;
	}

	public static String bucket(String name) {
		return "arn:aws:s3:::" + name;
	}
}
