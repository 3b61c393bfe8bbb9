package io.github.lambdasandbox.internal.engine;

import java.util.SplittableRandom;

/**
 * Every id of a sandbox — request ids, message ids, environment ids, S3 request ids — drawn from one seeded
 * sequence. Only the engine's single writer draws (see the package overview), in an order that depends on
 * nothing but what the test does, so the same test gives the same ids on every run, and no two ids of a
 * sandbox are the same.
 */
public final class Ids {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

	private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

	private final SplittableRandom random;

	Ids(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** A random (version 4) UUID in lower-case hex, as AWS writes request and message ids. */
	public String uuid() {
		long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		char[] out = new char[36];
		hex(out, 0, high >>> 32, 8);
		out[8] = '-';
		hex(out, 9, high >>> 16, 4);
		out[13] = '-';
		hex(out, 14, high, 4);
		out[18] = '-';
		hex(out, 19, low >>> 48, 4);
		out[23] = '-';
		hex(out, 24, low, 12);
		return new String(out);
	}

	/** {@code length} lower-case hex digits, as in a log stream name. */
	public String hex(int length) {
		return digits(length, HEX);
	}

	/** {@code length} upper-case hex digits, as in S3's {@code x-amz-request-id}. */
	public String upperHex(int length) {
		return digits(length, HEX_UPPER);
	}

	/** {@code length} characters of the base64 alphabet, as in S3's {@code x-amz-id-2}. */
	public String base64(int length) {
		return digits(length, BASE64);
	}

	/** A number in [0, bound), from the same sequence (seeded choices such as duplicate deliveries). */
	public int nextInt(int bound) {
		return random.nextInt(bound);
	}

	private String digits(int length, char[] alphabet) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = alphabet[random.nextInt(alphabet.length)];
		}
		return new String(out);
	}

	private static void hex(char[] out, int offset, long value, int digits) {
		for (int i = digits - 1; i >= 0; i--) {
			out[offset + i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
	}

	/**
	 * A seed for a test's sandbox: the same for the same test on every run, different for different tests
	 * (a 64-bit FNV-1a hash of its unique id).
	 */
	public static long seedOf(String uniqueId) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < uniqueId.length(); i++) {
			hash ^= uniqueId.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}
}
