package io.github.lambdasandbox.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.lambdasandbox.Condition;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.JournalEntry;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import io.github.lambdasandbox.internal.config.FunctionConfig;
import io.github.lambdasandbox.internal.config.SandboxConfig;
import io.github.lambdasandbox.internal.config.TargetRef;
import io.github.lambdasandbox.internal.config.TargetRef.Service;
import io.github.lambdasandbox.support.Fixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random mixes of outcomes (success, error, timeout, waits), retries, event ages, throttles, reserved concurrency
 * and destinations: every event is accounted for, and every record has AWS's shape.
 */
@Label("Accounting and record shape, for random mixes of outcomes and configurations")
class AccountingProperties {

	/** Follows a script, one letter per attempt of its request: S succeed, F fail, T time out, W wait 10 s and succeed. */
	public static class Scripted implements RequestHandler<Map<String, Object>, String> {

		static final Map<String, Integer> CALLS = new ConcurrentHashMap<>();

		@Override
		public String handleRequest(Map<String, Object> event, Context context) {
			String script = (String) event.get("script");
			int call = CALLS.merge(event.get("token") + "/" + context.getAwsRequestId(), 1, Integer::sum);
			char step = script.charAt(Math.min(call, script.length()) - 1);
			try {
				switch (step) {
					case 'F' -> throw new IllegalStateException("scripted failure " + call);
					case 'T' -> VirtualTime.sleep(Duration.ofSeconds(60));
					case 'W' -> VirtualTime.sleep(Duration.ofSeconds(10));
					default -> {
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return "done by call " + call;
		}
	}

	/** A function's asynchronous configuration. */
	record Setup(int retries, int maximumAge, int reserved, String onSuccess, String onFailure, String deadLetterQueue,
			int throttles) {
	}

	@Provide
	Arbitrary<Setup> setups() {
		Arbitrary<Integer> retries = Arbitraries.integers().between(0, 2);
		Arbitrary<Integer> ages = Arbitraries.of(60, 90, 180, 3600, 21600);
		Arbitrary<Integer> reserved = Arbitraries.of(-1, -1, -1, 0, 1);
		Arbitrary<String> onSuccess = Arbitraries.of("", "sqs:ok", "sqs:ok.fifo", "sns:news", "events:bus");
		Arbitrary<String> onFailure = Arbitraries.of("", "sqs:failed", "sns:alerts", "events:bus", "s3:archive", "lambda:sink");
		Arbitrary<String> deadLetters = Arbitraries.of("", "sqs:dlq", "sns:dead", "sqs:dlq.fifo");
		Arbitrary<Integer> throttles = Arbitraries.integers().between(0, 3);
		return Combinators.combine(retries, ages, reserved, onSuccess, onFailure, deadLetters, throttles).as(Setup::new);
	}

	@Provide
	Arbitrary<List<String>> scripts() {
		return Arbitraries.strings().withChars('S', 'F', 'F', 'T', 'W').ofMinLength(1).ofMaxLength(4).list().ofMinSize(1)
				.ofMaxSize(5);
	}

	@Property(tries = 150)
	void everyEventIsAccountedForAndEveryRecordHasAwsShape(@ForAll("setups") Setup setup, @ForAll("scripts") List<String> scripts) {
		Scripted.CALLS.clear();
		try (SandboxEngine sandbox = new SandboxEngine(config(setup), "accounting")) {
			sandbox.function("f").simulateThrottles(setup.throttles());
			List<String> requests = new ArrayList<>();
			for (int i = 0; i < scripts.size(); i++) {
				requests.add(sandbox.invokeAsync("f", "{\"token\": \"" + i + "\", \"script\": \"" + scripts.get(i) + "\"}")
						.requestId());
			}
			sandbox.settle();

			assertThat(sandbox.accountingProblems()).isNull();
			assertThat(sandbox.finalPending()).isNull();
			for (String requestId : requests) {
				List<JournalEntry> story = sandbox.journal().ofRequest(requestId);
				long attempts = story.stream().filter(JournalEntry.AttemptStarted.class::isInstance).count();
				assertThat(attempts).as("attempts of %s", requestId).isLessThanOrEqualTo(setup.retries() + 1);
				boolean succeeded = story.stream().anyMatch(e -> e instanceof JournalEntry.AttemptEnded ended && ended.succeeded());
				List<JournalEntry.EventDropped> dropped = story.stream().filter(JournalEntry.EventDropped.class::isInstance)
						.map(JournalEntry.EventDropped.class::cast).toList();
				assertThat(succeeded ^ dropped.size() == 1).as("%s ends once, succeeded or dropped", requestId).isTrue();
				if (setup.reserved() == 0) {
					assertThat(dropped).singleElement().satisfies(d -> assertThat(d.condition())
							.isEqualTo(Condition.ZERO_RESERVED_CONCURRENCY));
					assertThat(attempts).isZero();
				}
				for (JournalEntry.EventDropped drop : dropped) {
					for (String target : new String[] { setup.onFailure(), setup.deadLetterQueue() }) {
						if (!target.isEmpty()) {
							assertThat(story).as("%s reached %s, or its failure was counted", requestId, target)
									.anyMatch(e -> target.equals(e.resource()) && (e instanceof JournalEntry.RecordDelivered
											|| e instanceof JournalEntry.DeadLetterDelivered || e instanceof JournalEntry.DeliveryFailed));
						}
					}
					assertThat(drop.routed()).isEqualTo(!setup.onFailure().isEmpty() || !setup.deadLetterQueue().isEmpty());
				}
			}
			FunctionHandle f = sandbox.function("f");
			assertThat(f.metric("AsyncEventsReceived")).isEqualTo(scripts.size());
			assertThat(f.metric("Invocations")).isEqualTo(sandbox.journal().entries(JournalEntry.AttemptStarted.class).stream()
					.filter(s -> s.function().equals("f")).count());
			assertThat(f.metric("AsyncEventsDropped")).isEqualTo(sandbox.journal().entries(JournalEntry.EventDropped.class)
					.stream().filter(d -> d.function().equals("f")).count());
			for (SqsQueue queue : sandbox.queues()) {
				for (SqsMessage message : queue.messages()) {
					JsonNode body = Fixtures.parse(message.body());
					if (body.has("requestContext")) {
						assertRecordShape(body, setup);
					}
				}
			}
		}
	}

	private static void assertRecordShape(JsonNode record, Setup setup) {
		List<String> keys = new ArrayList<>();
		for (Iterator<String> it = record.fieldNames(); it.hasNext();) {
			keys.add(it.next());
		}
		String condition = record.at("/requestContext/condition").asText();
		int count = record.at("/requestContext/approximateInvokeCount").asInt();
		if (condition.equals("ZeroReservedConcurrency") || count == 0) {
			assertThat(keys).containsExactly("version", "timestamp", "requestContext", "requestPayload");
		}
		else {
			assertThat(keys).containsExactly("version", "timestamp", "requestContext", "requestPayload", "responseContext",
					"responsePayload");
			assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
			assertThat(record.at("/responseContext/functionError").isMissingNode()).isEqualTo(condition.equals("Success"));
		}
		assertThat(Condition.fromAwsName(condition)).isIn(Condition.SUCCESS, Condition.RETRIES_EXHAUSTED,
				Condition.EVENT_AGE_EXCEEDED, Condition.ZERO_RESERVED_CONCURRENCY);
		assertThat(count).isBetween(0, setup.retries() + 1);
		assertThat(record.at("/requestContext/functionArn").asText())
				.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST");
		assertThat(record.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
	}

	private static SandboxConfig config(Setup setup) {
		List<FunctionConfig> functions = List.of(
				new FunctionConfig("f", Scripted.class, setup.retries(), setup.maximumAge(), 30, 128, target(setup.onSuccess()),
						target(setup.onFailure()), target(setup.deadLetterQueue()), setup.reserved()),
				new FunctionConfig("sink", Scripted.class, 0, 21600, 3, 128, null, null, null, -1));
		List<String> queues = new ArrayList<>();
		List<String> topics = new ArrayList<>();
		for (String target : new String[] { setup.onSuccess(), setup.onFailure(), setup.deadLetterQueue() }) {
			if (target.startsWith("sqs:") && !queues.contains(target.substring(4))) {
				queues.add(target.substring(4));
			}
			if (target.startsWith("sns:")) {
				topics.add(target.substring(4));
			}
		}
		return new SandboxConfig("AccountingProperties", java.time.Instant.parse("2025-01-01T00:00:00Z"), 7, 1000,
				LambdaSandbox.AsyncPayloadLimit.ONE_MB.bytes(), false, functions,
				queues.stream().map(io.github.lambdasandbox.internal.config.QueueConfig::defaults).toList(), topics,
				List.of("bus"), List.of("archive"), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of());
	}

	private static TargetRef target(String value) {
		if (value.isEmpty()) {
			return null;
		}
		Map<String, Service> services = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			services.put(service.prefix(), service);
		}
		String[] parts = value.split(":", 2);
		return new TargetRef(services.get(parts[0]), parts[1]);
	}

}
