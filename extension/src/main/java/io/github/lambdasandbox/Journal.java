package io.github.lambdasandbox;

import java.util.List;

/**
 * What happened in a sandbox, entry by entry, in the order it happened: the evidence behind every assertion,
 * the text timeline, the metrics and the logs. Read-only; {@link Sandbox#journal()} gives it.
 *
 * <p>Each method returns what happened so far. Called from the test, it first lets the sandbox finish what is
 * due at the current virtual instant (the clock does not move), so what it returns is the same on every run.
 * The lists are immutable snapshots.
 *
 * <pre>{@code
 * List<JournalEntry.AttemptEnded> attempts = sandbox.journal().entries(JournalEntry.AttemptEnded.class);
 * assertThat(attempts).extracting(JournalEntry.AttemptEnded::outcome).containsOnly(Outcome.FUNCTION_ERROR);
 * }</pre>
 *
 * @since 0.2
 */
public interface Journal {

	/** Every entry, oldest first. */
	List<JournalEntry> entries();

	/** The entries of one kind, oldest first, e.g. {@code entries(JournalEntry.RetryScheduled.class)}. */
	<E extends JournalEntry> List<E> entries(Class<E> kind);

	/** The entries of one request, oldest first. */
	List<JournalEntry> ofRequest(String requestId);

	/** The entries of one function (its requests, attempts, log lines), oldest first. */
	List<JournalEntry> ofFunction(String functionName);

	/**
	 * The entries of one resource, oldest first: {@code ofResource("sqs:S3-failure")} lists what reached the
	 * queue and what left it.
	 */
	List<JournalEntry> ofResource(String resource);

	/** How many entries there are. */
	int size();

	/**
	 * The timeline, request by request, in virtual time, as failure messages show it. Long journals are
	 * shortened: the first and the last requests, and how many were left out.
	 */
	String timeline();

	/** The timeline of one request. */
	String timeline(String requestId);
}
