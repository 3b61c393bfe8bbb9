package io.github.lambdasandbox.awssdk;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/** The digests AWS checks and sends: MD5 (ETags, SQS, Content-MD5), S3's checksum algorithms, DynamoDB's CRC32. */
final class Checksums {

	/** S3's checksum algorithms, as {@code x-amz-checksum-<name>} headers and trailers carry them (base64, big-endian). */
	enum Algorithm {

		CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

		String header() {
			return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
		}

		String of(byte[] data) {
			byte[] digest = switch (this) {
				case CRC32 -> {
					CRC32 crc = new CRC32();
					crc.update(data);
					yield ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
				}
				case CRC32C -> {
					CRC32C crc = new CRC32C();
					crc.update(data);
					yield ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
				}
				case CRC64NVME -> ByteBuffer.allocate(8).putLong(crc64Nvme(data)).array();
				case SHA1 -> digest("SHA-1", data);
				case SHA256 -> digest("SHA-256", data);
			};
			return Base64.getEncoder().encodeToString(digest);
		}
	}

	/** CRC-64/NVME: reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final XOR all ones. */
	private static final long[] CRC64_NVME_TABLE = new long[256];

	static {
		for (int i = 0; i < 256; i++) {
			long crc = i;
			for (int bit = 0; bit < 8; bit++) {
				crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
			}
			CRC64_NVME_TABLE[i] = crc;
		}
	}

	private Checksums() {
	}

	static long crc64Nvme(byte[] data) {
		long crc = ~0L;
		for (byte b : data) {
			crc = CRC64_NVME_TABLE[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
		}
		return ~crc;
	}

	static long crc32(byte[] data) {
		CRC32 crc = new CRC32();
		crc.update(data);
		return crc.getValue();
	}

	static byte[] md5(byte[] data) {
		return digest("MD5", data);
	}

	static String md5Hex(byte[] data) {
		return HexFormat.of().formatHex(md5(data));
	}

	static String sha256Hex(byte[] data) {
		return HexFormat.of().formatHex(digest("SHA-256", data));
	}

	private static byte[] digest(String algorithm, byte[] data) {
		try {
			return MessageDigest.getInstance(algorithm).digest(data);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
		}
	}
}
