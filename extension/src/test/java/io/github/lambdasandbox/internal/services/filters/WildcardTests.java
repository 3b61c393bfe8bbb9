package io.github.lambdasandbox.internal.services.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			*:*:*:*:*:event-bus/*                   | 11
			arn:aws:events:us-east-1:*:event-bus/*  | 3
			/Users/*/dir/dir/dir/dir/dir/doc.txt    | 7
			*/dir/*                                 | 4
			/Users/*/doc.txt                        | 2
			*                                       | 2
			a*b*c*d*e*                              | 6
			*a*a*a*a*a                              | 10
			*:*:*:*:event-bus/*                     | 9
			*:*:*:event-bus/*                       | 7
			a*:*:*:*:*:b                            | 10
			*a*b*c*d*e*f*                           | 8
			*ab*ab*ab*                              | 7
			*aaaa                                   | 5
			*aaaaaaaaaaaa                           | 13
			x*aaaaaaaaaaaaaaaaaaaa                  | 21
			no-wildcard                             | 1
			""")
	void complexityIsEventRulers(String pattern, int expected) {
		// the expected values are what Event Ruler's MachineComplexityEvaluator gives for a rule with this one value
		assertThat(Wildcard.complexity(List.of(Wildcard.parse(pattern)), 100)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			*aaaaa,*bbbbb      | 7
			*aaaaa,*aaaaab     | 12
			x*aaaa,x*aaab      | 9
			""")
	void valuesOfOneFieldAddUp(String patterns, int expected) {
		List<Wildcard> wildcards = Arrays.stream(patterns.split(",")).map(Wildcard::parse).toList();
		assertThat(Wildcard.complexity(wildcards, 100)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			*           | ``            | true
			a*          | a             | true
			*a          | ba            | true
			*a          | ab            | false
			a*b         | a/x/y/b       | true
			a*b*a       | abba          | true
			a*b*a       | abab          | false
			*.*.*       | 1.2           | false
			*.*.*       | 1.2.3         | true
			a\\*b       | a*b           | true
			a\\*b       | aab           | false
			a\\\\*      | a\\bcd        | true
			é*          | éa            | true
			\\**        | *anything     | true
			\\**        | x*            | false
			``          | ``            | true
			``          | a             | false
			""")
	void matchesAnyRunForAStar(String pattern, String value, boolean expected) {
		assertThat(Wildcard.parse(pattern).matches(value)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			**         | Consecutive wildcard characters at pos 1
			a**        | Consecutive wildcard characters at pos 2
			a\\***     | Consecutive wildcard characters at pos 4
			ab\\c      | Invalid escape character at pos 3
			ab\\       | Invalid escape character at pos 3
			""")
	void positionsCountTheOpeningQuote(String pattern, String message) {
		assertThatThrownBy(() -> Wildcard.parse(pattern))
				.isInstanceOf(MalformedRuleException.class).hasMessage(message);
	}
}
