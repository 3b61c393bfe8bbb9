package io.github.lambdasandbox.internal.engine;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded ids, the same on every run of a test.
 *
 * <p>Calls from the test's thread draw from one seeded stream, in the order the test makes them. Work of
 * the engine (deliveries, destinations, handlers) does not draw from a shared stream, whose order would
 * depend on how the engine and the test interleave: it derives each id from its cause (a request id, a
 * queue, a counter), so the same cause gives the same id whatever ran before.
 */
public final class Ids {

	private final long seed;

	private final Scheduler scheduler;

	private final SplittableRandom fromTest;

	Ids(long seed, Scheduler scheduler) {
		this.seed = seed;
		this.scheduler = scheduler;
		this.fromTest = new SplittableRandom(seed);
	}

	private SplittableRandom stream(String cause) {
		if (scheduler.isEngineThread()) {
			return new SplittableRandom(seed ^ fnv64(cause));
		}
		return fromTest;
	}

	/** A random (version 4) UUID, as AWS uses for request and message ids. */
	public String uuid(String cause) {
		SplittableRandom random = stream(cause);
		synchronized (random) {
			long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
			long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
			return new UUID(high, low).toString();
		}
	}

	/** {@code length} upper-case hex digits, as in S3's {@code x-amz-request-id}. */
	public String hex(String cause, int length) {
		SplittableRandom random = stream(cause);
		byte[] bytes = new byte[(length + 1) / 2];
		synchronized (random) {
			random.nextBytes(bytes);
		}
		return HexFormat.of().withUpperCase().formatHex(bytes).substring(0, length);
	}

	/** {@code length} characters of the base64 alphabet, as in S3's {@code x-amz-id-2}. */
	public String base64(String cause, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		SplittableRandom random = stream(cause);
		StringBuilder out = new StringBuilder(length);
		synchronized (random) {
			for (int i = 0; i < length; i++) {
				out.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		return out.toString();
	}

	private static long fnv64(String text) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}
}
