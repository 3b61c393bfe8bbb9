package io.github.lambdasandbox.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Lineage: how many times each function ran in a chain of requests")
class LineageTests {

	@Test
	void aChainCountsEachFunctionOnItsOwnAndKeepsNamesInOrder() {
		Lineage chain = Lineage.NONE.after("pong").after("ping").after("pong");

		assertThat(chain.count("pong")).isEqualTo(2);
		assertThat(chain.count("ping")).isEqualTo(1);
		assertThat(chain.count("other")).isZero();
		assertThat(chain.counts()).containsExactly(Map.entry("ping", 1), Map.entry("pong", 2));
	}

	@Test
	void aChainIsImmutableWhatComesAfterItIsANewChain() {
		Lineage once = Lineage.NONE.after("f");
		Lineage twice = once.after("f");

		assertThat(once.count("f")).isEqualTo(1);
		assertThat(twice.count("f")).isEqualTo(2);
		assertThat(Lineage.NONE.counts()).isEmpty();
	}

	@Test
	void aBatchBelongsToTheLongestChainOfEachFunctionAmongItsMessages() {
		Lineage first = Lineage.NONE.after("f").after("f").after("g");
		Lineage second = Lineage.NONE.after("f").after("h").after("h");

		Lineage batch = first.merge(second);

		assertThat(batch.counts()).containsExactly(Map.entry("f", 2), Map.entry("g", 1), Map.entry("h", 2));
		assertThat(Lineage.NONE.merge(second)).isSameAs(second);
		assertThat(first.merge(Lineage.NONE)).isSameAs(first);
	}
}
