package io.github.lambdasandbox.awssdk.fake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.github.lambdasandbox.internal.aws.AwsServices.MessageAttributeValue;

/** MD5 as SQS computes it: of a body, and of message attributes (the algorithm the SDK checks). */
final class Md5 {

	private Md5() {
	}

	static String hex(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String ofBody(String body) {
		return hex(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Names in order; for each, the length-prefixed name, data type, then a transport byte (1 string, 2 binary) and
	 * the length-prefixed value. Null when there are no attributes.
	 */
	static String ofAttributes(Map<String, MessageAttributeValue> attributes) {
		if (attributes == null || attributes.isEmpty()) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TreeMap<>(attributes).forEach((name, value) -> {
			lengthAndBytes(out, name.getBytes(StandardCharsets.UTF_8));
			lengthAndBytes(out, value.dataType().getBytes(StandardCharsets.UTF_8));
			if (value.stringValue() != null) {
				out.write(1);
				lengthAndBytes(out, value.stringValue().getBytes(StandardCharsets.UTF_8));
			}
			else {
				out.write(2);
				ByteBuffer binary = value.binaryValue().asReadOnlyBuffer();
				byte[] bytes = new byte[binary.remaining()];
				binary.get(bytes);
				lengthAndBytes(out, bytes);
			}
		});
		return hex(out.toByteArray());
	}

	private static void lengthAndBytes(ByteArrayOutputStream out, byte[] bytes) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
		out.writeBytes(bytes);
	}
}
