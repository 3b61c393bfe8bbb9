package io.github.lambdasandbox.internal.engine;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import io.github.lambdasandbox.JournalEntry;

/**
 * The entries of a sandbox's journal: appended by the engine's single writer, indexed by request, function and
 * resource. Lists handed out are views of what was there when asked: appending never disturbs them.
 */
final class JournalStore {

	private JournalEntry[] entries = new JournalEntry[64];

	private int size;

	private final Map<String, Positions> byFunction = new HashMap<>();

	private final Map<String, Positions> byResource = new HashMap<>();

	/** Positions in the journal, growing. */
	private static final class Positions {

		int[] at = new int[4];

		int size;

		void add(int position) {
			if (size == at.length) {
				at = Arrays.copyOf(at, size * 2);
			}
			at[size++] = position;
		}
	}

	/** The sequence number the next entry gets. */
	long next() {
		return size;
	}

	<E extends JournalEntry> E append(E entry) {
		if (entry.sequence() != size) {
			throw new IllegalStateException("Journal entry " + entry + " out of sequence: expected " + size);
		}
		if (size == entries.length) {
			entries = Arrays.copyOf(entries, size * 2);
		}
		int position = size;
		entries[size++] = entry;
		index(byFunction, entry.function(), position);
		index(byResource, entry.resource(), position);
		return entry;
	}

	private static void index(Map<String, Positions> index, String key, int position) {
		if (key != null) {
			index.computeIfAbsent(key, k -> new Positions()).add(position);
		}
	}

	int size() {
		return size;
	}

	JournalEntry get(int position) {
		return entries[position];
	}

	List<JournalEntry> all() {
		return new View(entries, size);
	}

	/** The entries of one request: a scan (requests are many; they are looked up only for messages). */
	List<JournalEntry> ofRequest(String requestId) {
		List<JournalEntry> out = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			if (requestId.equals(entries[i].requestId())) {
				out.add(entries[i]);
			}
		}
		return List.copyOf(out);
	}

	List<JournalEntry> ofFunction(String function) {
		return positions(byFunction.get(function));
	}

	List<JournalEntry> ofResource(String resource) {
		return positions(byResource.get(resource));
	}

	/** How many entries a resource has: what a waiting assertion compares between instants. */
	int countOfResource(String resource) {
		Positions positions = byResource.get(resource);
		return positions == null ? 0 : positions.size;
	}

	<E extends JournalEntry> List<E> ofKind(Class<E> kind) {
		List<E> out = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			if (kind.isInstance(entries[i])) {
				out.add(kind.cast(entries[i]));
			}
		}
		return List.copyOf(out);
	}

	private List<JournalEntry> positions(Positions positions) {
		if (positions == null) {
			return List.of();
		}
		JournalEntry[] selected = new JournalEntry[positions.size];
		for (int i = 0; i < selected.length; i++) {
			selected[i] = entries[positions.at[i]];
		}
		return new View(selected, selected.length);
	}

	/** An immutable view of the first {@code size} entries of an array that is only ever appended to. */
	private static final class View extends AbstractList<JournalEntry> implements RandomAccess {

		private final JournalEntry[] entries;

		private final int size;

		View(JournalEntry[] entries, int size) {
			this.entries = entries;
			this.size = size;
		}

		@Override
		public JournalEntry get(int index) {
			if (index < 0 || index >= size) {
				throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
			}
			return entries[index];
		}

		@Override
		public int size() {
			return size;
		}
	}
}
