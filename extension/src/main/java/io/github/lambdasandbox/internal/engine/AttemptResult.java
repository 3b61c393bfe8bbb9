package io.github.lambdasandbox.internal.engine;

import io.github.lambdasandbox.JournalEntry.Outcome;

/**
 * How one attempt of a handler ended, as the Invoke API reports it.
 *
 * @param payload the handler's result, or the runtime's error payload
 * @param json whether the payload is JSON (a stream handler may write anything)
 * @param error what the handler threw, if it did (the cause of assertion failures); null otherwise
 * @param logText what the runtime logs about the error; null if nothing
 */
record AttemptResult(Outcome outcome, String payload, boolean json, String errorType, String errorMessage,
		Throwable error, String logText) {

	static AttemptResult success(String payload, boolean json) {
		return new AttemptResult(Outcome.SUCCESS, payload, json, null, null, null, null);
	}

	static AttemptResult failure(Outcome outcome, String payload, String errorType, String errorMessage, Throwable error) {
		return new AttemptResult(outcome, payload, true, errorType, errorMessage, error, null);
	}

	boolean success() {
		return outcome == Outcome.SUCCESS;
	}

	/** {@code "Unhandled"} after a failure, as {@code X-Amz-Function-Error} and {@code responseContext} say; else null. */
	String functionError() {
		return success() ? null : "Unhandled";
	}
}
