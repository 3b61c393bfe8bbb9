package io.github.lambdasandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdasandbox.JournalEntry.Accepted;
import io.github.lambdasandbox.JournalEntry.AttemptEnded;
import io.github.lambdasandbox.JournalEntry.AttemptStarted;
import io.github.lambdasandbox.JournalEntry.EventDropped;
import io.github.lambdasandbox.JournalEntry.MessageSent;
import io.github.lambdasandbox.JournalEntry.RecordDelivered;
import io.github.lambdasandbox.JournalEntry.RetryScheduled;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;
import io.github.lambdasandbox.support.Handlers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The journal: typed entries, one id sequence, views")
class JournalTests {

	/** Sends two messages and invokes {@code echo} twice, asynchronously; answers the two request ids. */
	public static class Fanout implements RequestHandler<Map<String, Object>, List<String>> {

		@Override
		public List<String> handleRequest(Map<String, Object> event, Context context) {
			Sandbox sandbox = LambdaSandboxExtension.currentSandbox("a handler");
			sandbox.queue("out").sendMessage("one");
			sandbox.queue("out").sendMessage("one");
			return List.of(sandbox.invokeAsync("echo", "{}").requestId(), sandbox.invokeAsync("echo", "{}").requestId());
		}
	}

	@LambdaFunction(name = "fanout", handler = Fanout.class)
	@LambdaFunction(name = "echo", handler = Handlers.Echo.class, onSuccess = "sqs:echoed")
	@LambdaFunction(name = "boom", handler = Handlers.Boom.class, onFailure = "sqs:failures")
	@Queue(name = "out")
	static class Declarations {
	}

	private final Sandbox sandbox = Sandbox.create(Declarations.class);

	@AfterEach
	void close() {
		sandbox.close();
	}

	@Test
	void everyRequestAndMessageAHandlerCreatesGetsAnIdOfItsOwn() {
		String fanout = sandbox.invoke("fanout", "{}").payload();
		sandbox.settle();

		List<String> ids = new ArrayList<>();
		sandbox.queues().forEach(q -> q.messages().forEach(m -> ids.add(m.messageId())));
		sandbox.journal().entries(Accepted.class).forEach(a -> ids.add(a.requestId()));
		assertThat(ids).hasSize(2 + 2 + 3).doesNotHaveDuplicates();
		assertThat(sandbox.queue("out").messages()).extracting(SqsMessage::body).containsExactly("one", "one");
		assertThat(fanout).contains(sandbox.journal().entries(Accepted.class).get(1).requestId(),
				sandbox.journal().entries(Accepted.class).get(2).requestId());
	}

	@Test
	void theSameTestGivesTheSameJournalOnEveryRun() {
		List<String> first = scenario();
		List<String> second = scenario();

		assertThat(second).isEqualTo(first);
	}

	private static List<String> scenario() {
		try (Sandbox s = Sandbox.create(Declarations.class)) {
			s.invokeAsync("boom", "{}");
			s.invoke("fanout", "{}");
			s.invokeAsync("echo", "{\"n\": 1}");
			s.settle();
			// what is measured in real time (how long code ran, memory) differs from run to run; everything else may not
			return s.journal().entries().stream().map(JournalEntry::toString)
					.map(e -> e.replaceAll("runTime=[^,]+, initDuration=[^,]+, memorySize=\\d+, maxMemoryUsed=\\d+", ""))
					.toList();
		}
	}

	@Test
	void aFailingEventLeavesItsStoryInTypedEntries() {
		String requestId = sandbox.invokeAsync("boom", "{}").requestId();
		sandbox.settle();

		List<JournalEntry> story = sandbox.journal().ofRequest(requestId);
		assertThat(story).extracting(e -> e.getClass().getSimpleName()).containsExactly("Accepted", "AttemptStarted",
				"LogLine", "AttemptEnded", "RetryScheduled", "AttemptStarted", "LogLine", "AttemptEnded", "RetryScheduled",
				"AttemptStarted", "LogLine", "AttemptEnded", "EventDropped", "MessageSent", "RecordDelivered");
		assertThat(story).allMatch(e -> requestId.equals(e.requestId())).allMatch(e -> "boom".equals(e.function()));
		assertThat(sandbox.journal().entries(RetryScheduled.class)).extracting(r -> r.delay().toSeconds())
				.containsExactly(60L, 120L);
		assertThat(sandbox.journal().entries(EventDropped.class)).singleElement()
				.satisfies(d -> assertThat(d.condition()).isEqualTo(Condition.RETRIES_EXHAUSTED));
		RecordDelivered delivered = sandbox.journal().entries(RecordDelivered.class).get(0);
		assertThat(delivered.resource()).isEqualTo("sqs:failures");
		assertThat(sandbox.journal().ofResource("sqs:failures")).hasSize(2).first().isInstanceOf(MessageSent.class)
				.satisfies(m -> assertThat(((MessageSent) m).message().messageId()).isEqualTo(delivered.messageId()));
	}

	@Test
	void entriesAreNumberedInTheOrderTheyHappened() {
		sandbox.invokeAsync("echo", "{}");
		sandbox.settle();

		List<JournalEntry> entries = sandbox.journal().entries();
		for (int i = 0; i < entries.size(); i++) {
			assertThat(entries.get(i).sequence()).isEqualTo(i);
		}
		assertThat(entries).extracting(JournalEntry::at).isSorted();
	}

	@Test
	void metricsAreViewsOfTheJournalWithDatapoints() {
		sandbox.invokeAsync("boom", "{}");
		sandbox.settle();

		MetricStatistics age = sandbox.function("boom").metricStatistics("AsyncEventAge");
		assertThat(age.sampleCount()).isEqualTo(3);
		assertThat(age.minimum()).isZero();
		assertThat(age.maximum()).isEqualTo(180_000);
		assertThat(age.average()).isEqualTo(80_000);
		assertThat(sandbox.function("boom").metric("AsyncEventAge")).isEqualTo(240_000);
		assertThat(sandbox.function("boom").metricStatistics("Invocations").sum()).isEqualTo(3);
		assertThat(sandbox.journal().ofFunction("boom").stream().filter(AttemptStarted.class::isInstance)).hasSize(3);
		assertThat(sandbox.journal().entries(AttemptEnded.class)).noneMatch(AttemptEnded::succeeded);
	}

	@Test
	void theJournalListsAreSnapshots() {
		List<JournalEntry> before = sandbox.journal().entries();
		sandbox.invokeAsync("echo", "{}");
		sandbox.settle();

		assertThat(before).isEmpty();
		assertThat(sandbox.journal().size()).isGreaterThan(0);
	}
}
