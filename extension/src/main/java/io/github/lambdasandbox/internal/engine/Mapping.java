package io.github.lambdasandbox.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.lambdasandbox.EventSourceMappingHandle;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.internal.config.ConfigReader;
import io.github.lambdasandbox.internal.config.MappingConfig;
import io.github.lambdasandbox.internal.config.MappingRequest;
import io.github.lambdasandbox.internal.json.Arns;

/** An event source mapping of the sandbox: its settings, its state and its poller. */
final class Mapping implements EventSourceMappingHandle {

	/** What polls the source. */
	interface Poller {

		/** The mapping was enabled: read from where it left off. Lock held. */
		void start();

		/** The mapping was disabled: read nothing more. Lock held. */
		void stop();

		/** The settings changed. Lock held. */
		void changed();

		/** What is still to come, for reports; null if nothing. Lock held. */
		String pending();

		/** Records or messages the poller lost track of, for the accounting; null if none. Lock held. */
		String accountingProblem();
	}

	private final SandboxEngine engine;

	private final String uuid;

	private final FunctionRuntime function;

	private final String eventSourceArn;

	private MappingConfig config;

	private boolean enabled;

	private Poller poller;

	Mapping(SandboxEngine engine, String uuid, MappingConfig config, FunctionRuntime function, String eventSourceArn) {
		this.engine = engine;
		this.uuid = uuid;
		this.config = config;
		this.function = function;
		this.eventSourceArn = eventSourceArn;
	}

	/** Lock held. */
	void attach(Poller poller) {
		this.poller = poller;
		if (config.enabled()) {
			enabled = true;
			poller.start();
		}
	}

	MappingConfig config() {
		return config;
	}

	FunctionRuntime function() {
		return function;
	}

	Poller poller() {
		return poller;
	}

	@Override
	public String uuid() {
		return uuid;
	}

	@Override
	public String functionName() {
		return function.name();
	}

	@Override
	public String functionArn() {
		return Arns.function(function.name());
	}

	@Override
	public String eventSourceArn() {
		return eventSourceArn;
	}

	@Override
	public String source() {
		return config.sourceRef();
	}

	@Override
	public String state() {
		return enabled ? "Enabled" : "Disabled";
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void enable() {
		engine.executive.command(() -> {
			if (!enabled) {
				enabled = true;
				journal("Enabled");
				poller.start();
			}
			return null;
		});
	}

	@Override
	public void disable() {
		engine.executive.command(() -> {
			if (enabled) {
				enabled = false;
				journal("Disabled");
				poller.stop();
			}
			return null;
		});
	}

	@Override
	public int batchSize() {
		return config.batchSize();
	}

	@Override
	public int maximumBatchingWindowInSeconds() {
		return config.maximumBatchingWindowInSeconds();
	}

	@Override
	public boolean reportBatchItemFailures() {
		return config.reportBatchItemFailures();
	}

	@Override
	public int maximumRetryAttempts() {
		return config.maximumRetryAttempts();
	}

	@Override
	public int maximumRecordAgeInSeconds() {
		return config.maximumRecordAgeInSeconds();
	}

	@Override
	public boolean bisectBatchOnFunctionError() {
		return config.bisectBatchOnFunctionError();
	}

	@Override
	public int parallelizationFactor() {
		return config.parallelizationFactor();
	}

	@Override
	public String onFailure() {
		return config.onFailure() == null ? null : config.onFailure().toString();
	}

	@Override
	public void update(Consumer<Update> changes) {
		Changes update = new Changes();
		changes.accept(update);
		String where = "eventSourceMapping(\"" + function.name() + "\", \"" + config.sourceRef() + "\").update(…)";
		engine.executive.command(() -> {
			MappingConfig changed = ConfigReader.checkUpdate(engine.config(), update.applyTo(MappingRequest.of(config)), where);
			if (changed.onFailure() != null) {
				engine.ensureTarget(changed.onFailure());
			}
			String what = differences(config, changed);
			config = changed;
			if (!what.isEmpty()) {
				journal(what);
				poller.changed();
			}
			return null;
		});
	}

	@Override
	public List<Batch> batches() {
		return engine.executive.read(() -> {
			Map<String, Batch> batches = new LinkedHashMap<>();
			for (JournalEntry entry : engine.journal.ofResource(config.sourceRef())) {
				if (entry instanceof JournalEntry.BatchInvoked b && b.mapping().equals(uuid)) {
					batches.put(b.requestId(), new Batch(b.requestId(), b.at(), b.shardId(), b.items(), b.attempt(), null,
							List.of()));
				}
				else if (entry instanceof JournalEntry.BatchEnded e && e.mapping().equals(uuid)) {
					Batch b = batches.get(e.requestId());
					if (b != null) {
						batches.put(e.requestId(), new Batch(b.requestId(), b.at(), b.shardId(), b.items(), b.attempt(),
								e.outcome(), e.failedItems()));
					}
				}
			}
			return List.copyOf(batches.values());
		});
	}

	private void journal(String change) {
		JournalStore journal = engine.journal;
		journal.append(new JournalEntry.MappingChanged(journal.next(), engine.executive.instant(), function.name(), uuid,
				config.sourceRef(), change));
	}

	private static String differences(MappingConfig a, MappingConfig b) {
		List<String> changes = new ArrayList<>();
		compare(changes, "BatchSize", a.batchSize(), b.batchSize());
		compare(changes, "MaximumBatchingWindowInSeconds", a.maximumBatchingWindowInSeconds(),
				b.maximumBatchingWindowInSeconds());
		compare(changes, "FunctionResponseTypes", a.reportBatchItemFailures() ? "[ReportBatchItemFailures]" : "[]",
				b.reportBatchItemFailures() ? "[ReportBatchItemFailures]" : "[]");
		compare(changes, "MaximumRetryAttempts", a.maximumRetryAttempts(), b.maximumRetryAttempts());
		compare(changes, "MaximumRecordAgeInSeconds", a.maximumRecordAgeInSeconds(), b.maximumRecordAgeInSeconds());
		compare(changes, "BisectBatchOnFunctionError", a.bisectBatchOnFunctionError(), b.bisectBatchOnFunctionError());
		compare(changes, "ParallelizationFactor", a.parallelizationFactor(), b.parallelizationFactor());
		compare(changes, "OnFailure", a.onFailure(), b.onFailure());
		return String.join(", ", changes);
	}

	private static void compare(List<String> changes, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(name + " " + before + " → " + after);
		}
	}

	/** The settings an update asks for, on top of the current ones. */
	private static final class Changes implements Update {

		private Integer batchSize;

		private Integer window;

		private Boolean report;

		private Integer retries;

		private Integer age;

		private Boolean bisect;

		private Integer parallelization;

		private String onFailure;

		@Override
		public Update batchSize(int batchSize) {
			this.batchSize = batchSize;
			return this;
		}

		@Override
		public Update maximumBatchingWindowInSeconds(int seconds) {
			this.window = seconds;
			return this;
		}

		@Override
		public Update reportBatchItemFailures(boolean report) {
			this.report = report;
			return this;
		}

		@Override
		public Update maximumRetryAttempts(int attempts) {
			this.retries = attempts;
			return this;
		}

		@Override
		public Update maximumRecordAgeInSeconds(int seconds) {
			this.age = seconds;
			return this;
		}

		@Override
		public Update bisectBatchOnFunctionError(boolean bisect) {
			this.bisect = bisect;
			return this;
		}

		@Override
		public Update parallelizationFactor(int factor) {
			this.parallelization = factor;
			return this;
		}

		@Override
		public Update onFailure(String destination) {
			this.onFailure = Objects.requireNonNull(destination, "destination");
			return this;
		}

		MappingRequest applyTo(MappingRequest r) {
			return new MappingRequest(r.function(), r.source(), or(batchSize, r.batchSize()),
					or(window, r.maximumBatchingWindowInSeconds()), or(report, r.reportBatchItemFailures()),
					r.startingPosition(), r.startingPositionTimestamp(), or(retries, r.maximumRetryAttempts()),
					or(age, r.maximumRecordAgeInSeconds()), or(bisect, r.bisectBatchOnFunctionError()),
					or(parallelization, r.parallelizationFactor()), or(onFailure, r.onFailure()), r.enabled());
		}

		private static <T> T or(T change, T current) {
			return change == null ? current : change;
		}
	}

	@Override
	public String toString() {
		return "EventSourceMapping[" + uuid + ", " + config.sourceRef() + " → " + function.name() + ", " + state() + "]";
	}
}
