package io.github.lambdasandbox.internal.bytecode;

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
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.github.lambdasandbox.internal.engine.VirtualTime;

/**
 * What rewritten handler code calls instead of the JDK's time, sleep and exit methods ({@link TimeCallRewriter}
 * lists which call becomes which). Not API: public only because rewritten classes, in any package and class
 * loader, call it.
 *
 * <p>On a thread that runs a sandbox handler (see {@link #onHandlerThread()}), an exit ends the attempt with
 * {@link ProcessExit}, and — unless the sandbox was declared with {@code @LambdaSandbox(handlerTime = SYSTEM)}
 * ({@link VirtualTime#handlerClockIsVirtual()}) — time is the sandbox's virtual clock ({@link VirtualTime}) and a
 * sleep waits in virtual time. On a thread that handler code started, while it runs a task for an attempt
 * ({@link HandlerThreads}), time is the sandbox's too, a sleep is real (only the handler's own thread can wait on
 * the sandbox clock), and an exit throws {@link ProcessExit} out of the task, never ending the JVM. On any other
 * thread every method does exactly what the call it replaces does: the system clock, a real sleep, a real exit.
 *
 * <p>The {@link Clock}s returned for {@code Clock.systemUTC()} and friends decide at each reading, by the thread
 * that reads them: a clock kept in a static field, made while the class was initialised on the test's thread,
 * still shows virtual time to a handler.
 *
 * <p>This class and its nested classes are never rewritten themselves (they call the originals).
 */
public final class HandlerTime {

	/** Test hook: a clock that makes the current thread act as a handler's thread. */
	private static final ThreadLocal<TestClock> TEST_CLOCK = new ThreadLocal<>();

	private static final Clock UTC = new HandlerClock(ZoneOffset.UTC);

	private HandlerTime() {
	}

	/**
	 * Whether the current thread runs handler code of a sandbox (an attempt: a handler call, a cold start), or acts
	 * as if it did under the package's test hook.
	 */
	public static boolean onHandlerThread() {
		return TEST_CLOCK.get() != null || VirtualTime.onHandlerThread();
	}

	/**
	 * Whether time and sleep calls of the current thread are in virtual time: on a handler's thread of a sandbox
	 * whose handler time is virtual, or under the package's test hook.
	 */
	private static boolean inVirtualTime() {
		return TEST_CLOCK.get() != null || VirtualTime.handlerClockIsVirtual();
	}

	// --- time --------------------------------------------------------------------------------------------------

	/** {@code System.currentTimeMillis()}. */
	public static long currentTimeMillis() {
		TestClock test = TEST_CLOCK.get();
		if (test != null) {
			return test.now().toEpochMilli();
		}
		return VirtualTime.handlerClockIsVirtual() ? VirtualTime.currentTimeMillis() : System.currentTimeMillis();
	}

	/** {@code Instant.now()}. */
	public static Instant instantNow() {
		TestClock test = TEST_CLOCK.get();
		if (test != null) {
			return test.now();
		}
		return VirtualTime.handlerClockIsVirtual() ? VirtualTime.now() : Instant.now();
	}

	/** {@code new Date()} (as a method reference: {@code Date::new}). */
	public static Date newDate() {
		return new Date(currentTimeMillis());
	}

	/** {@code Clock.systemUTC()}: a clock that reads virtual time when a handler's thread reads it. */
	public static Clock clockSystemUTC() {
		return UTC;
	}

	/** {@code Clock.systemDefaultZone()}: a clock that reads virtual time when a handler's thread reads it. */
	public static Clock clockSystemDefaultZone() {
		return new HandlerClock(ZoneId.systemDefault());
	}

	/** {@code Clock.system(zone)}: a clock that reads virtual time when a handler's thread reads it. */
	public static Clock clockSystem(ZoneId zone) {
		Objects.requireNonNull(zone, "zone");
		return new HandlerClock(zone);
	}

	/** {@code LocalDateTime.now()}. */
	public static LocalDateTime localDateTimeNow() {
		return LocalDateTime.now(clockSystemDefaultZone());
	}

	/** {@code LocalDateTime.now(zone)}. */
	public static LocalDateTime localDateTimeNow(ZoneId zone) {
		return LocalDateTime.now(clockSystem(zone));
	}

	/** {@code LocalDate.now()}. */
	public static LocalDate localDateNow() {
		return LocalDate.now(clockSystemDefaultZone());
	}

	/** {@code LocalDate.now(zone)}. */
	public static LocalDate localDateNow(ZoneId zone) {
		return LocalDate.now(clockSystem(zone));
	}

	/** {@code LocalTime.now()}. */
	public static LocalTime localTimeNow() {
		return LocalTime.now(clockSystemDefaultZone());
	}

	/** {@code LocalTime.now(zone)}. */
	public static LocalTime localTimeNow(ZoneId zone) {
		return LocalTime.now(clockSystem(zone));
	}

	/** {@code ZonedDateTime.now()}. */
	public static ZonedDateTime zonedDateTimeNow() {
		return ZonedDateTime.now(clockSystemDefaultZone());
	}

	/** {@code ZonedDateTime.now(zone)}. */
	public static ZonedDateTime zonedDateTimeNow(ZoneId zone) {
		return ZonedDateTime.now(clockSystem(zone));
	}

	/** {@code OffsetDateTime.now()}. */
	public static OffsetDateTime offsetDateTimeNow() {
		return OffsetDateTime.now(clockSystemDefaultZone());
	}

	/** {@code OffsetDateTime.now(zone)}. */
	public static OffsetDateTime offsetDateTimeNow(ZoneId zone) {
		return OffsetDateTime.now(clockSystem(zone));
	}

	/** {@code OffsetTime.now()}. */
	public static OffsetTime offsetTimeNow() {
		return OffsetTime.now(clockSystemDefaultZone());
	}

	/** {@code OffsetTime.now(zone)}. */
	public static OffsetTime offsetTimeNow(ZoneId zone) {
		return OffsetTime.now(clockSystem(zone));
	}

	/** {@code Year.now()}. */
	public static Year yearNow() {
		return Year.now(clockSystemDefaultZone());
	}

	/** {@code Year.now(zone)}. */
	public static Year yearNow(ZoneId zone) {
		return Year.now(clockSystem(zone));
	}

	/** {@code YearMonth.now()}. */
	public static YearMonth yearMonthNow() {
		return YearMonth.now(clockSystemDefaultZone());
	}

	/** {@code YearMonth.now(zone)}. */
	public static YearMonth yearMonthNow(ZoneId zone) {
		return YearMonth.now(clockSystem(zone));
	}

	/** {@code MonthDay.now()}. */
	public static MonthDay monthDayNow() {
		return MonthDay.now(clockSystemDefaultZone());
	}

	/** {@code MonthDay.now(zone)}. */
	public static MonthDay monthDayNow(ZoneId zone) {
		return MonthDay.now(clockSystem(zone));
	}

	// --- sleep -------------------------------------------------------------------------------------------------

	/** {@code Thread.sleep(millis)}: in virtual time on a handler's thread. */
	public static void sleep(long millis) throws InterruptedException {
		if (!inVirtualTime()) {
			Thread.sleep(millis);
			return;
		}
		if (millis < 0) {
			throw new IllegalArgumentException("timeout value is negative");
		}
		sleepOnHandlerThread(Duration.ofMillis(millis));
	}

	/** {@code Thread.sleep(millis, nanos)}: in virtual time on a handler's thread. */
	public static void sleep(long millis, int nanos) throws InterruptedException {
		if (!inVirtualTime()) {
			Thread.sleep(millis, nanos);
			return;
		}
		if (millis < 0) {
			throw new IllegalArgumentException("timeout value is negative");
		}
		if (nanos < 0 || nanos > 999_999) {
			throw new IllegalArgumentException("nanosecond timeout value out of range");
		}
		sleepOnHandlerThread(Duration.ofMillis(millis).plusNanos(nanos));
	}

	/**
	 * {@code Thread.sleep(duration)} (Java 19+): in virtual time on a handler's thread. Elsewhere a real sleep; a
	 * negative duration returns at once, as it does in the JDK.
	 */
	public static void sleep(Duration duration) throws InterruptedException {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			return;
		}
		if (!inVirtualTime()) {
			// Thread.sleep(Duration) is Java 19+: the same wait in Java 17's terms
			long millis;
			try {
				millis = duration.toMillis();
			}
			catch (ArithmeticException tooLong) {
				millis = Long.MAX_VALUE;
			}
			Thread.sleep(millis, millis == Long.MAX_VALUE ? 0 : duration.toNanosPart() % 1_000_000);
			return;
		}
		sleepOnHandlerThread(duration);
	}

	/** {@code unit.sleep(timeout)}: in virtual time on a handler's thread. */
	public static void sleep(TimeUnit unit, long timeout) throws InterruptedException {
		if (!inVirtualTime()) {
			unit.sleep(timeout);
			return;
		}
		if (timeout > 0) {
			sleepOnHandlerThread(Duration.ofNanos(unit.toNanos(timeout)));
		}
	}

	private static void sleepOnHandlerThread(Duration duration) throws InterruptedException {
		// a sleep of an interrupted thread ends at once, as in the JDK
		if (Thread.interrupted()) {
			throw new InterruptedException("sleep interrupted");
		}
		TestClock test = TEST_CLOCK.get();
		if (test != null) {
			test.sleep(duration);
		}
		else {
			VirtualTime.sleep(duration);
		}
	}

	// --- exit --------------------------------------------------------------------------------------------------

	/**
	 * Whether an exit ends the attempt ({@link ProcessExit}) instead of the JVM: on a handler's thread, and on a
	 * thread that runs a task its handler code started (there the task ends, and with it the attempt if the handler
	 * waits for the task: {@code join()} and {@code get()} pass the error on).
	 */
	private static boolean exitsTheAttempt() {
		return onHandlerThread() || VirtualTime.onStartedThread();
	}

	/** {@code System.exit(status)}: ends the attempt on a handler's thread ({@link ProcessExit}), else the JVM. */
	public static void exit(int status) {
		if (exitsTheAttempt()) {
			throw new ProcessExit(status, "System.exit");
		}
		System.exit(status);
	}

	/** {@code runtime.exit(status)}: ends the attempt on a handler's thread ({@link ProcessExit}), else the JVM. */
	public static void exit(Runtime runtime, int status) {
		if (exitsTheAttempt()) {
			Objects.requireNonNull(runtime);
			throw new ProcessExit(status, "Runtime.exit");
		}
		runtime.exit(status);
	}

	/** {@code runtime.halt(status)}: ends the attempt on a handler's thread ({@link ProcessExit}), else the JVM. */
	public static void halt(Runtime runtime, int status) {
		if (exitsTheAttempt()) {
			Objects.requireNonNull(runtime);
			throw new ProcessExit(status, "Runtime.halt");
		}
		runtime.halt(status);
	}

	// --- the engine, and the test hook ---------------------------------------------------------------------------

	/**
	 * Test hook, for tests without an engine: runs {@code code} on the current thread as if it were a handler's
	 * thread whose sandbox clock is {@code clock}.
	 */
	static <T> T runAsHandler(TestClock clock, Callable<T> code) throws Exception {
		Objects.requireNonNull(clock, "clock");
		TestClock outer = TEST_CLOCK.get();
		TEST_CLOCK.set(clock);
		try {
			return code.call();
		}
		finally {
			if (outer == null) {
				TEST_CLOCK.remove();
			}
			else {
				TEST_CLOCK.set(outer);
			}
		}
	}

	/** Test hook: the clock of a pretended sandbox (see {@link #runAsHandler}). */
	interface TestClock {

		Instant now();

		/** A handler's sleep: returns when the clock has moved on by {@code duration} (a test clock: at once). */
		void sleep(Duration duration) throws InterruptedException;
	}

	/**
	 * A {@link Clock} in a zone whose instant is the sandbox's on a handler's thread and the system's elsewhere,
	 * decided at each reading.
	 */
	static final class HandlerClock extends Clock {

		private final ZoneId zone;

		HandlerClock(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return zone.equals(this.zone) ? this : new HandlerClock(zone);
		}

		@Override
		public long millis() {
			return currentTimeMillis();
		}

		@Override
		public Instant instant() {
			return instantNow();
		}

		@Override
		public boolean equals(Object obj) {
			return obj instanceof HandlerClock other && zone.equals(other.zone);
		}

		@Override
		public int hashCode() {
			return zone.hashCode() + 1;
		}

		@Override
		public String toString() {
			return "HandlerClock[" + zone + "]";
		}
	}
}
