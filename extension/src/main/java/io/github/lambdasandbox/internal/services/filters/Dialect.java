package io.github.lambdasandbox.internal.services.filters;

/**
 * Which service's rule grammar to read. Both are Event Ruler's JSON grammar; SNS runs an older version of it.
 *
 * <ul>
 * <li>EventBridge: {@code prefix}/{@code suffix} take {@code {"equals-ignore-case": …}}; {@code anything-but} takes
 * {@code prefix}, {@code suffix}, {@code equals-ignore-case} and {@code wildcard}, each with a string or a list;
 * {@code wildcard} exists. A malformed {@code $or} is an error.
 * <li>SNS: {@code prefix}/{@code suffix} take a string only; {@code anything-but} takes {@code prefix} with one
 * non-empty string only ({@code Unsupported anything-but pattern: suffix}); there is no {@code wildcard}. An
 * {@code $or} that is not an array of at least two objects free of operator names is an ordinary key [DOC SNS
 * "AND/OR logic"].
 * </ul>
 */
enum Dialect {
	EVENTBRIDGE, SNS
}
