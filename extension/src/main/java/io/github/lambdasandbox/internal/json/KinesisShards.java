package io.github.lambdasandbox.internal.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Which shard of a Kinesis stream a record goes to. Kinesis hashes the partition key with MD5 (its UTF-8 bytes),
 * reads the digest as an unsigned 128-bit integer, and puts the record in the shard whose hash key range holds
 * it (or uses the record's explicit hash key instead). A stream created with N shards splits the key space
 * evenly: shard i starts at ⌊2¹²⁸/N⌋·i and ends one before the next start; the last ends at 2¹²⁸−1.
 */
public final class KinesisShards {

	/** 2¹²⁸ − 1, the largest hash key. */
	public static final BigInteger MAX_HASH_KEY = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

	/** Kinesis's limit on a partition key, in Unicode characters. */
	public static final int MAX_PARTITION_KEY_LENGTH = 256;

	private KinesisShards() {
	}

	/** The hash key of a partition key: its MD5 as an unsigned 128-bit integer. */
	public static BigInteger hashKey(String partitionKey) {
		return new BigInteger(1, SqsChecksums.md5().digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
	}

	/** The index of the shard, of {@code shardCount} evenly split ones, whose range holds the partition key's hash. */
	public static int shardIndex(String partitionKey, int shardCount) {
		return shardIndex(hashKey(partitionKey), shardCount);
	}

	/** The index of the shard, of {@code shardCount} evenly split ones, whose range holds {@code hashKey}. */
	public static int shardIndex(BigInteger hashKey, int shardCount) {
		checkCount(shardCount);
		if (hashKey.signum() < 0 || hashKey.compareTo(MAX_HASH_KEY) > 0) {
			throw new IllegalArgumentException("A hash key is between 0 and 2^128 - 1: " + hashKey);
		}
		BigInteger index = hashKey.divide(step(shardCount));
		return Math.min(index.intValue(), shardCount - 1);
	}

	/** The first hash key of shard {@code index} of {@code shardCount}. */
	public static BigInteger startingHashKey(int index, int shardCount) {
		checkIndex(index, shardCount);
		return step(shardCount).multiply(BigInteger.valueOf(index));
	}

	/** The last hash key of shard {@code index} of {@code shardCount}. */
	public static BigInteger endingHashKey(int index, int shardCount) {
		checkIndex(index, shardCount);
		return index == shardCount - 1 ? MAX_HASH_KEY : startingHashKey(index + 1, shardCount).subtract(BigInteger.ONE);
	}

	/** {@code shardId-000000000006}: the index in 12 digits. */
	public static String shardId(int index) {
		if (index < 0) {
			throw new IllegalArgumentException("A shard index is not negative: " + index);
		}
		return String.format("shardId-%012d", index);
	}

	private static BigInteger step(int shardCount) {
		return BigInteger.ONE.shiftLeft(128).divide(BigInteger.valueOf(shardCount));
	}

	private static void checkIndex(int index, int shardCount) {
		checkCount(shardCount);
		if (index < 0 || index >= shardCount) {
			throw new IllegalArgumentException("Shard " + index + " of " + shardCount);
		}
	}

	private static void checkCount(int shardCount) {
		if (shardCount < 1) {
			throw new IllegalArgumentException("A stream has at least one shard: " + shardCount);
		}
	}
}
