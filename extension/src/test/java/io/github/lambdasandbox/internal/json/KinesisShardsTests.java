package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class KinesisShardsTests {

	private static final BigInteger TWO_TO_128 = BigInteger.TWO.pow(128);

	static Stream<Arguments> shards() {
		return IntStream.rangeClosed(1, 5)
				.boxed()
				.flatMap(count -> IntStream.range(0, count).mapToObj(index -> Arguments.of(count, index)));
	}

	@ParameterizedTest(name = "shard {1} of {0}")
	@MethodSource("shards")
	void firstAndLastKeyOfEachShardAreInIt(int count, int index) {
		BigInteger step = TWO_TO_128.divide(BigInteger.valueOf(count));
		BigInteger first = step.multiply(BigInteger.valueOf(index));
		BigInteger last = index == count - 1 ? TWO_TO_128.subtract(BigInteger.ONE)
				: step.multiply(BigInteger.valueOf(index + 1)).subtract(BigInteger.ONE);

		assertThat(KinesisShards.startingHashKey(index, count)).isEqualTo(first);
		assertThat(KinesisShards.endingHashKey(index, count)).isEqualTo(last);
		assertThat(KinesisShards.shardIndex(first, count)).isEqualTo(index);
		assertThat(KinesisShards.shardIndex(last, count)).isEqualTo(index);
		if (index > 0) {
			assertThat(KinesisShards.shardIndex(first.subtract(BigInteger.ONE), count)).isEqualTo(index - 1);
		}
		if (index < count - 1) {
			assertThat(KinesisShards.shardIndex(last.add(BigInteger.ONE), count)).isEqualTo(index + 1);
		}
	}

	/** The ranges Kinesis gives a new stream's shards (CreateStream, then ListShards). */
	@ParameterizedTest(name = "{0} shards: shard 0 ends at {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1 | 340282366920938463463374607431768211455
			2 | 170141183460469231731687303715884105727
			3 | 113427455640312821154458202477256070484
			4 | 85070591730234615865843651857942052863
			5 | 68056473384187692692674921486353642290
			""")
	void rangesAreKinesisOwn(int count, String endOfFirst) {
		assertThat(KinesisShards.startingHashKey(0, count)).isZero();
		assertThat(KinesisShards.endingHashKey(0, count)).isEqualTo(new BigInteger(endOfFirst));
		assertThat(KinesisShards.endingHashKey(count - 1, count)).isEqualTo(KinesisShards.MAX_HASH_KEY)
				.isEqualTo("340282366920938463463374607431768211455");
	}

	@Test
	void partitionKeyOneGoesToShardOneOfTwo() {
		// MD5("1") = c4ca4238a0b923820dcc509a6f75849b: the top bit is set
		assertThat(KinesisShards.hashKey("1")).isEqualTo(new BigInteger("c4ca4238a0b923820dcc509a6f75849b", 16));
		assertThat(KinesisShards.shardIndex("1", 2)).isEqualTo(1);
		assertThat(KinesisShards.shardIndex("1", 1)).isZero();
	}

	@Test
	void hashKeyIsTheMd5OfTheUtf8Bytes() {
		// MD5("é" as UTF-8) differs from MD5 of its ISO-8859-1 byte
		assertThat(KinesisShards.hashKey("é"))
				.isEqualTo(new BigInteger(1, SqsChecksums.md5().digest(new byte[] { (byte) 0xc3, (byte) 0xa9 })));
	}

	@Test
	void hashKeyIsUnsigned() {
		assertThat(KinesisShards.hashKey("1").signum()).isPositive();
		assertThat(KinesisShards.hashKey("1").bitLength()).isEqualTo(128);
	}

	@Test
	void shardIdHasTwelveDigits() {
		assertThat(KinesisShards.shardId(6)).isEqualTo("shardId-000000000006");
		assertThat(KinesisShards.shardId(0)).isEqualTo("shardId-000000000000");
	}

	@Test
	void outOfRangeArgumentsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisShards.shardIndex("1", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisShards.shardIndex(TWO_TO_128, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisShards.shardIndex(BigInteger.valueOf(-1), 2));
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisShards.startingHashKey(2, 2));
	}
}
