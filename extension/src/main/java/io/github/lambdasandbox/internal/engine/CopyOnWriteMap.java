package io.github.lambdasandbox.internal.engine;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sandbox's resources by name (functions, queues, topics, buses, buckets), in the order they were created. Written
 * under the engine's lock (a declaration, a destination that names a queue, {@code createQueue} at run time); read
 * without it from any thread — the test, a handler — which sees a complete snapshot: every write publishes a new copy.
 * Resources are created rarely and read often.
 */
final class CopyOnWriteMap<K, V> extends AbstractMap<K, V> {

	private volatile Map<K, V> snapshot = Map.of();

	@Override
	public V get(Object key) {
		return snapshot.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return snapshot.containsKey(key);
	}

	@Override
	public int size() {
		return snapshot.size();
	}

	/** A snapshot: iterating it is safe while resources are created. */
	@Override
	public Set<Entry<K, V>> entrySet() {
		return snapshot.entrySet();
	}

	@Override
	public synchronized V put(K key, V value) {
		Map<K, V> next = new LinkedHashMap<>(snapshot);
		V previous = next.put(key, value);
		snapshot = Collections.unmodifiableMap(next);
		return previous;
	}

	@Override
	public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> create) {
		V existing = snapshot.get(key);
		if (existing != null) {
			return existing;
		}
		V created = create.apply(key);
		if (created != null) {
			put(key, created);
		}
		return created;
	}

	@Override
	public synchronized V remove(Object key) {
		if (!snapshot.containsKey(key)) {
			return null;
		}
		Map<K, V> next = new LinkedHashMap<>(snapshot);
		V previous = next.remove(key);
		snapshot = Collections.unmodifiableMap(next);
		return previous;
	}
}
