package io.github.lambdasandbox.internal.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.lambdasandbox.internal.bytecode.TimeCallRewriter.Replacement;
import io.github.lambdasandbox.internal.bytecode.fixtures.ExitCalls;
import io.github.lambdasandbox.internal.bytecode.fixtures.SleepCalls;
import io.github.lambdasandbox.internal.bytecode.fixtures.ThreadCalls;
import io.github.lambdasandbox.internal.bytecode.fixtures.TimeCalls;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rewrite itself, on class files (no agent): which calls become which, and what stays. */
@DisplayName("The rewrite of a class file: which call becomes which, and nothing else changes")
class TimeCallRewriterTests {

	private final ManualClock clock = new ManualClock();

	@Test
	void exitCallsOfUserCodeCallTheSandboxWhichExitsOnlyOffHandlerThreads() throws IOException {
		List<String> before = calls(classFile(ExitCalls.class), "java/lang/System", "java/lang/Runtime",
				TimeCallRewriter.TARGET);
		List<String> after = calls(TimeCallRewriter.rewrite(classFile(ExitCalls.class)), "java/lang/System",
				"java/lang/Runtime", TimeCallRewriter.TARGET);

		assertThat(before).containsExactly("java/lang/System.exit(I)V", "java/lang/Runtime.getRuntime()Ljava/lang/Runtime;",
				"java/lang/Runtime.exit(I)V", "java/lang/Runtime.getRuntime()Ljava/lang/Runtime;",
				"java/lang/Runtime.halt(I)V");
		assertThat(after).containsExactly(TimeCallRewriter.TARGET + ".exit(I)V",
				"java/lang/Runtime.getRuntime()Ljava/lang/Runtime;", TimeCallRewriter.TARGET + ".exit(Ljava/lang/Runtime;I)V",
				"java/lang/Runtime.getRuntime()Ljava/lang/Runtime;", TimeCallRewriter.TARGET + ".halt(Ljava/lang/Runtime;I)V");
	}

	@Test
	void newDateKeepsItsAllocationAndGetsTheTimeFromTheSandbox() throws IOException {
		List<String> after = calls(TimeCallRewriter.rewrite(classFile(TimeCalls.Stamp.class)), "java/util/Date",
				TimeCallRewriter.TARGET);

		assertThat(after).containsExactly(TimeCallRewriter.TARGET + ".currentTimeMillis()J", "java/util/Date.<init>(J)V");
	}

	@Test
	void methodReferencesPointToTheSandbox() throws IOException {
		List<String> handles = handles(TimeCallRewriter.rewrite(classFile(TimeCalls.class)));

		assertThat(handles).contains(TimeCallRewriter.TARGET + ".instantNow()Ljava/time/Instant;",
				TimeCallRewriter.TARGET + ".currentTimeMillis()J", TimeCallRewriter.TARGET + ".newDate()Ljava/util/Date;")
				.noneMatch(handle -> handle.startsWith("java/time/Instant.now") || handle.startsWith("java/util/Date.<init>"));
		assertThat(handles(TimeCallRewriter.rewrite(classFile(SleepCalls.class))))
				.contains(TimeCallRewriter.TARGET + ".sleep(Ljava/util/concurrent/TimeUnit;J)V",
						TimeCallRewriter.TARGET + ".sleep(J)V");
	}

	@Test
	void callsThatHandATaskToAnotherThreadCallTheSandboxWithTheReceiverFirst() throws IOException {
		String[] owners = { "java/util/concurrent/CompletableFuture", "java/util/concurrent/Executor",
				"java/util/concurrent/ExecutorService", "java/util/concurrent/ScheduledExecutorService",
				"java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/ScheduledThreadPoolExecutor",
				"java/util/concurrent/ForkJoinPool", TimeCallRewriter.THREADS };
		List<String> before = calls(classFile(ThreadCalls.class), owners);
		List<String> after = calls(TimeCallRewriter.rewrite(classFile(ThreadCalls.class)), owners);

		String threads = TimeCallRewriter.THREADS + ".";
		assertThat(before).hasSize(19).noneMatch(call -> call.startsWith(threads));
		assertThat(after).hasSize(19 + 5).allMatch(call -> call.startsWith(threads));
		assertThat(after).contains(
				threads + "runAsync(Ljava/lang/Runnable;Ljava/util/concurrent/Executor;)Ljava/util/concurrent/CompletableFuture;",
				threads + "supplyAsync(Ljava/util/function/Supplier;)Ljava/util/concurrent/CompletableFuture;",
				threads + "execute(Ljava/util/concurrent/Executor;Ljava/lang/Runnable;)V",
				threads + "submit(Ljava/util/concurrent/ExecutorService;Ljava/util/concurrent/Callable;)Ljava/util/concurrent/Future;",
				threads + "submit(Ljava/util/concurrent/ForkJoinPool;Ljava/util/concurrent/Callable;)Ljava/util/concurrent/ForkJoinTask;",
				threads + "invokeAll(Ljava/util/concurrent/ExecutorService;Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)Ljava/util/List;",
				threads + "schedule(Ljava/util/concurrent/ScheduledExecutorService;Ljava/lang/Runnable;JLjava/util/concurrent/TimeUnit;)Ljava/util/concurrent/ScheduledFuture;");
		assertThat(after).filteredOn(call -> call.startsWith(threads + "execute(")).hasSize(2);
	}

	@Test
	void threadConstructorsGetTheirTargetThroughTheSandboxAndKeepTheirOtherArguments() throws Exception {
		byte[] rewritten = TimeCallRewriter.rewrite(classFile(ThreadCalls.class));
		String wrap = TimeCallRewriter.THREADS + ".threadTarget(Ljava/lang/Runnable;)Ljava/lang/Runnable;";

		assertThat(calls(rewritten, "java/lang/Thread", TimeCallRewriter.THREADS).stream()
				.filter(call -> call.contains("<init>") || call.contains("threadTarget"))).containsExactly(
						wrap, "java/lang/Thread.<init>(Ljava/lang/Runnable;)V",
						wrap, "java/lang/Thread.<init>(Ljava/lang/Runnable;Ljava/lang/String;)V",
						wrap, "java/lang/Thread.<init>(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;)V",
						wrap, "java/lang/Thread.<init>(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;)V",
						wrap, "java/lang/Thread.<init>(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;J)V");
		assertThat(calls(TimeCallRewriter.rewrite(classFile(ThreadCalls.Worker.class)), "java/lang/Thread",
				TimeCallRewriter.THREADS)).containsExactly(wrap,
						"java/lang/Thread.<init>(Ljava/lang/Runnable;Ljava/lang/String;)V");

		// the arguments moved around the target's wrapping come back in their places
		Class<?> type = define(rewritten);
		ThreadGroup group = new ThreadGroup("fixture-group");
		List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
		Thread sized = (Thread) type.getMethod("newThread", ThreadGroup.class, Runnable.class, String.class, long.class)
				.invoke(null, group, (Runnable) () -> ran.add("sized"), "sized", 1L << 20);
		Thread named = (Thread) type.getMethod("newThread", Runnable.class, String.class)
				.invoke(null, (Runnable) () -> ran.add("named"), "named");
		Thread grouped = (Thread) type.getMethod("newThread", ThreadGroup.class, Runnable.class, String.class)
				.invoke(null, group, (Runnable) () -> ran.add("grouped"), "grouped");
		for (Thread thread : List.of(sized, named, grouped)) {
			thread.start();
			thread.join();
		}

		assertThat(sized.getName()).isEqualTo("sized");
		assertThat(grouped.getName()).isEqualTo("grouped");
		assertThat(named.getName()).isEqualTo("named");
		assertThat(ran).containsExactly("sized", "named", "grouped");
	}

	@Test
	void aMethodReferenceToAStaticTaskCallPointsToTheSandboxOneToAnExecutorStays() throws IOException {
		List<String> handles = handles(TimeCallRewriter.rewrite(classFile(ThreadCalls.class)));

		assertThat(handles).contains(
				TimeCallRewriter.THREADS + ".runAsync(Ljava/lang/Runnable;)Ljava/util/concurrent/CompletableFuture;",
				"java/util/concurrent/Executor.execute(Ljava/lang/Runnable;)V");
	}

	@Test
	void rewritingARewrittenClassWithThreadCallsChangesNothing() throws IOException {
		byte[] once = TimeCallRewriter.rewrite(classFile(ThreadCalls.class));

		assertThat(TimeCallRewriter.rewrite(once)).isSameAs(once);
		byte[] worker = TimeCallRewriter.rewrite(classFile(ThreadCalls.Worker.class));
		assertThat(TimeCallRewriter.rewrite(worker)).isSameAs(worker);
	}

	@Test
	void aClassWithoutSuchCallsIsLeftAsItIs() throws IOException {
		byte[] classFile = classFile(ManualClock.class);

		assertThat(TimeCallRewriter.rewrite(classFile)).isSameAs(classFile);
	}

	@Test
	void rewritingARewrittenClassChangesNothing() throws IOException {
		byte[] once = TimeCallRewriter.rewrite(classFile(TimeCalls.class));

		assertThat(TimeCallRewriter.rewrite(once)).isSameAs(once);
	}

	@Test
	void everyReplacementExistsAndTakesTheOriginalsArguments() throws ReflectiveOperationException {
		Map<String, Replacement> replacements = TimeCallRewriter.replacements();

		assertThat(replacements.values()).filteredOn(r -> r.target().equals(TimeCallRewriter.TARGET)).hasSize(30);
		assertThat(replacements.values()).filteredOn(r -> r.target().equals(TimeCallRewriter.THREADS)).hasSize(61);
		for (Map.Entry<String, Replacement> each : replacements.entrySet()) {
			Replacement replacement = each.getValue();
			String original = each.getKey();
			Class<?> target = Class.forName(replacement.target().replace('/', '.'));
			MethodType type = MethodType.fromMethodDescriptorString(replacement.descriptor(), null);
			assertThat(MethodHandles.publicLookup().findStatic(target, replacement.name(), type)).as(original).isNotNull();
			Class<?> owner = Class.forName(original.substring(0, original.indexOf('.')).replace('/', '.'));
			String name = original.substring(original.indexOf('.') + 1, original.indexOf('('));
			MethodType originalType = MethodType.fromMethodDescriptorString(original.substring(original.indexOf('(')), null);
			if (replacement.target().equals(TimeCallRewriter.THREADS)) {
				// the original exists in Java 17, and is called as the opcode says
				Method declared = owner.getMethod(name, originalType.parameterArray());
				assertThat(declared.getReturnType()).as(original).isEqualTo(originalType.returnType());
				assertThat(replacement.opcode()).as(original).isEqualTo(Modifier.isStatic(declared.getModifiers())
						? Opcodes.INVOKESTATIC : owner.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL);
			}
			if (replacement.opcode() == Opcodes.INVOKESTATIC) {
				assertThat(type).as(original).isEqualTo(originalType);
			}
			else if (replacement.target().equals(TimeCallRewriter.TARGET)) {
				assertThat(type).as(original).isEqualTo(originalType.insertParameterTypes(0, owner));
			}
			else {
				// an executor's: the receiver as a type it has, which declares the method; the same result
				assertThat(type.dropParameterTypes(0, 1)).as(original).isEqualTo(originalType);
				assertThat(type.parameterType(0)).as(original).isAssignableFrom(owner);
				assertThat(type.parameterType(0).getMethod(name, originalType.parameterArray())).as(original).isNotNull();
				assertThat(replacement.handles()).as(original).isFalse();
			}
		}
	}

	@Test
	void threadSleepOfADurationIsRewrittenWhereItExists() throws Exception {
		// javac for Java 17 cannot call Thread.sleep(Duration) (Java 19+): a class of a newer JDK's can
		Class<?> type = define(TimeCallRewriter.rewrite(sleepsForADuration()));

		clock.runAsHandler(() -> invoke(type, Duration.ofMinutes(5)));
		clock.runAsHandler(() -> invoke(type, Duration.ofSeconds(-5)));

		assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(5));
		if (Runtime.version().feature() < 19) {
			Class<?> unchanged = define(sleepsForADuration());
			assertThatThrownBy(() -> invoke(unchanged, Duration.ofMillis(1))).hasRootCauseInstanceOf(NoSuchMethodError.class);
		}
	}

	@Test
	void aMethodHandleConstantPointsToTheSandbox() throws Throwable {
		Class<?> type = define(TimeCallRewriter.rewrite(loadsAMethodHandle()));
		MethodHandle now = (MethodHandle) type.getMethod("handle").invoke(null);

		assertThat(clock.callAsHandler(() -> {
			try {
				return (Instant) now.invoke();
			}
			catch (Throwable e) {
				throw new IllegalStateException(e);
			}
		})).isEqualTo(ManualClock.START);
	}

	// --- helpers -------------------------------------------------------------------------------------------------

	static byte[] classFile(Class<?> type) throws IOException {
		try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
			return in.readAllBytes();
		}
	}

	/** The calls in a class file to methods of {@code owners}, in order, as "owner.name descriptor". */
	private static List<String> calls(byte[] classFile, String... owners) {
		List<String> calls = new ArrayList<>();
		OpenedClassReader.of(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
				return new MethodVisitor(OpenedClassReader.ASM_API) {
					@Override
					public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
						if (List.of(owners).contains(owner)) {
							calls.add(owner + "." + name + descriptor);
						}
					}
				};
			}
		}, 0);
		return calls;
	}

	/** The method handles in the bootstrap arguments of a class file's {@code invokedynamic}s. */
	private static List<String> handles(byte[] classFile) {
		List<String> handles = new ArrayList<>();
		OpenedClassReader.of(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
				return new MethodVisitor(OpenedClassReader.ASM_API) {
					@Override
					public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
						for (Object argument : arguments) {
							if (argument instanceof Handle handle) {
								handles.add(handle.getOwner() + "." + handle.getName() + handle.getDesc());
							}
						}
					}
				};
			}
		}, 0);
		return handles;
	}

	/** {@code public static void run(Duration d) { Thread.sleep(d); }}, as a class of Java 17's format. */
	private static byte[] sleepsForADuration() {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "gen/SleepsForADuration", null,
				"java/lang/Object", null);
		MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(Ljava/time/Duration;)V",
				null, new String[] { "java/lang/InterruptedException" });
		run.visitCode();
		run.visitVarInsn(Opcodes.ALOAD, 0);
		run.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "sleep", "(Ljava/time/Duration;)V", false);
		run.visitInsn(Opcodes.RETURN);
		run.visitMaxs(0, 0);
		run.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

	/** {@code public static Object handle() { return <ldc MethodHandle Instant.now()>; }}. */
	private static byte[] loadsAMethodHandle() {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "gen/LoadsAMethodHandle", null,
				"java/lang/Object", null);
		MethodVisitor handle = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "handle",
				"()Ljava/lang/Object;", null, null);
		handle.visitCode();
		handle.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/time/Instant", "now", "()Ljava/time/Instant;", false));
		handle.visitInsn(Opcodes.ARETURN);
		handle.visitMaxs(0, 0);
		handle.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

	private static Class<?> define(byte[] classFile) {
		String name = new ClassReader(classFile).getClassName().replace('/', '.');
		return new ClassLoader(TimeCallRewriterTests.class.getClassLoader()) {
			Class<?> define() {
				return defineClass(name, classFile, 0, classFile.length);
			}
		}.define();
	}

	private static void invoke(Class<?> type, Duration duration) throws Exception {
		try {
			type.getMethod("run", Duration.class).invoke(null, duration);
		}
		catch (InvocationTargetException e) {
			if (e.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw e;
		}
	}
}
