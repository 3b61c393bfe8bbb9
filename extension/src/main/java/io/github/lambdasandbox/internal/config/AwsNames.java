package io.github.lambdasandbox.internal.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * AWS's naming rules, one method per kind of resource: each returns what is wrong with a name, in a sentence
 * that also says what AWS allows, or null if AWS accepts it.
 */
public final class AwsNames {

	private static final Pattern FUNCTION = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private static final Pattern QUEUE = Pattern.compile("[a-zA-Z0-9_-]{1,80}");

	private static final Pattern FIFO_QUEUE = Pattern.compile("[a-zA-Z0-9_-]{1,75}\\.fifo");

	private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9_-]{1,256}");

	private static final Pattern FIFO_TOPIC = Pattern.compile("[a-zA-Z0-9_-]{1,251}\\.fifo");

	private static final Pattern EVENT_BUS = Pattern.compile("[a-zA-Z0-9._\\-/]{1,256}");

	private static final Pattern STREAM = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

	private static final Pattern TABLE = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	/** S3 keeps these prefixes and suffixes for itself (general purpose bucket naming rules). */
	private static final List<String> RESERVED_BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");

	private static final List<String> RESERVED_BUCKET_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
			"--table-s3");

	private AwsNames() {
	}

	public static String function(String name) {
		return FUNCTION.matcher(name).matches() ? null
				: "a function name must be 1 to 64 letters, digits, hyphens or underscores, as in AWS";
	}

	public static String queue(String name) {
		if (name.endsWith(".fifo")) {
			return FIFO_QUEUE.matcher(name).matches() ? null
					: "a FIFO queue name must be 1 to 80 characters including its \".fifo\" suffix (letters, digits, hyphens, "
							+ "underscores), as in AWS; this one has " + name.length();
		}
		return QUEUE.matcher(name).matches() ? null
				: "a queue name must be 1 to 80 letters, digits, hyphens or underscores (plus \".fifo\" for a FIFO queue), as in AWS";
	}

	public static String topic(String name) {
		if (name.endsWith(".fifo")) {
			return FIFO_TOPIC.matcher(name).matches() ? null
					: "a FIFO topic name must be 1 to 256 characters including its \".fifo\" suffix (letters, digits, hyphens, "
							+ "underscores), as in AWS";
		}
		return TOPIC.matcher(name).matches() ? null
				: "a topic name must be 1 to 256 letters, digits, hyphens or underscores (plus \".fifo\" for a FIFO topic), as in AWS";
	}

	public static String eventBus(String name) {
		return EVENT_BUS.matcher(name).matches() ? null
				: "an event bus name must be 1 to 256 letters, digits, dots, hyphens, underscores or slashes, as in AWS";
	}

	public static String stream(String name) {
		return STREAM.matcher(name).matches() ? null
				: "a stream name must be 1 to 128 letters, digits, hyphens, underscores or dots, as in Kinesis";
	}

	public static String table(String name) {
		return TABLE.matcher(name).matches() ? null
				: "a table name must be 3 to 255 letters, digits, hyphens, underscores or dots, as in DynamoDB";
	}

	/** S3's rules for general purpose buckets. */
	public static String bucket(String name) {
		String rule = "a bucket name must be 3 to 63 lower-case letters, digits, dots or hyphens, beginning and ending with "
				+ "a letter or digit, as in S3";
		if (!BUCKET.matcher(name).matches()) {
			return rule;
		}
		if (name.contains("..")) {
			return rule + ", and without two dots in a row";
		}
		if (IP_ADDRESS.matcher(name).matches()) {
			return "a bucket name must not look like an IP address (192.168.5.4), as in S3";
		}
		for (String prefix : RESERVED_BUCKET_PREFIXES) {
			if (name.startsWith(prefix)) {
				return "a bucket name must not start with \"" + prefix + "\": S3 keeps that prefix for itself";
			}
		}
		for (String suffix : RESERVED_BUCKET_SUFFIXES) {
			if (name.endsWith(suffix)) {
				return "a bucket name must not end with \"" + suffix + "\": S3 keeps that suffix for itself";
			}
		}
		return null;
	}
}
