package io.github.lambdasandbox.internal.services.filters;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value of a rule's field: a literal or a match expression, tested against one leaf of the event. Shared by
 * EventBridge and SNS: the two services compare the same way, only their grammars and error texts differ. Strings never
 * match numbers and numbers never match strings ({@code ["300"]} does not match {@code 300}); numbers compare by value
 * ({@code [300]} matches {@code 300.0} and {@code 3e2}).
 */
sealed interface ValueMatcher {

	boolean test(JsonNode leaf);

	/** A string literal. A literal shaped like an IP address matches any spelling of that address, as in Event Ruler. */
	record ExactText(String value, byte[] address) implements ValueMatcher {

		static ExactText of(String value) {
			return new ExactText(value, IpAddress.parse(value));
		}

		@Override
		public boolean test(JsonNode leaf) {
			if (!leaf.isTextual()) {
				return false;
			}
			String text = leaf.textValue();
			return text.equals(value) || (address != null && Arrays.equals(address, IpAddress.parse(text)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExactText exact && exact.value.equals(value);
		}

		@Override
		public int hashCode() {
			return value.hashCode();
		}

		@Override
		public String toString() {
			return "ExactText[" + value + "]";
		}
	}

	/** A number literal, or {@code {"numeric": ["=", n]}}. */
	record ExactNumber(BigDecimal value) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return leaf.isNumber() && leaf.decimalValue().compareTo(value) == 0;
		}
	}

	/** {@code true}, {@code false} or {@code null}: matches that JSON literal only (not the string {@code "null"}). */
	record ExactLiteral(String literal) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return switch (literal) {
				case "null" -> leaf.isNull();
				case "true" -> leaf.isBoolean() && leaf.booleanValue();
				default -> leaf.isBoolean() && !leaf.booleanValue();
			};
		}
	}

	/** {@code prefix} (strings only; {@code ""} matches every string), optionally ignoring case. */
	record Prefix(String value, boolean ignoreCase) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return leaf.isTextual() && startsWith(leaf.textValue(), value, ignoreCase);
		}
	}

	/** {@code suffix} (strings only; case-sensitive unless combined with {@code equals-ignore-case}). */
	record Suffix(String value, boolean ignoreCase) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return leaf.isTextual() && endsWith(leaf.textValue(), value, ignoreCase);
		}
	}

	/** {@code equals-ignore-case} (strings only; {@code ""} matches only the empty string). */
	record EqualsIgnoreCase(String value) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return leaf.isTextual() && leaf.textValue().equalsIgnoreCase(value);
		}
	}

	/** {@code wildcard} (strings only; {@code ""} matches only the empty string). */
	record WildcardMatch(Wildcard wildcard) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return leaf.isTextual() && wildcard.matches(leaf.textValue());
		}
	}

	/** {@code cidr}: a string that is an address of the block's family inside the block. */
	record CidrMatch(Cidr cidr) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return leaf.isTextual() && cidr.contains(leaf.textValue());
		}
	}

	/** {@code numeric}: JSON numbers only; a missing bound is unbounded. */
	record NumericRange(BigDecimal lower, boolean lowerOpen, BigDecimal upper, boolean upperOpen)
			implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			if (!leaf.isNumber()) {
				return false;
			}
			BigDecimal value = leaf.decimalValue();
			if (lower != null) {
				int sign = value.compareTo(lower);
				if (sign < 0 || (sign == 0 && lowerOpen)) {
					return false;
				}
			}
			if (upper != null) {
				int sign = value.compareTo(upper);
				return sign < 0 || (sign == 0 && !upperOpen);
			}
			return true;
		}
	}

	/** {@code {"exists": true}}: any leaf, null included; not an object, not an empty array. */
	record Exists() implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return true;
		}
	}

	/**
	 * {@code {"exists": false}}: matches no leaf; the {@link Field} matches when no leaf is at its path (a missing
	 * parent, an object or an empty array there all count as absent).
	 */
	record Absent() implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return false;
		}
	}

	/**
	 * {@code anything-but} a list of strings or of numbers: a leaf of the other type (or true, false, null) always
	 * matches; a missing field never does.
	 */
	record AnythingBut(List<String> strings, List<BigDecimal> numbers) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			if (leaf.isTextual()) {
				return !strings.contains(leaf.textValue());
			}
			if (leaf.isNumber()) {
				BigDecimal value = leaf.decimalValue();
				return numbers.stream().noneMatch(number -> number.compareTo(value) == 0);
			}
			return true;
		}
	}

	/** {@code anything-but} {@code prefix}, {@code suffix}, {@code equals-ignore-case}: non-strings always match. */
	record AnythingButText(Kind kind, List<String> values) implements ValueMatcher {

		enum Kind {
			PREFIX, SUFFIX, EQUALS_IGNORE_CASE
		}

		@Override
		public boolean test(JsonNode leaf) {
			if (!leaf.isTextual()) {
				return true;
			}
			String text = leaf.textValue();
			return values.stream().noneMatch(value -> switch (kind) {
				case PREFIX -> text.startsWith(value);
				case SUFFIX -> text.endsWith(value);
				case EQUALS_IGNORE_CASE -> text.equalsIgnoreCase(value);
			});
		}
	}

	/** {@code anything-but} {@code wildcard}: non-strings always match; {@code ""} excludes only the empty string. */
	record AnythingButWildcard(List<Wildcard> wildcards) implements ValueMatcher {

		@Override
		public boolean test(JsonNode leaf) {
			return !leaf.isTextual() || wildcards.stream().noneMatch(wildcard -> wildcard.matches(leaf.textValue()));
		}
	}

	private static boolean startsWith(String text, String prefix, boolean ignoreCase) {
		return text.regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
	}

	private static boolean endsWith(String text, String suffix, boolean ignoreCase) {
		int from = text.length() - suffix.length();
		return from >= 0 && text.regionMatches(ignoreCase, from, suffix, 0, suffix.length());
	}
}
