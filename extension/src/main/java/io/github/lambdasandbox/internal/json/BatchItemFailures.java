package io.github.lambdasandbox.internal.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a function's {@code ReportBatchItemFailures} response ({@code sqs-batch-response.json}:
 * {@code {"batchItemFailures":[{"itemIdentifier":"id2"},…]}}) as Lambda does for SQS, Kinesis and DynamoDB
 * Streams (DOC-2023 with-sqs, spec §6.1, §6.2).
 *
 * <p>Complete success: an empty or {@code null} response, an empty or {@code null} {@code batchItemFailures}
 * list (an object without the key included). Complete failure: a response that is not JSON, an
 * {@code itemIdentifier} that is empty, {@code null} or missing (a wrong key name), or not in the batch. The
 * documentation does not say what other shapes give; here a response that is JSON but neither an object nor
 * {@code null} (a string, a number, an array), a {@code batchItemFailures} that is not an array, or an element that
 * is not an object is a complete failure too (Lambda deserialises the response into its response type, which
 * these cannot be), and a number or boolean identifier is read as its text (as that deserialisation does).
 */
public final class BatchItemFailures {

	private BatchItemFailures() {
	}

	/** How the batch went. */
	public enum Outcome {
		/** Every item succeeded: delete (SQS) or checkpoint past (streams) the whole batch. */
		ALL_SUCCEEDED,
		/** The items listed failed, the others succeeded. */
		SOME_FAILED,
		/** The response could not be used: the whole batch failed, as after a function error. */
		ALL_FAILED
	}

	/**
	 * What a response says.
	 *
	 * @param failed the items reported as failed, each once, in the batch's order; empty unless
	 * {@link Outcome#SOME_FAILED}
	 */
	public record Result(Outcome outcome, List<String> failed) {

		public Result {
			Objects.requireNonNull(outcome, "outcome");
			failed = List.copyOf(failed);
		}

		static final Result ALL_SUCCEEDED = new Result(Outcome.ALL_SUCCEEDED, List.of());

		static final Result ALL_FAILED = new Result(Outcome.ALL_FAILED, List.of());
	}

	/**
	 * @param response what the function returned (its response payload); {@code null} or blank for none
	 * @param batch the identifiers of the batch's items: SQS message ids, or stream sequence numbers, in order
	 */
	public static Result read(String response, List<String> batch) {
		if (response == null || response.isBlank()) {
			return Result.ALL_SUCCEEDED;
		}
		JsonNode root;
		try {
			root = Json.parse(response);
		}
		catch (Json.InvalidJsonException e) {
			return Result.ALL_FAILED;
		}
		if (root.isNull()) {
			return Result.ALL_SUCCEEDED;
		}
		if (!root.isObject()) {
			return Result.ALL_FAILED;
		}
		JsonNode failures = root.get("batchItemFailures");
		if (failures == null || failures.isNull()) {
			return Result.ALL_SUCCEEDED;
		}
		if (!failures.isArray()) {
			return Result.ALL_FAILED;
		}
		if (failures.isEmpty()) {
			return Result.ALL_SUCCEEDED;
		}
		Set<String> inBatch = Set.copyOf(batch);
		Set<String> listed = new LinkedHashSet<>();
		for (JsonNode failure : failures) {
			if (!failure.isObject()) {
				return Result.ALL_FAILED;
			}
			JsonNode identifier = failure.get("itemIdentifier");
			if (identifier == null || identifier.isNull() || identifier.isContainerNode()) {
				return Result.ALL_FAILED;
			}
			String id = identifier.asText();
			if (id.isEmpty() || !inBatch.contains(id)) {
				return Result.ALL_FAILED;
			}
			listed.add(id);
		}
		List<String> failed = new ArrayList<>(listed.size());
		for (String id : batch) {
			if (listed.remove(id)) {
				failed.add(id);
			}
		}
		return new Result(Outcome.SOME_FAILED, failed);
	}

	/**
	 * For a stream: the lowest of the sequence numbers reported, from which Lambda retries (spec §6.2). Compared
	 * as numbers (DynamoDB's have 21 to 40 digits).
	 *
	 * @throws java.util.NoSuchElementException if there are none
	 */
	public static String lowestSequenceNumber(Collection<String> sequenceNumbers) {
		return sequenceNumbers.stream().min(Comparator.comparing(BigInteger::new)).orElseThrow();
	}
}
