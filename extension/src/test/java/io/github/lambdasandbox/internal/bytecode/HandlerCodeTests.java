package io.github.lambdasandbox.internal.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.internal.bytecode.fixtures.ExitCalls;
import io.github.lambdasandbox.internal.bytecode.fixtures.SleepCalls;
import io.github.lambdasandbox.internal.bytecode.fixtures.SleepingHandler;
import io.github.lambdasandbox.internal.bytecode.fixtures.TimeCalls;
import io.github.lambdasandbox.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.implementation.MethodCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent rewrites the fixtures' calls (user code: the code source of the tests, {@code target/test-classes}),
 * and each rewritten call reads the test hook's clock on a "handler" thread and the system clock elsewhere.
 * After the class, the test classes get their original code back ({@link HandlerCode#reset()}).
 */
@Isolated("undoes the rewriting of the test classes (HandlerCode.reset()), which every other sandbox test relies on")
@DisplayName("The agent: time, sleep and exit calls of user code in virtual time on handler threads")
class HandlerCodeTests {

	private static final ZoneId DEFAULT = ZoneId.systemDefault();

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final ManualClock clock = new ManualClock();

	@BeforeAll
	static void instrumentTheTestsCodeSource() {
		assertThat(HandlerCode.instrument(TimeCalls.class, Set.of())).isTrue();
	}

	@AfterAll
	static void giveTheTestClassesTheirCodeBack() {
		HandlerCode.reset();
	}

	// --- time ----------------------------------------------------------------------------------------------------

	/** A time call of the fixture, and what it answers at an instant. */
	static Stream<Arguments> timeCalls() {
		return Stream.of(
				time("System.currentTimeMillis()", TimeCalls::currentTimeMillis, Instant::toEpochMilli),
				time("Instant.now()", TimeCalls::instantNow, i -> i),
				time("Clock.systemUTC().instant()", () -> TimeCalls.clockSystemUTC().instant(), i -> i),
				time("Clock.systemUTC().millis()", () -> TimeCalls.clockSystemUTC().millis(), Instant::toEpochMilli),
				time("Clock.systemDefaultZone().instant()", () -> TimeCalls.clockSystemDefaultZone().instant(), i -> i),
				time("Clock.system(zone).instant()", () -> TimeCalls.clockSystem(TOKYO).instant(), i -> i),
				time("a Clock.systemUTC() kept from class initialisation", () -> TimeCalls.CLOCK_MADE_AT_INIT.instant(),
						i -> i),
				time("LocalDateTime.now()", TimeCalls::localDateTimeNow, i -> LocalDateTime.ofInstant(i, DEFAULT)),
				time("LocalDateTime.now(zone)", () -> TimeCalls.localDateTimeNow(TOKYO), i -> LocalDateTime.ofInstant(i, TOKYO)),
				time("LocalDate.now()", TimeCalls::localDateNow, i -> LocalDate.ofInstant(i, DEFAULT)),
				time("LocalDate.now(zone)", () -> TimeCalls.localDateNow(TOKYO), i -> LocalDate.ofInstant(i, TOKYO)),
				time("LocalTime.now()", TimeCalls::localTimeNow, i -> LocalTime.ofInstant(i, DEFAULT)),
				time("LocalTime.now(zone)", () -> TimeCalls.localTimeNow(TOKYO), i -> LocalTime.ofInstant(i, TOKYO)),
				time("ZonedDateTime.now()", TimeCalls::zonedDateTimeNow, i -> ZonedDateTime.ofInstant(i, DEFAULT)),
				time("ZonedDateTime.now(zone)", () -> TimeCalls.zonedDateTimeNow(TOKYO), i -> ZonedDateTime.ofInstant(i, TOKYO)),
				time("OffsetDateTime.now()", TimeCalls::offsetDateTimeNow, i -> OffsetDateTime.ofInstant(i, DEFAULT)),
				time("OffsetDateTime.now(zone)", () -> TimeCalls.offsetDateTimeNow(TOKYO), i -> OffsetDateTime.ofInstant(i, TOKYO)),
				time("OffsetTime.now(zone)", () -> TimeCalls.offsetTimeNow(TOKYO), i -> OffsetTime.ofInstant(i, TOKYO)),
				time("Year.now(zone)", () -> TimeCalls.yearNow(TOKYO), i -> Year.from(ZonedDateTime.ofInstant(i, TOKYO))),
				time("YearMonth.now(zone)", () -> TimeCalls.yearMonthNow(TOKYO), i -> YearMonth.from(ZonedDateTime.ofInstant(i, TOKYO))),
				time("MonthDay.now(zone)", () -> TimeCalls.monthDayNow(TOKYO), i -> MonthDay.from(ZonedDateTime.ofInstant(i, TOKYO))),
				time("new Date()", TimeCalls::newDate, i -> new Date(i.toEpochMilli())),
				time("super() of a Date subclass", TimeCalls::newDateSubclass, i -> new Date(i.toEpochMilli())),
				time("Instant::now", () -> TimeCalls.instantNowReference().get(), i -> i),
				time("System::currentTimeMillis", () -> TimeCalls.currentTimeMillisReference().getAsLong(), Instant::toEpochMilli),
				time("Date::new", () -> TimeCalls.newDateReference().get(), i -> new Date(i.toEpochMilli())),
				time("Instant.now() in a lambda", () -> TimeCalls.instantNowInLambda().get(), i -> i));
	}

	private static Arguments time(String call, Callable<?> read, Function<Instant, ?> at) {
		return Arguments.of(call, read, at);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("timeCalls")
	void aTimeCallReadsTheSandboxClockOnAHandlerThread(String call, Callable<?> read, Function<Instant, ?> at)
			throws Exception {
		assertThat(clock.callAsHandler(read)).isEqualTo(at.apply(ManualClock.START));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("timeCalls")
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void aTimeCallReadsTheSystemClockElsewhere(String call, Callable<?> read, Function<Instant, ?> at) throws Exception {
		Instant before = Instant.now();
		Object value = read.call();
		Instant after = Instant.now();

		assertThat((Comparable) value).isBetween((Comparable) at.apply(before), (Comparable) at.apply(after));
		assertThat(value).isNotEqualTo(at.apply(ManualClock.START));
	}

	@Test
	void rewrittenClocksKeepTheirZones() throws Exception {
		assertThat(TimeCalls.clockSystemUTC().getZone()).isEqualTo(ZoneOffset.UTC);
		assertThat(TimeCalls.clockSystemDefaultZone().getZone()).isEqualTo(DEFAULT);
		assertThat(TimeCalls.clockSystem(TOKYO).getZone()).isEqualTo(TOKYO);
		assertThat(clock.callAsHandler(() -> TimeCalls.clockSystemUTC().withZone(TOKYO).instant()))
				.isEqualTo(ManualClock.START);
	}

	@Test
	void aClockGivenToNowIsReadAsItIs() throws Exception {
		Instant fixed = Instant.parse("2030-01-01T00:00:00Z");

		assertThat(clock.callAsHandler(() -> TimeCalls.instantNow(Clock.fixed(fixed, ZoneOffset.UTC)))).isEqualTo(fixed);
	}

	@Test
	void jdkCodeCalledFromHandlerCodeKeepsTheSystemClock() throws Exception {
		long before = System.currentTimeMillis();
		long millis = clock.callAsHandler(TimeCalls::calendarMillis);
		long after = System.currentTimeMillis();

		assertThat(millis).isBetween(before, after);
	}

	@Test
	void aLibraryClassFromAnotherCodeSourceKeepsTheSystemClock(@TempDir Path dir) throws Exception {
		Class<?> library = libraryClass(dir, "lib.untouched.Clocky");

		long before = System.currentTimeMillis();
		long millis = clock.callAsHandler(() -> (Long) library.getMethod("millis").invoke(null));
		long after = System.currentTimeMillis();

		assertThat(millis).isBetween(before, after);
		assertThat(HandlerCode.rewrittenClassNames()).doesNotContain(library.getName());
	}

	@Test
	void anExtraPackageWidensUserCodeToALoadedLibraryClass(@TempDir Path dir) throws Exception {
		Class<?> library = libraryClass(dir, "lib.widened.Clocky");

		assertThat(HandlerCode.instrument(TimeCalls.class, Set.of("lib.widened"))).isTrue();

		assertThat(clock.callAsHandler(() -> library.getMethod("millis").invoke(null)))
				.isEqualTo(ManualClock.START.toEpochMilli());
		assertThat(HandlerCode.instrumented().packages()).contains("lib.widened.");
	}

	@Test
	void anExtraCodeSourceWidensUserCodeToClassesLoadedFromItLater(@TempDir Path dir) throws Exception {
		URL location = dir.toUri().toURL();
		assertThat(HandlerCode.instrument(UserCode.none().withCodeSource(location))).isTrue();

		// loaded after the code source was instrumented: rewritten as it loads
		Class<?> library = libraryClass(dir, "lib.later.Clocky");

		assertThat(clock.callAsHandler(() -> library.getMethod("millis").invoke(null)))
				.isEqualTo(ManualClock.START.toEpochMilli());
	}

	@Test
	void onlyUserClassesAreRewritten() {
		String loadedLater = SleepCalls.class.getName();

		assertThat(HandlerCode.rewrittenClassNames()).contains(TimeCalls.class.getName(), loadedLater,
				HandlerCodeTests.class.getName());
		assertThat(HandlerCode.rewrittenClassNames()).allSatisfy(name -> assertThat(UserCode.isNever(name)).isFalse())
				.doesNotContain(HandlerTime.class.getName(), HandlerTime.HandlerClock.class.getName(),
						ProcessExit.class.getName())
				.noneMatch(name -> name.startsWith("io.github.lambdasandbox.internal.engine."));
	}

	// --- sleep ---------------------------------------------------------------------------------------------------

	@Test
	void threadSleepWaitsOnTheSandboxClockOnAHandlerThread() throws Exception {
		long start = System.nanoTime();
		clock.runAsHandler(() -> SleepCalls.threadSleep(60_000));
		clock.runAsHandler(() -> SleepCalls.threadSleep(1_500, 250));
		clock.runAsHandler(() -> SleepCalls.threadSleepReference().sleep(2_000));
		long realNanos = System.nanoTime() - start;

		assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(1), Duration.ofMillis(1_500).plusNanos(250),
				Duration.ofSeconds(2));
		assertThat(clock.callAsHandler(() -> TimeCalls.instantNow()))
				.isEqualTo(ManualClock.START.plusSeconds(63).plusMillis(500).plusNanos(250));
		assertThat(Duration.ofNanos(realNanos)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void timeUnitSleepWaitsOnTheSandboxClockOnAHandlerThread() throws Exception {
		clock.runAsHandler(() -> SleepCalls.timeUnitSleep(TimeUnit.MINUTES, 2));
		clock.runAsHandler(() -> SleepCalls.secondsSleepReference().sleep(3));
		clock.runAsHandler(() -> SleepCalls.timeUnitSleep(TimeUnit.SECONDS, 0));
		clock.runAsHandler(() -> SleepCalls.timeUnitSleep(TimeUnit.SECONDS, -5));

		assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(2), Duration.ofSeconds(3));
	}

	@Test
	void aSleepOfAnInterruptedHandlerThreadThrowsAtOnce() throws Exception {
		Throwable thrown = clock.callAsHandler(() -> {
			Thread.currentThread().interrupt();
			return catchThrowableOfType(InterruptedException.class, () -> SleepCalls.threadSleep(1_000));
		});

		assertThat(thrown).isNotNull();
		assertThat(Thread.interrupted()).isFalse();
		assertThat(clock.sleeps()).isEmpty();
	}

	@Test
	void aNegativeSleepOnAHandlerThreadIsRefusedAsTheJdkRefusesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> clock.runAsHandler(() -> SleepCalls.threadSleep(-1)))
				.withMessage("timeout value is negative");
		assertThatIllegalArgumentException()
				.isThrownBy(() -> clock.runAsHandler(() -> SleepCalls.threadSleep(1, 1_000_000)))
				.withMessage("nanosecond timeout value out of range");
	}

	@Test
	void sleepsAreRealElsewhere() throws Exception {
		long start = System.nanoTime();
		SleepCalls.threadSleep(20);
		SleepCalls.timeUnitSleep(TimeUnit.MILLISECONDS, 20);
		long realNanos = System.nanoTime() - start;

		assertThat(Duration.ofNanos(realNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
		assertThat(clock.sleeps()).isEmpty();
	}

	// --- exit ----------------------------------------------------------------------------------------------------

	@Test
	void exitsEndTheAttemptWithTheirStatusOnAHandlerThread() {
		assertThat(catchThrowableOfType(ProcessExit.class, () -> clock.runAsHandler(() -> ExitCalls.systemExit(3))))
				.satisfies(exit -> assertThat(exit.status()).isEqualTo(3))
				.satisfies(exit -> assertThat(exit.call()).isEqualTo("System.exit"));
		assertThat(catchThrowableOfType(ProcessExit.class, () -> clock.runAsHandler(() -> ExitCalls.runtimeExit(4))))
				.satisfies(exit -> assertThat(exit.status()).isEqualTo(4))
				.satisfies(exit -> assertThat(exit.call()).isEqualTo("Runtime.exit"));
		assertThat(catchThrowableOfType(ProcessExit.class, () -> clock.runAsHandler(() -> ExitCalls.runtimeHalt(5))))
				.satisfies(exit -> assertThat(exit.status()).isEqualTo(5))
				.satisfies(exit -> assertThat(exit.call()).isEqualTo("Runtime.halt"))
				.hasMessage("Runtime.halt(5) in handler code: the runtime exits with status 5");
	}

	// --- with the engine -----------------------------------------------------------------------------------------

	@LambdaFunction(name = "sleeps", handler = SleepingHandler.class, timeout = 30)
	static class Declarations {
	}

	@Test
	void aRealSandboxHandlersThreadSleepTakesVirtualTime() {
		assertThat(HandlerCode.instrument(SleepingHandler.class, Set.of())).isTrue();
		try (Sandbox sandbox = Sandbox.create(Declarations.class)) {
			JsonNode seen = Fixtures.parse(sandbox.invoke("sleeps", "{\"sleep\": 10000}").payload());

			assertThat(seen.get("before").asText()).isEqualTo("2025-01-01T00:00:00Z");
			assertThat(seen.get("after").asText()).isEqualTo("2025-01-01T00:00:10Z");
			assertThat(sandbox.clock().now()).isEqualTo(Instant.parse("2025-01-01T00:00:10Z"));
		}
	}

	@Test
	void aRealSandboxHandlersSystemExitFailsTheInvocationAndNotTheJvm() {
		assertThat(HandlerCode.instrument(SleepingHandler.class, Set.of())).isTrue();
		try (Sandbox sandbox = Sandbox.create(Declarations.class)) {
			InvokeResult result = sandbox.invoke("sleeps", "{\"exit\": 3}");

			assertThat(result.functionError()).isEqualTo("Unhandled");
			assertThat(sandbox.function("sleeps").lastError()).get().isInstanceOfSatisfying(ProcessExit.class,
					exit -> assertThat(exit.status()).isEqualTo(3));
		}
	}

	// --- instrumenting -------------------------------------------------------------------------------------------

	@Test
	void instrumentingAgainIsHarmlessAndCostsMicroseconds() {
		List<String> rewritten = HandlerCode.rewrittenClassNames();
		UserCode instrumented = HandlerCode.instrumented();

		int times = 100_000;
		long start = System.nanoTime();
		for (int i = 0; i < times; i++) {
			HandlerCode.instrument(TimeCalls.class, Set.of());
		}
		Duration each = Duration.ofNanos((System.nanoTime() - start) / times);

		assertThat(each).isLessThan(Duration.ofNanos(10_000));
		assertThat(HandlerCode.rewrittenClassNames()).isEqualTo(rewritten);
		assertThat(HandlerCode.instrumented()).isSameAs(instrumented);
	}

	@Test
	void instrumentingFromManyThreadsAtOnceRewritesOnce() throws Exception {
		SleepCalls.class.getName();
		List<String> rewritten = HandlerCode.rewrittenClassNames();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> done = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				done.add(threads.submit(() -> HandlerCode.instrument(SleepCalls.class, Set.of())));
			}
			for (Future<Boolean> each : done) {
				assertThat(each.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(HandlerCode.rewrittenClassNames()).isEqualTo(rewritten);
	}

	@Test
	void aModeOtherThanAgentRewritesNothing() {
		String before = System.getProperty(HandlerCode.MODE_PROPERTY);
		try {
			System.setProperty(HandlerCode.MODE_PROPERTY, "off");
			assertThat(HandlerCode.mode()).isEqualTo(HandlerCode.Mode.OFF);
			assertThat(HandlerCode.instrument(TimeCalls.class, Set.of())).isFalse();
			System.setProperty(HandlerCode.MODE_PROPERTY, "Loader");
			assertThat(HandlerCode.mode()).isEqualTo(HandlerCode.Mode.LOADER);
			assertThat(HandlerCode.instrument(TimeCalls.class, Set.of())).isFalse();
			System.setProperty(HandlerCode.MODE_PROPERTY, "sometimes");
			assertThatThrownBy(HandlerCode::mode).isInstanceOf(IllegalStateException.class)
					.hasMessage("-Dlambdasandbox.bytecode=sometimes is not a mode of rewriting handler code: use agent "
							+ "(the default), loader or off.");
		}
		finally {
			if (before == null) {
				System.clearProperty(HandlerCode.MODE_PROPERTY);
			}
			else {
				System.setProperty(HandlerCode.MODE_PROPERTY, before);
			}
		}
	}

	@Test
	void aHandlerWithoutCodeSourceHasNothingToRewrite() {
		assertThat(HandlerCode.instrument(String.class, Set.of())).isFalse();
		assertThat(HandlerCode.instrument(UserCode.none())).isFalse();
	}

	@Test
	void aJdkPackageCannotBeNamedAsUserCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> HandlerCode.instrument(TimeCalls.class, Set.of("java.time")))
				.withMessageStartingWith("Package java.time is never user code");
	}

	@Test
	void theMessagesSayWhatToDoWithoutAnAttachableJvm() {
		String message = HandlerCode.attachFailedMessage(new IllegalStateException("no attach"));

		assertThat(message).contains("no attach", "-javaagent:" + HandlerCode.agentJar(),
				"-javaagent:${net.bytebuddy:byte-buddy-agent:jar}", "-XX:+EnableDynamicAgentLoading",
				"-Dlambdasandbox.bytecode=loader", "-Dlambdasandbox.bytecode=off");
		assertThat(HandlerCode.agentJar()).endsWith(".jar").contains("byte-buddy-agent");
		assertThat(HandlerCode.selfAttachNote()).contains("-javaagent:" + HandlerCode.agentJar(),
				"-XX:+EnableDynamicAgentLoading");
	}

	// --- helpers -------------------------------------------------------------------------------------------------

	/** A class of its own code source (a directory), as a library's: {@code static long millis()} reads the clock. */
	static Class<?> libraryClass(Path dir, String name) throws IOException, ReflectiveOperationException {
		new ByteBuddy().subclass(Object.class)
				.name(name)
				.defineMethod("millis", long.class, Visibility.PUBLIC, Ownership.STATIC)
				.intercept(MethodCall.invoke(System.class.getMethod("currentTimeMillis")))
				.make()
				.saveIn(dir.toFile());
		@SuppressWarnings("resource") // lives as long as the class
		URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() }, HandlerCodeTests.class.getClassLoader());
		return loader.loadClass(name);
	}
}
