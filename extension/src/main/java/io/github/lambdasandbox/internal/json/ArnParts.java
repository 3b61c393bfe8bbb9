package io.github.lambdasandbox.internal.json;

/** The parts of an ARN the documents repeat: {@code arn:partition:service:region:account:resource}. */
final class ArnParts {

	private ArnParts() {
	}

	/** The region of {@code arn}, e.g. {@code us-east-2} in {@code arn:aws:sqs:us-east-2:123456789012:q}. */
	static String region(String arn) {
		return part(arn, 3);
	}

	private static String part(String arn, int index) {
		String[] parts = arn.split(":", 6);
		if (parts.length < 6 || !parts[0].equals("arn")) {
			throw new IllegalArgumentException("Not an ARN: " + arn);
		}
		return parts[index];
	}
}
