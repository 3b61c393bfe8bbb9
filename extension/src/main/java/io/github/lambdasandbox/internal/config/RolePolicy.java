package io.github.lambdasandbox.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.lambdasandbox.internal.config.TargetRef.Service;

/**
 * What a function's execution role may do: the IAM actions of its policy, matched as IAM matches them (the whole
 * action, {@code *} and {@code ?} as wildcards, without regard to case). Also the checks Lambda makes of the role, with
 * AWS's texts: a dead-letter queue (CreateFunction, UpdateFunctionConfiguration), a destination
 * (PutFunctionEventInvokeConfig), an event source mapping (CreateEventSourceMapping). Immutable.
 */
public final class RolePolicy {

	/** A role that may do everything: a function declared without permissions. */
	public static final RolePolicy ALLOW_ALL = new RolePolicy(List.of("*"));

	/** IAM: a vendor is letters, digits, hyphens and dots. */
	private static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9\\-.]+");

	private final List<String> actions;

	private final List<Pattern> patterns;

	/** Whether an action {@code *} allows everything: checked without matching (every delivery asks). */
	private final boolean everything;

	private RolePolicy(List<String> actions) {
		this.actions = List.copyOf(actions);
		this.everything = actions.contains("*");
		List<Pattern> compiled = new ArrayList<>();
		for (String action : actions) {
			compiled.add(glob(action));
		}
		this.patterns = List.copyOf(compiled);
	}

	/**
	 * A policy of these actions, checked as IAM checks a policy's actions (PutRolePolicy).
	 *
	 * @param where what the message starts with: {@code @LambdaFunction(name = "f") on T}
	 * @throws InvalidConfigurationException with IAM's message and the fix
	 */
	public static RolePolicy of(String where, String... actions) {
		if (actions == null) {
			throw new InvalidConfigurationException(where + ": the permissions are missing. Give IAM actions such as "
					+ "\"sqs:SendMessage\", or \"*\" for everything.");
		}
		for (String action : actions) {
			String problem = problem(action);
			if (problem != null) {
				throw new InvalidConfigurationException(where + ": permissions = " + list(Arrays.asList(actions))
						+ ": IAM refuses the role's policy: \"" + problem + "\" (MalformedPolicyDocument). Write each permission "
						+ "as service:Action, e.g. \"sqs:SendMessage\", \"sqs:*\" or \"*\".");
			}
		}
		return new RolePolicy(Arrays.asList(actions));
	}

	/** IAM's objection to an action of a policy, or null (texts of IAM's MalformedPolicyDocument). */
	private static String problem(String action) {
		if (action == null) {
			return "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
		}
		String[] parts = action.split(":", -1);
		if (parts.length == 1 && !action.equals("*")) {
			return "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
		}
		if (parts.length > 2) {
			return "Actions/Condition can contain only one colon.";
		}
		if (parts.length == 2 && !parts[0].equals("*") && !VENDOR.matcher(parts[0]).matches()) {
			return "Vendor " + parts[0] + " is not valid";
		}
		return null;
	}

	/** The actions as they were given. */
	public List<String> actions() {
		return actions;
	}

	/** Whether the role may do {@code action} ({@code sqs:SendMessage}). */
	public boolean allows(String action) {
		if (everything) {
			return true;
		}
		String lower = action.toLowerCase(Locale.ROOT);
		for (Pattern pattern : patterns) {
			if (pattern.matcher(lower).matches()) {
				return true;
			}
		}
		return false;
	}

	/** The first of {@code actions} the role may not do, or null if it may do them all. */
	public String firstDenied(String... actions) {
		for (String action : actions) {
			if (!allows(action)) {
				return action;
			}
		}
		return null;
	}

	// --- what Lambda checks -----------------------------------------------------------------------------------

	/** The actions Lambda needs to send to a dead-letter queue or a destination, in the order it checks them. */
	public static String[] deliveryActions(TargetRef target) {
		return switch (target.service()) {
			case SQS -> new String[] { "sqs:SendMessage" };
			case SNS -> new String[] { "sns:Publish" };
			case LAMBDA -> new String[] { "lambda:InvokeFunction" };
			case EVENTS -> new String[] { "events:PutEvents" };
			case S3 -> new String[] { "s3:PutObject", "s3:ListBucket" };
		};
	}

	/**
	 * What CreateFunction and UpdateFunctionConfiguration answer for a dead-letter queue the role cannot send to
	 * (InvalidParameterValueException), or null: {@code The provided execution role does not have permissions to call
	 * SendMessage on SQS}.
	 */
	public String deadLetterQueueRefusal(TargetRef target) {
		String denied = firstDenied(deliveryActions(target));
		return denied == null ? null : "The provided execution role does not have permissions to call " + name(denied)
				+ " on " + (target.service() == Service.SNS ? "SNS" : "SQS");
	}

	/**
	 * What PutFunctionEventInvokeConfig answers for a destination the role cannot use (InvalidParameterValueException),
	 * or null: {@code The function's execution role does not have permissions to call SendMessage on <ARN>}.
	 */
	public String destinationRefusal(TargetRef target) {
		String denied = firstDenied(deliveryActions(target));
		return denied == null ? null : "The function's execution role does not have permissions to call " + name(denied)
				+ " on " + target.arn();
	}

	/**
	 * What CreateEventSourceMapping answers for a source the role cannot read (InvalidParameterValueException), or null.
	 *
	 * @param sourceArn the queue's ARN, or the stream's
	 */
	public String mappingRefusal(MappingConfig.SourceKind kind, String sourceArn) {
		return switch (kind) {
			case SQS -> {
				String denied = firstDenied(mappingActions(kind));
				yield denied == null ? null : "The provided execution role does not have permissions to call " + name(denied)
						+ " on SQS";
			}
			case KINESIS, DYNAMODB -> firstDenied(mappingActions(kind)) == null ? null : "Cannot access stream " + sourceArn
					+ ". Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and "
					+ (kind == MappingConfig.SourceKind.KINESIS ? "ListShards" : "ListStreams") + " Actions on your stream in "
					+ "IAM.";
		};
	}

	/** The actions an event source mapping needs of the role, in the order Lambda checks them. */
	public static String[] mappingActions(MappingConfig.SourceKind kind) {
		return switch (kind) {
			case SQS -> new String[] { "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes" };
			case KINESIS -> new String[] { "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
					"kinesis:ListShards" };
			case DYNAMODB -> new String[] { "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream",
					"dynamodb:ListStreams" };
		};
	}

	/**
	 * What to add so that the role may do what a refusal names: the actions it lacks, and a declared permission that
	 * looks like a misspelt one, if any.
	 */
	public String missing(String... needed) {
		List<String> lacking = new ArrayList<>();
		for (String action : needed) {
			if (!allows(action)) {
				lacking.add(action);
			}
		}
		StringBuilder text = new StringBuilder(list(lacking));
		for (String action : lacking) {
			for (String declared : actions) {
				if (!declared.equalsIgnoreCase(action) && distance(declared.toLowerCase(Locale.ROOT),
						action.toLowerCase(Locale.ROOT)) <= 2) {
					text.append(" (\"").append(declared).append("\" is not an IAM action: did you mean \"").append(action)
							.append("\"?)");
				}
			}
		}
		return text.toString();
	}

	/** {@code "a", "b"}: actions as a message lists them. */
	public static String list(List<String> actions) {
		List<String> quoted = new ArrayList<>();
		for (String action : actions) {
			quoted.add(action == null ? "null" : "\"" + action + "\"");
		}
		return "{" + String.join(", ", quoted) + "}";
	}

	private static String name(String action) {
		return action.substring(action.indexOf(':') + 1);
	}

	/** An IAM action pattern as a regular expression over lower-case actions. */
	private static Pattern glob(String action) {
		StringBuilder regex = new StringBuilder();
		for (char c : action.toLowerCase(Locale.ROOT).toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

	/** Levenshtein distance, for the hint about a misspelt action. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	@Override
	public String toString() {
		return list(actions);
	}
}
