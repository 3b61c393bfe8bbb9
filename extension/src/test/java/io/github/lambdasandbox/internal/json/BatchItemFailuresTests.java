package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import io.github.lambdasandbox.internal.json.BatchItemFailures.Outcome;
import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchItemFailuresTests {

	private static final List<String> BATCH = List.of("id1", "id2", "id3", "id4");

	@Test
	void awsSampleResponseFailsItsTwoItems() {
		BatchItemFailures.Result result = BatchItemFailures.read(Fixtures.text("sqs-batch-response.json"), BATCH);

		assertThat(result.outcome()).isEqualTo(Outcome.SOME_FAILED);
		assertThat(result.failed()).containsExactly("id2", "id4");
	}

	@ParameterizedTest(name = "{0} → {1} {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "none", textBlock = """
			none                                                            | ALL_SUCCEEDED |
			``                                                              | ALL_SUCCEEDED |
			`  `                                                            | ALL_SUCCEEDED |
			null                                                            | ALL_SUCCEEDED |
			{}                                                              | ALL_SUCCEEDED |
			{"batchItemFailures":null}                                      | ALL_SUCCEEDED |
			{"batchItemFailures":[]}                                        | ALL_SUCCEEDED |
			{"other":1}                                                     | ALL_SUCCEEDED |
			{"batchItemFailures":[{"itemIdentifier":"id3"}]}                | SOME_FAILED   | id3
			{"batchItemFailures":[{"itemIdentifier":"id4"},{"itemIdentifier":"id1"}]} | SOME_FAILED | id1 id4
			{"batchItemFailures":[{"itemIdentifier":"id2"},{"itemIdentifier":"id2"}]} | SOME_FAILED | id2
			{"batchItemFailures":[{"itemIdentifier":"id2","extra":true}]}   | SOME_FAILED   | id2
			{"batchItemFailures":[{"itemIdentifier":""}]}                   | ALL_FAILED    |
			{"batchItemFailures":[{"itemIdentifier":null}]}                 | ALL_FAILED    |
			{"batchItemFailures":[{"itemId":"id2"}]}                        | ALL_FAILED    |
			{"batchItemFailures":[{"itemIdentifier":"id9"}]}                | ALL_FAILED    |
			{"batchItemFailures":[{"itemIdentifier":"id2"},{"itemIdentifier":"nope"}]} | ALL_FAILED |
			{"batchItemFailures":["id2"]}                                   | ALL_FAILED    |
			{"batchItemFailures":{"itemIdentifier":"id2"}}                  | ALL_FAILED    |
			{"batchItemFailures":[{"itemIdentifier":["id2"]}]}              | ALL_FAILED    |
			{"batchItemFailures":[                                          | ALL_FAILED    |
			not json                                                        | ALL_FAILED    |
			"ok"                                                            | ALL_FAILED    |
			[]                                                              | ALL_FAILED    |
			42                                                              | ALL_FAILED    |
			""")
	void responsesReadAsLambdaReadsThem(String response, Outcome outcome, String failed) {
		BatchItemFailures.Result result = BatchItemFailures.read(response, BATCH);

		assertThat(result.outcome()).isEqualTo(outcome);
		assertThat(result.failed()).containsExactlyElementsOf(failed == null ? List.of() : Arrays.asList(failed.split(" ")));
	}

	@Test
	void numericIdentifierIsReadAsItsText() {
		BatchItemFailures.Result result = BatchItemFailures.read("{\"batchItemFailures\":[{\"itemIdentifier\":111}]}",
				List.of("110", "111", "112"));

		assertThat(result.outcome()).isEqualTo(Outcome.SOME_FAILED);
		assertThat(result.failed()).containsExactly("111");
	}

	@Test
	void lowestSequenceNumberIsComparedAsANumber() {
		assertThat(BatchItemFailures.lowestSequenceNumber(List.of("900000000000000000001", "8000000000000000000001",
				"800000000000000000002"))).isEqualTo("800000000000000000002");
		assertThat(BatchItemFailures.lowestSequenceNumber(List.of("99", "100"))).isEqualTo("99");
		assertThatExceptionOfType(NoSuchElementException.class)
				.isThrownBy(() -> BatchItemFailures.lowestSequenceNumber(List.of()));
	}
}
