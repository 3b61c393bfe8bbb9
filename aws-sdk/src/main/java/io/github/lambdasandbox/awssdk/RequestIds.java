package io.github.lambdasandbox.awssdk;

import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the shapes AWS gives them. */
final class RequestIds {

	private RequestIds() {
	}

	/** {@code x-amzn-RequestId}: a UUID. */
	static String uuid() {
		return UUID.randomUUID().toString();
	}

	/** S3's {@code x-amz-request-id}: 16 upper-case hex digits. */
	static String s3() {
		return HexFormat.of().withUpperCase().formatHex(bytes(8));
	}

	/** S3's {@code x-amz-id-2}, the host id: base64. */
	static String s3HostId() {
		return Base64.getEncoder().encodeToString(bytes(48));
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}
}
