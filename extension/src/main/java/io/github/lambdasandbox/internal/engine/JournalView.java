package io.github.lambdasandbox.internal.engine;

import java.util.List;

import io.github.lambdasandbox.Journal;
import io.github.lambdasandbox.JournalEntry;

/** The public, read-only view of a sandbox's journal. */
final class JournalView implements Journal {

	private final Executive executive;

	private final JournalStore store;

	JournalView(Executive executive, JournalStore store) {
		this.executive = executive;
		this.store = store;
	}

	@Override
	public List<JournalEntry> entries() {
		return executive.read(store::all);
	}

	@Override
	public <E extends JournalEntry> List<E> entries(Class<E> kind) {
		return executive.read(() -> store.ofKind(kind));
	}

	@Override
	public List<JournalEntry> ofRequest(String requestId) {
		return executive.read(() -> store.ofRequest(requestId));
	}

	@Override
	public List<JournalEntry> ofFunction(String functionName) {
		return executive.read(() -> store.ofFunction(functionName));
	}

	@Override
	public List<JournalEntry> ofResource(String resource) {
		return executive.read(() -> store.ofResource(resource));
	}

	@Override
	public int size() {
		return executive.read(store::size);
	}

	@Override
	public String timeline() {
		return executive.read(() -> Timelines.render(store.all(), executive.start()));
	}

	@Override
	public String timeline(String requestId) {
		return executive.read(() -> Timelines.renderRequest(requestId, store.ofRequest(requestId)));
	}

	@Override
	public String toString() {
		return "Journal[" + store.size() + " entries]";
	}
}
