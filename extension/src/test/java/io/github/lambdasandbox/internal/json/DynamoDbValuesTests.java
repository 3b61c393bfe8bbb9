package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoDbValuesTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			"x"                  | {"S":"x"}
			""                   | {"S":""}
			12                   | {"N":"12"}
			-1.50                | {"N":"-1.50"}
			1e3                  | {"N":"1e3"}
			123456789012345678901234567890.5 | {"N":"123456789012345678901234567890.5"}
			true                 | {"BOOL":true}
			false                | {"BOOL":false}
			null                 | {"NULL":true}
			[]                   | {"L":[]}
			[1,"a",null]         | {"L":[{"N":"1"},{"S":"a"},{"NULL":true}]}
			{}                   | {"M":{}}
			{"a":{"b":[true]}}   | {"M":{"a":{"M":{"b":{"L":[{"BOOL":true}]}}}}}
			""")
	void plainValuesBecomeTypedValues(String plain, String typed) {
		assertThat(DynamoDbValues.typedValue(plain)).isEqualTo(typed);
	}

	@Test
	void objectBecomesTypedItemInItsOrder() {
		assertThat(DynamoDbValues.typedItem("{\"id2\": \"id2_new_value\", \"id\": \"id_value\"}"))
				.isEqualTo("{\"id2\":{\"S\":\"id2_new_value\"},\"id\":{\"S\":\"id_value\"}}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"a\":1}", "{\"n\":-0.000,\"e\":1E+3,\"big\":1234567890123456789012345678901234567}",
			"{\"s\":\"\\u00e9\\n\\\"\",\"nested\":{\"l\":[[],{},[null,false,2.5]]}}" })
	void typedItemsRoundTripToTheSamePlainJson(String plain) {
		String back = DynamoDbValues.plainItem(DynamoDbValues.typedItem(plain));

		assertThat(Fixtures.parse(back)).isEqualTo(Fixtures.parse(plain));
		assertThat(DynamoDbValues.typedItem(back)).isEqualTo(DynamoDbValues.typedItem(plain));
	}

	@Test
	void numberTextIsKeptBothWays() {
		assertThat(DynamoDbValues.plainItem(DynamoDbValues.typedItem("{\"n\":-0.000,\"e\":1E+3}")))
				.isEqualTo("{\"n\":-0.000,\"e\":1E+3}");
		assertThat(DynamoDbValues.plainValue(DynamoDbValues.typedValue("1.50"))).isEqualTo("1.50");
		assertThat(DynamoDbValues.plainValue("{\"N\":\"1e3\"}")).isEqualTo("1e3");
	}

	@Test
	void typesPlainJsonCannotMakeAreReadToo() {
		assertThat(DynamoDbValues.plainItem("{\"b\":{\"B\":\"AgME\"},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},"
				+ "\"bs\":{\"BS\":[\"AQ==\"]}}")).isEqualTo("{\"b\":\"AgME\",\"ss\":[\"a\",\"b\"],\"ns\":[1,2.5],\"bs\":[\"AQ==\"]}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1]", "\"x\"", "1", "null", "{\"a\":1} {}", "{\"a\":", "" })
	void onlyOneObjectIsAnItem(String plain) {
		assertThatIllegalArgumentException().isThrownBy(() -> DynamoDbValues.typedItem(plain));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"X\":\"a\"}", "{\"S\":\"a\",\"N\":\"1\"}", "\"a\"", "{\"N\":\"one\"}", "{\"N\":\"0x10\"}" })
	void malformedTypedValuesAreRefused(String typed) {
		assertThatIllegalArgumentException().isThrownBy(() -> DynamoDbValues.plainValue(typed));
	}

	@Test
	void sampleItemsHaveTheSizesThatMakeSizeBytes46() {
		var dynamodb = Fixtures.json("dynamodb-stream-event.json").at("/Records/0/dynamodb");

		assertThat(DynamoDbValues.itemSize(Json.write(dynamodb.get("Keys")))).isEqualTo(2 + 8);
		assertThat(DynamoDbValues.itemSize(Json.write(dynamodb.get("NewImage")))).isEqualTo(3 + 13 + 2 + 8);
		assertThat(DynamoDbValues.itemSize(Json.write(dynamodb.get("OldImage")))).isEqualTo(2 + 8);
	}

	@ParameterizedTest(name = "{0}: {1} bytes")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"S":"abc"}                       | 3
			{"S":"é€"}                        | 5
			{"S":""}                          | 0
			{"N":"7"}                         | 2
			{"N":"12"}                        | 2
			{"N":"123"}                       | 3
			{"N":"1000"}                      | 2
			{"N":"0.0012"}                    | 2
			{"N":"-123.45"}                   | 4
			{"N":"0"}                         | 2
			{"B":"AgME"}                      | 3
			{"BOOL":false}                    | 1
			{"NULL":true}                     | 1
			{"L":[]}                          | 3
			{"M":{}}                          | 3
			{"L":[{"S":"ab"},{"N":"1"}]}      | 9
			{"M":{"k":{"S":"ab"}}}            | 7
			{"SS":["a","bc"]}                 | 3
			{"NS":["1","123"]}                | 5
			{"BS":["AQ==","AgME"]}            | 4
			""")
	void valueSizesFollowDynamoDbRules(String typed, int size) {
		assertThat(DynamoDbValues.valueSize(Json.parse(typed))).isEqualTo(size);
	}

	@Test
	void itemSizeCountsNamesInUtf8() {
		assertThat(DynamoDbValues.itemSize("{\"é\":{\"BOOL\":true}}")).isEqualTo(3);
	}
}
