package io.github.lambdasandbox.internal.json;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Kinesis sequence numbers: 56 decimal digits, the value of 47 hex digits
 * {@code 2 | shard creation, epoch seconds (9) | low nibble of the shard index (1) | per-shard counter (16) | 00 |
 * arrival, epoch seconds (9) | shard index (8) | 2}. This layout decodes AWS's samples: the
 * {@code kinesis-event.json} record {@code 49590338271490256608559692538361571095921575989136588898} is shard 6,
 * arrived at 1545084650 (its {@code approximateArrivalTimestamp} is 1545084650.987). The counter is the
 * higher-order part, so the numbers of a shard grow with it, numerically and as text (they all have 56 digits).
 */
public final class KinesisSequenceNumbers {

	/** Sequence numbers in numeric order (which, at 56 digits each, is also their text order). */
	public static final Comparator<String> ORDER = Comparator.comparing(BigInteger::new);

	private static final long MAX_SECONDS = 0xF_FFFF_FFFFL;

	private KinesisSequenceNumbers() {
	}

	/** The parts of a sequence number. */
	public record Parts(long shardCreationEpochSecond, long counter, long arrivalEpochSecond, int shardIndex) {
	}

	/**
	 * The sequence number of the {@code counter}-th record of a shard.
	 *
	 * @param counter the shard's own count, from 0; grows by one per record (any step keeps the order)
	 */
	public static String of(long shardCreationEpochSecond, int shardIndex, long counter, long arrivalEpochSecond) {
		checkSeconds(shardCreationEpochSecond);
		checkSeconds(arrivalEpochSecond);
		if (shardIndex < 0) {
			throw new IllegalArgumentException("A shard index is not negative: " + shardIndex);
		}
		if (counter < 0) {
			throw new IllegalArgumentException("A counter is not negative: " + counter);
		}
		String hex = "2" + hex(shardCreationEpochSecond, 9) + Integer.toHexString(shardIndex & 0xF) + hex(counter, 16)
				+ "00" + hex(arrivalEpochSecond, 9) + hex(shardIndex, 8) + "2";
		return new BigInteger(hex, 16).toString();
	}

	/** @throws IllegalArgumentException if {@code sequenceNumber} does not have the layout above */
	public static Parts decode(String sequenceNumber) {
		String hex;
		try {
			hex = new BigInteger(sequenceNumber).toString(16);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Not a Kinesis sequence number: " + sequenceNumber, e);
		}
		if (sequenceNumber.length() != 56 || hex.length() != 47 || hex.charAt(0) != '2' || hex.charAt(46) != '2'
				|| !hex.startsWith("00", 27)) {
			throw new IllegalArgumentException("Not a Kinesis sequence number: " + sequenceNumber);
		}
		int shardIndex = Integer.parseUnsignedInt(hex.substring(38, 46), 16);
		if (Character.digit(hex.charAt(10), 16) != (shardIndex & 0xF)) {
			throw new IllegalArgumentException("Not a Kinesis sequence number: " + sequenceNumber);
		}
		return new Parts(Long.parseLong(hex.substring(1, 10), 16), Long.parseUnsignedLong(hex.substring(11, 27), 16),
				Long.parseLong(hex.substring(29, 38), 16), shardIndex);
	}

	private static String hex(long value, int digits) {
		String text = Long.toHexString(value);
		return "0".repeat(digits - text.length()) + text;
	}

	private static void checkSeconds(long epochSecond) {
		if (epochSecond < 0 || epochSecond > MAX_SECONDS) {
			throw new IllegalArgumentException("Epoch seconds out of range: " + epochSecond);
		}
	}
}
