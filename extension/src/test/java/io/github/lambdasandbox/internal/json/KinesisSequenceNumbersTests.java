package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KinesisSequenceNumbersTests {

	@Test
	void awsSampleRecordDecodesToShardSixArrivedAtItsTimestamp() {
		String sample = Fixtures.json("kinesis-event.json").at("/Records/0/kinesis/sequenceNumber").asText();

		KinesisSequenceNumbers.Parts parts = KinesisSequenceNumbers.decode(sample);

		assertThat(parts.shardIndex()).isEqualTo(6);
		assertThat(parts.arrivalEpochSecond()).isEqualTo(1545084650L);
		assertThat(parts.shardCreationEpochSecond()).isEqualTo(1542776258L);
		assertThat(parts.counter()).isEqualTo(0x67648a17L);
	}

	@Test
	void awsSampleIsRebuiltFromItsParts() {
		assertThat(KinesisSequenceNumbers.of(1542776258L, 6, 0x67648a17L, 1545084650L))
				.isEqualTo("49590338271490256608559692538361571095921575989136588898");
	}

	@Test
	void onFailureSampleBatchIsOneShardAndGrows() {
		var batch = Fixtures.json("kinesis-on-failure-record.json").get("KinesisBatchInfo");
		KinesisSequenceNumbers.Parts start = KinesisSequenceNumbers.decode(batch.get("startSequenceNumber").asText());
		KinesisSequenceNumbers.Parts end = KinesisSequenceNumbers.decode(batch.get("endSequenceNumber").asText());

		assertThat(KinesisShards.shardId(start.shardIndex())).isEqualTo(batch.get("shardId").asText());
		assertThat(end.shardIndex()).isEqualTo(start.shardIndex());
		assertThat(end.shardCreationEpochSecond()).isEqualTo(start.shardCreationEpochSecond());
		assertThat(end.counter()).isGreaterThan(start.counter());
		// 2019-11-14T00:38:04Z, the batch's first arrival
		assertThat(start.arrivalEpochSecond()).isEqualTo(1573691884L);
	}

	@Test
	void numbersOfAShardGrowWithTheCounterAsNumbersAndAsText() {
		List<String> numbers = new ArrayList<>();
		for (long counter = 0; counter < 300; counter++) {
			// the arrival time moves too, but the counter decides
			numbers.add(KinesisSequenceNumbers.of(1_735_689_600L, 3, counter, 1_735_689_600L + (counter % 7)));
		}

		assertThat(numbers).allSatisfy(number -> assertThat(number).hasSize(56).containsOnlyDigits());
		assertThat(numbers).isSortedAccordingTo(KinesisSequenceNumbers.ORDER);
		assertThat(numbers).isSorted();
		assertThat(numbers).doesNotHaveDuplicates();
		assertThat(new BigInteger(numbers.get(1))).isGreaterThan(new BigInteger(numbers.get(0)));
	}

	@Test
	void partsRoundTrip() {
		String number = KinesisSequenceNumbers.of(1_735_689_600L, 17, 123_456_789L, 1_735_690_000L);

		assertThat(KinesisSequenceNumbers.decode(number))
				.isEqualTo(new KinesisSequenceNumbers.Parts(1_735_689_600L, 123_456_789L, 1_735_690_000L, 17));
	}

	@Test
	void lastShardIndexNibbleIsRepeatedBeforeTheCounter() {
		String hex = new BigInteger(KinesisSequenceNumbers.of(1, 0x1f, 0, 1)).toString(16);

		assertThat(hex).hasSize(47).startsWith("2000000001f").endsWith("0000001f2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "800000000003126276362", "49590338271490256608559692538361571095921575989136588899", "abc",
			"49590338271490256608559692538361571095921575989136588898000" })
	void otherNumbersAreNotDecoded(String number) {
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisSequenceNumbers.decode(number));
	}

	@Test
	void negativePartsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisSequenceNumbers.of(1, -1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisSequenceNumbers.of(1, 0, -1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> KinesisSequenceNumbers.of(-1, 0, 0, 1));
	}
}
