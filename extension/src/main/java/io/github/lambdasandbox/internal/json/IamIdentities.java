package io.github.lambdasandbox.internal.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.github.lambdasandbox.Sandbox;

/**
 * The IAM identities that appear in event documents: the IAM user the test acts as, and each function's execution
 * role, its ARN and unique id. AWS's unique ids are a four-letter prefix ({@code AIDA} for a user, {@code AROA}
 * for a role) and 17 characters of {@code A-Z2-7}, 21 in all.
 */
public final class IamIdentities {

	/**
	 * The unique id of the IAM user the test acts as (the SQS {@code SenderId} of what the test sends); the same
	 * user as S3's {@link S3Events#PRINCIPAL_ID}.
	 */
	public static final String TEST_USER_ID = S3Events.PRINCIPAL_ID.substring("AWS:".length());

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private IamIdentities() {
	}

	/** The name of a function's execution role: {@code <function>-role}. */
	public static String executionRoleName(String functionName) {
		return functionName + "-role";
	}

	/** {@code arn:aws:iam::123456789012:role/<function>-role}: Kinesis's {@code invokeIdentityArn}. */
	public static String executionRoleArn(String functionName) {
		return "arn:aws:iam::" + Sandbox.ACCOUNT_ID + ":role/" + executionRoleName(functionName);
	}

	/**
	 * The identity a function's code acts as, in AWS's access-denied messages:
	 * {@code arn:aws:sts::123456789012:assumed-role/<function>-role/<function>} (Lambda names the role's session after
	 * the function).
	 */
	public static String assumedRoleArn(String functionName) {
		return "arn:aws:sts::" + Sandbox.ACCOUNT_ID + ":assumed-role/" + executionRoleName(functionName) + "/" + functionName;
	}

	/**
	 * A role's unique id: {@code AROA} and 17 characters drawn from the SHA-256 of its name, so the same role has
	 * the same id in every sandbox (AWS draws it at random when the role is created).
	 */
	public static String roleId(String roleName) {
		byte[] hash = sha256(roleName);
		StringBuilder id = new StringBuilder(21).append("AROA");
		for (int i = 0; i < 17; i++) {
			id.append(BASE32[(hash[i] & 0xFF) % 32]);
		}
		return id.toString();
	}

	/**
	 * The SQS {@code SenderId} of a message a function sent with its execution role: the role's unique id and the
	 * session name, which Lambda sets to the function's name ({@code AROA…:<function>}).
	 */
	public static String functionSenderId(String functionName) {
		return SENDER_IDS.computeIfAbsent(functionName, name -> roleId(executionRoleName(name)) + ":" + name);
	}

	/** Sender ids by function name: a hash per message otherwise (they never change; a JVM knows few functions). */
	private static final java.util.concurrent.ConcurrentHashMap<String, String> SENDER_IDS =
			new java.util.concurrent.ConcurrentHashMap<>();

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
