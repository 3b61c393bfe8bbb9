package io.github.lambdasandbox.internal.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What rewritten calls reach, called directly: which thread is a handler's, and the clocks it gives. */
@DisplayName("The targets of rewritten calls: handler threads and their clocks")
class HandlerTimeTargetTests {

	private final ManualClock clock = new ManualClock();

	/** Answers whether its own thread is a handler's, as rewritten calls see it. */
	public static class AsksWhoRuns implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, Boolean> {

		@Override
		public Boolean handleRequest(Object input, com.amazonaws.services.lambda.runtime.Context context) {
			return HandlerTime.onHandlerThread();
		}
	}

	@io.github.lambdasandbox.LambdaFunction(name = "asks", handler = AsksWhoRuns.class)
	static class Declarations {
	}

	@Test
	void theEngineHandlerThreadsAreRecognised() {
		try (io.github.lambdasandbox.Sandbox sandbox = io.github.lambdasandbox.Sandbox.create(Declarations.class)) {
			assertThat(sandbox.invoke("asks", "{}").payload()).isEqualTo("true");
		}
		assertThat(HandlerTime.onHandlerThread()).isFalse();
	}

	@Test
	void onlyTheThreadThatRunsTheHandlerIsAHandlersThread() throws Exception {
		AtomicReference<Instant> seenByAnotherThread = new AtomicReference<>();

		boolean inside = clock.callAsHandler(() -> {
			Thread started = new Thread(() -> seenByAnotherThread.set(HandlerTime.instantNow()));
			started.start();
			started.join();
			return HandlerTime.onHandlerThread();
		});

		assertThat(inside).isTrue();
		assertThat(HandlerTime.onHandlerThread()).isFalse();
		assertThat(seenByAnotherThread.get()).isAfter(ManualClock.START.plusSeconds(3600));
	}

	@Test
	void anInnerHandlerClockGivesWayToTheOuterOneWhenItEnds() throws Exception {
		ManualClock inner = new ManualClock();
		inner.sleep(java.time.Duration.ofHours(1));

		Instant[] seen = clock.callAsHandler(() -> new Instant[] { inner.callAsHandler(HandlerTime::instantNow),
				HandlerTime.instantNow() });

		assertThat(seen).containsExactly(ManualClock.START.plusSeconds(3600), ManualClock.START);
	}

	@Test
	void aClockDecidesAtEachReadingWhoseTimeItShows() throws Exception {
		Clock utc = HandlerTime.clockSystemUTC();

		assertThat(clock.callAsHandler(utc::instant)).isEqualTo(ManualClock.START);
		assertThat(clock.callAsHandler(utc::millis)).isEqualTo(ManualClock.START.toEpochMilli());
		assertThat(utc.instant()).isAfter(ManualClock.START.plusSeconds(3600));
	}

	@Test
	void clocksAreEqualByZoneAsTheSystemClocksAre() {
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");

		assertThat(HandlerTime.clockSystemUTC()).isEqualTo(HandlerTime.clockSystem(ZoneOffset.UTC))
				.hasSameHashCodeAs(HandlerTime.clockSystem(ZoneOffset.UTC));
		assertThat(HandlerTime.clockSystemUTC().withZone(tokyo)).isEqualTo(HandlerTime.clockSystem(tokyo))
				.isNotEqualTo(HandlerTime.clockSystemUTC()).hasToString("HandlerClock[Asia/Tokyo]");
		assertThat(HandlerTime.clockSystemUTC().withZone(ZoneOffset.UTC)).isSameAs(HandlerTime.clockSystemUTC());
	}
}
