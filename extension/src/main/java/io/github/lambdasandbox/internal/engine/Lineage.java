package io.github.lambdasandbox.internal.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chain of requests an event belongs to, as Lambda's recursive loop detection tracks it (the {@code Lineage} of
 * the X-Ray trace header that AWS's services and SDKs pass on): how many times each function was invoked in the
 * chain so far. An event written by a handler (an SQS message, an SNS message, an S3 object, an invocation) carries the
 * lineage its attempt ran with; an event from the test, or from a service Lambda cannot follow (EventBridge, Kinesis,
 * DynamoDB), starts a new chain. Immutable; a few entries at most.
 */
final class Lineage {

	/** No chain yet: what the test and the services Lambda cannot follow start with. */
	static final Lineage NONE = new Lineage(new String[0], new int[0]);

	/** Function names, sorted, with their counts. */
	private final String[] functions;

	private final int[] counts;

	private Lineage(String[] functions, int[] counts) {
		this.functions = functions;
		this.counts = counts;
	}

	/** How many times {@code function} was invoked in the chain. */
	int count(String function) {
		int at = Arrays.binarySearch(functions, function);
		return at < 0 ? 0 : counts[at];
	}

	/** The chain with one more invocation of {@code function}: what its attempt runs with. */
	Lineage after(String function) {
		int at = Arrays.binarySearch(functions, function);
		if (at >= 0) {
			int[] more = counts.clone();
			more[at]++;
			return new Lineage(functions, more);
		}
		int insert = -at - 1;
		String[] names = new String[functions.length + 1];
		int[] more = new int[counts.length + 1];
		System.arraycopy(functions, 0, names, 0, insert);
		System.arraycopy(counts, 0, more, 0, insert);
		names[insert] = function;
		more[insert] = 1;
		System.arraycopy(functions, insert, names, insert + 1, functions.length - insert);
		System.arraycopy(counts, insert, more, insert + 1, counts.length - insert);
		return new Lineage(names, more);
	}

	/**
	 * The chain of a batch of events: for each function the highest count of any of them (a batch of an SQS queue's
	 * mapping belongs to the longest chain among its messages).
	 */
	Lineage merge(Lineage other) {
		if (other == null || other == this || other.functions.length == 0) {
			return this;
		}
		if (functions.length == 0) {
			return other;
		}
		Lineage merged = this;
		for (int i = 0; i < other.functions.length; i++) {
			int mine = merged.count(other.functions[i]);
			for (int n = mine; n < other.counts[i]; n++) {
				merged = merged.after(other.functions[i]);
			}
		}
		return merged;
	}

	/** Function name to count, in name order. */
	Map<String, Integer> counts() {
		Map<String, Integer> map = new LinkedHashMap<>();
		for (int i = 0; i < functions.length; i++) {
			map.put(functions[i], counts[i]);
		}
		return Collections.unmodifiableMap(map);
	}

	@Override
	public String toString() {
		return counts().toString();
	}
}
