package io.github.lambdasandbox.internal.json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and Lambda's SQS event carries ({@code md5OfBody}, {@code md5OfMessageAttributes}),
 * computed as SQS computes them and as the AWS SDK for Java 2 checks them ({@code MessageMD5ChecksumInterceptor}).
 */
public final class SqsChecksums {

	/** The transport type byte of a string value (String, Number and their custom types). */
	private static final byte STRING_TRANSPORT = 1;

	/** The transport type byte of a binary value. */
	private static final byte BINARY_TRANSPORT = 2;

	private SqsChecksums() {
	}

	/** The lower-case hex MD5 of the body's UTF-8 bytes. */
	public static String md5OfBody(String body) {
		return md5Hex(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The MD5 of the message attributes, or {@code null} when there are none (SQS then returns no digest). The
	 * names are sorted in Java {@code String} order; each attribute adds its name and data type, each as a
	 * 4-byte big-endian length and the UTF-8 bytes, then one transport byte (1 for a string value, 2 for a binary
	 * one) and the value, length-prefixed likewise.
	 */
	public static String md5OfMessageAttributes(Map<String, MessageAttributeValue> attributes) {
		if (attributes.isEmpty()) {
			return null;
		}
		MessageDigest md5 = md5();
		for (Map.Entry<String, MessageAttributeValue> attribute : new TreeMap<>(attributes).entrySet()) {
			MessageAttributeValue value = attribute.getValue();
			update(md5, attribute.getKey().getBytes(StandardCharsets.UTF_8));
			update(md5, value.dataType().getBytes(StandardCharsets.UTF_8));
			if (value.isBinary()) {
				md5.update(BINARY_TRANSPORT);
				update(md5, value.binaryValue());
			}
			else {
				md5.update(STRING_TRANSPORT);
				update(md5, value.stringValue().getBytes(StandardCharsets.UTF_8));
			}
		}
		return HexFormat.of().formatHex(md5.digest());
	}

	static String md5Hex(byte[] bytes) {
		return HexFormat.of().formatHex(md5().digest(bytes));
	}

	static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void update(MessageDigest md5, byte[] bytes) {
		md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
		md5.update(bytes);
	}
}
