package io.github.lambdasandbox.internal.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * ListObjectsV2 over the keys of a bucket, as S3 pages them: keys in the binary order of their UTF-8 bytes, those that
 * share a prefix up to the delimiter rolled up into one common prefix, at most {@code maxKeys} keys and prefixes
 * together per page. The continuation token is the last key listed, in base64.
 */
public final class ObjectListing {

	/** S3 lists keys in the binary order of their UTF-8 bytes. */
	public static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays
		.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

	private ObjectListing() {
	}

	/**
	 * One page.
	 *
	 * @param objects the bucket's objects by key, in {@link #UTF8_ORDER}
	 * @param head what a listed object shows (no content)
	 * @throws AwsServiceException {@code InvalidArgument} for a continuation token S3 did not give
	 */
	public static <T> AwsServices.ListObjectsResult page(String bucket, NavigableMap<String, T> objects,
			Function<T, AwsServices.S3Object> head, String prefix, String delimiter, int maxKeys, String continuationToken,
			String startAfter) {
		String after = startAfter;
		if (continuationToken != null) {
			try {
				after = new String(Base64.getDecoder().decode(continuationToken), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				throw new AwsServiceException(400, "InvalidArgument", "The continuation token provided is incorrect", true,
						Map.of("ArgumentName", "continuation-token"));
			}
		}
		String from = prefix == null ? "" : prefix;
		List<AwsServices.S3Object> contents = new ArrayList<>();
		TreeSet<String> commonPrefixes = new TreeSet<>(UTF8_ORDER);
		String last = null;
		boolean truncated = false;
		for (Map.Entry<String, T> object : (after == null ? objects : objects.tailMap(after, false)).entrySet()) {
			String key = object.getKey();
			if (!key.startsWith(from)) {
				continue;
			}
			int delimiterAt = delimiter == null || delimiter.isEmpty() ? -1 : key.indexOf(delimiter, from.length());
			String commonPrefix = delimiterAt < 0 ? null : key.substring(0, delimiterAt + delimiter.length());
			if (commonPrefix != null && commonPrefixes.contains(commonPrefix)) {
				last = key;
				continue;
			}
			if (contents.size() + commonPrefixes.size() == maxKeys) {
				truncated = true;
				break;
			}
			if (commonPrefix != null) {
				commonPrefixes.add(commonPrefix);
			}
			else {
				contents.add(head.apply(object.getValue()));
			}
			last = key;
		}
		String next = truncated ? Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)) : null;
		return new AwsServices.ListObjectsResult(bucket, prefix, delimiter, maxKeys, contents, List.copyOf(commonPrefixes),
				truncated, next, contents.size() + commonPrefixes.size());
	}
}
