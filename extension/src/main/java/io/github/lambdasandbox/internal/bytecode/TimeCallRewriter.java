package io.github.lambdasandbox.internal.bytecode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites, in the method bodies of one class, the calls to the JDK's time, sleep and exit methods into calls to
 * {@link HandlerTime}. Only call sites change: no member is added, removed or changed, so the rewrite is allowed
 * when a loaded class is retransformed. The JDK's own classes are never given to it (see {@link UserCode}).
 *
 * <table>
 * <caption>What becomes what</caption>
 * <tr><th>Call in the class</th><th>becomes</th></tr>
 * <tr><td>{@code System.currentTimeMillis()}</td><td>{@link HandlerTime#currentTimeMillis()}</td></tr>
 * <tr><td>{@code Instant.now()}</td><td>{@link HandlerTime#instantNow()}</td></tr>
 * <tr><td>{@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()}, {@code Clock.system(zone)}</td>
 * <td>{@link HandlerTime#clockSystemUTC()} …: a clock that reads virtual time on a handler's thread</td></tr>
 * <tr><td>{@code now()} and {@code now(ZoneId)} of {@code LocalDateTime}, {@code LocalDate}, {@code LocalTime},
 * {@code ZonedDateTime}, {@code OffsetDateTime}, {@code OffsetTime}, {@code Year}, {@code YearMonth},
 * {@code MonthDay} ({@code now(Clock)} stays)</td><td>{@link HandlerTime#localDateTimeNow()} …</td></tr>
 * <tr><td>{@code new Date()}</td><td>{@code new Date(HandlerTime.currentTimeMillis())}</td></tr>
 * <tr><td>{@code Thread.sleep(long)}, {@code Thread.sleep(long, int)}, {@code Thread.sleep(Duration)}</td>
 * <td>{@link HandlerTime#sleep(long)} …</td></tr>
 * <tr><td>{@code unit.sleep(long)} ({@code TimeUnit})</td><td>{@link HandlerTime#sleep(java.util.concurrent.TimeUnit, long)}</td></tr>
 * <tr><td>{@code System.exit(int)}, {@code runtime.exit(int)}, {@code runtime.halt(int)}</td>
 * <td>{@link HandlerTime#exit(int)}, {@link HandlerTime#exit(Runtime, int)}, {@link HandlerTime#halt(Runtime, int)}</td></tr>
 * <tr><td>{@code CompletableFuture.runAsync(task)}, {@code runAsync(task, executor)}, {@code supplyAsync(…)}</td>
 * <td>{@link HandlerThreads#runAsync(Runnable)} …: the task runs for the submitting attempt</td></tr>
 * <tr><td>{@code execute}, {@code submit}, {@code invokeAll}, {@code invokeAny}, {@code schedule},
 * {@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay} of {@code Executor}, {@code ExecutorService},
 * {@code ScheduledExecutorService}, {@code AbstractExecutorService}, {@code ThreadPoolExecutor},
 * {@code ScheduledThreadPoolExecutor}, {@code ForkJoinPool} (as the call names its receiver's type)</td>
 * <td>{@link HandlerThreads#execute(java.util.concurrent.Executor, Runnable)} …, with the receiver first</td></tr>
 * <tr><td>{@code new Thread(target)}, {@code (target, name)}, {@code (group, target)}, {@code (group, target, name)},
 * {@code (group, target, name, stackSize)}, and {@code super(…)} of a subclass</td>
 * <td>the same constructor, given {@link HandlerThreads#threadTarget(Runnable) threadTarget(target)}</td></tr>
 * </table>
 *
 * <p>Method references to them ({@code Instant::now}, {@code Date::new}, {@code TimeUnit.SECONDS::sleep},
 * {@code CompletableFuture::runAsync}) are rewritten too: their method handles in {@code invokedynamic} and
 * {@code ldc} constants point to the same replacements — but for those of executors (a bound reference would
 * capture a receiver of another type than the replacement takes) and of {@code Thread} constructors.
 */
final class TimeCallRewriter implements AsmVisitorWrapper {

	static final TimeCallRewriter INSTANCE = new TimeCallRewriter();

	/** Internal name of the class the calls to time, sleep and exit go to. */
	static final String TARGET = "io/github/lambdasandbox/internal/bytecode/HandlerTime";

	/** Internal name of the class the calls that hand tasks to other threads go to. */
	static final String THREADS = "io/github/lambdasandbox/internal/bytecode/HandlerThreads";

	private static final String DATE = "java/util/Date";

	private static final String THREAD = "java/lang/Thread";

	private static final String RUNNABLE = "Ljava/lang/Runnable;";

	/**
	 * A replaced call: the original's opcode, and the class, name and descriptor of the static method that replaces
	 * it; whether a method reference to the original may point to it instead (not where the replacement takes a
	 * receiver of a wider type: a bound method reference must capture its exact type).
	 */
	record Replacement(int opcode, String target, String name, String descriptor, boolean handles) {
	}

	/**
	 * Where a {@code Thread} constructor takes its {@code Runnable}: on top of the operand stack, under one word (a
	 * {@code String} name), or under a name and a {@code long} stack size; by the constructor's descriptor.
	 */
	private enum TargetAt {

		TOP(0), UNDER_NAME(1), UNDER_NAME_AND_STACK_SIZE(3);

		/** How many instructions the rewrite puts between the target's wrapping and the constructor's call. */
		final int instructionsAfterWrap;

		TargetAt(int instructionsAfterWrap) {
			this.instructionsAfterWrap = instructionsAfterWrap;
		}
	}

	private static final Map<String, TargetAt> THREAD_CONSTRUCTORS = Map.of(
			"(" + RUNNABLE + ")V", TargetAt.TOP,
			"(Ljava/lang/ThreadGroup;" + RUNNABLE + ")V", TargetAt.TOP,
			"(" + RUNNABLE + "Ljava/lang/String;)V", TargetAt.UNDER_NAME,
			"(Ljava/lang/ThreadGroup;" + RUNNABLE + "Ljava/lang/String;)V", TargetAt.UNDER_NAME,
			"(Ljava/lang/ThreadGroup;" + RUNNABLE + "Ljava/lang/String;J)V", TargetAt.UNDER_NAME_AND_STACK_SIZE);

	/** Replacements by "owner.name descriptor" of the original. */
	private static final Map<String, Replacement> CALLS = calls();

	private static Map<String, Replacement> calls() {
		Map<String, Replacement> calls = new HashMap<>();
		staticCall(calls, "java/lang/System", "currentTimeMillis", "()J", "currentTimeMillis");
		staticCall(calls, "java/time/Instant", "now", "()Ljava/time/Instant;", "instantNow");
		staticCall(calls, "java/time/Clock", "systemUTC", "()Ljava/time/Clock;", "clockSystemUTC");
		staticCall(calls, "java/time/Clock", "systemDefaultZone", "()Ljava/time/Clock;", "clockSystemDefaultZone");
		staticCall(calls, "java/time/Clock", "system", "(Ljava/time/ZoneId;)Ljava/time/Clock;", "clockSystem");
		String[][] nows = { { "LocalDateTime", "localDateTimeNow" }, { "LocalDate", "localDateNow" },
				{ "LocalTime", "localTimeNow" }, { "ZonedDateTime", "zonedDateTimeNow" },
				{ "OffsetDateTime", "offsetDateTimeNow" }, { "OffsetTime", "offsetTimeNow" }, { "Year", "yearNow" },
				{ "YearMonth", "yearMonthNow" }, { "MonthDay", "monthDayNow" } };
		for (String[] now : nows) {
			String type = "java/time/" + now[0];
			staticCall(calls, type, "now", "()L" + type + ";", now[1]);
			staticCall(calls, type, "now", "(Ljava/time/ZoneId;)L" + type + ";", now[1]);
		}
		staticCall(calls, "java/lang/Thread", "sleep", "(J)V", "sleep");
		staticCall(calls, "java/lang/Thread", "sleep", "(JI)V", "sleep");
		staticCall(calls, "java/lang/Thread", "sleep", "(Ljava/time/Duration;)V", "sleep");
		virtualCall(calls, "java/util/concurrent/TimeUnit", "sleep", "(J)V", "sleep");
		staticCall(calls, "java/lang/System", "exit", "(I)V", "exit");
		virtualCall(calls, "java/lang/Runtime", "exit", "(I)V", "exit");
		virtualCall(calls, "java/lang/Runtime", "halt", "(I)V", "halt");
		threadCalls(calls);
		return Map.copyOf(calls);
	}

	/** The JDK's ways of handing a task to another thread, whose task then runs for the submitting attempt. */
	private static void threadCalls(Map<String, Replacement> calls) {
		String completable = "java/util/concurrent/CompletableFuture";
		String executor = "Ljava/util/concurrent/Executor;";
		String supplier = "Ljava/util/function/Supplier;";
		for (String descriptor : List.of("(" + RUNNABLE + ")", "(" + RUNNABLE + executor + ")")) {
			calls.put(completable + ".runAsync" + descriptor + "L" + completable + ";", new Replacement(Opcodes.INVOKESTATIC,
					THREADS, "runAsync", descriptor + "L" + completable + ";", true));
		}
		for (String descriptor : List.of("(" + supplier + ")", "(" + supplier + executor + ")")) {
			calls.put(completable + ".supplyAsync" + descriptor + "L" + completable + ";", new Replacement(
					Opcodes.INVOKESTATIC, THREADS, "supplyAsync", descriptor + "L" + completable + ";", true));
		}

		String concurrent = "java/util/concurrent/";
		String callable = "Ljava/util/concurrent/Callable;";
		String collection = "Ljava/util/Collection;";
		String timeUnit = "Ljava/util/concurrent/TimeUnit;";
		List<String> interfaces = List.of("Executor", "ExecutorService", "ScheduledExecutorService");
		List<String> executors = List.of("Executor", "ExecutorService", "ScheduledExecutorService",
				"AbstractExecutorService", "ThreadPoolExecutor", "ScheduledThreadPoolExecutor", "ForkJoinPool");
		List<String> scheduling = List.of("ScheduledExecutorService", "ScheduledThreadPoolExecutor");
		for (String type : executors) {
			String owner = concurrent + type;
			int opcode = interfaces.contains(type) ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
			taskCall(calls, opcode, owner, "execute", "(" + RUNNABLE + ")V", "Executor");
			if (type.equals("Executor")) {
				continue;
			}
			String service = "ExecutorService";
			if (type.equals("ForkJoinPool")) {
				// its submit methods answer ForkJoinTasks
				String task = "Ljava/util/concurrent/ForkJoinTask;";
				taskCall(calls, opcode, owner, "submit", "(" + RUNNABLE + ")" + task, type);
				taskCall(calls, opcode, owner, "submit", "(" + RUNNABLE + "Ljava/lang/Object;)" + task, type);
				taskCall(calls, opcode, owner, "submit", "(" + callable + ")" + task, type);
			}
			else {
				String future = "Ljava/util/concurrent/Future;";
				taskCall(calls, opcode, owner, "submit", "(" + RUNNABLE + ")" + future, service);
				taskCall(calls, opcode, owner, "submit", "(" + RUNNABLE + "Ljava/lang/Object;)" + future, service);
				taskCall(calls, opcode, owner, "submit", "(" + callable + ")" + future, service);
			}
			taskCall(calls, opcode, owner, "invokeAll", "(" + collection + ")Ljava/util/List;", service);
			taskCall(calls, opcode, owner, "invokeAll", "(" + collection + "J" + timeUnit + ")Ljava/util/List;", service);
			taskCall(calls, opcode, owner, "invokeAny", "(" + collection + ")Ljava/lang/Object;", service);
			taskCall(calls, opcode, owner, "invokeAny", "(" + collection + "J" + timeUnit + ")Ljava/lang/Object;", service);
			if (scheduling.contains(type)) {
				String scheduled = "Ljava/util/concurrent/ScheduledFuture;";
				String ses = "ScheduledExecutorService";
				taskCall(calls, opcode, owner, "schedule", "(" + RUNNABLE + "J" + timeUnit + ")" + scheduled, ses);
				taskCall(calls, opcode, owner, "schedule", "(" + callable + "J" + timeUnit + ")" + scheduled, ses);
				taskCall(calls, opcode, owner, "scheduleAtFixedRate", "(" + RUNNABLE + "JJ" + timeUnit + ")" + scheduled, ses);
				taskCall(calls, opcode, owner, "scheduleWithFixedDelay", "(" + RUNNABLE + "JJ" + timeUnit + ")" + scheduled,
						ses);
			}
		}
	}

	private static void staticCall(Map<String, Replacement> calls, String owner, String name, String descriptor,
			String target) {
		calls.put(owner + '.' + name + descriptor, new Replacement(Opcodes.INVOKESTATIC, TARGET, target, descriptor, true));
	}

	/** An instance method: the replacement takes the receiver first. */
	private static void virtualCall(Map<String, Replacement> calls, String owner, String name, String descriptor,
			String target) {
		calls.put(owner + '.' + name + descriptor, new Replacement(Opcodes.INVOKEVIRTUAL, TARGET, target,
				"(L" + owner + ";" + descriptor.substring(1), true));
	}

	/**
	 * An instance method of an executor that takes a task: the replacement, of the same name in {@link #THREADS},
	 * takes the receiver first, as {@code receiverType} (of {@code java.util.concurrent}), which declares the method.
	 */
	private static void taskCall(Map<String, Replacement> calls, int opcode, String owner, String name, String descriptor,
			String receiverType) {
		calls.put(owner + '.' + name + descriptor, new Replacement(opcode, THREADS, name,
				"(Ljava/util/concurrent/" + receiverType + ";" + descriptor.substring(1), false));
	}

	/** Every replaced call (but {@code new Date()}), by "owner.name descriptor" of the original. */
	static Map<String, Replacement> replacements() {
		return CALLS;
	}

	/** The replacement of a call, or null if the call stays. */
	static Replacement replacementOf(int opcode, String owner, String name, String descriptor) {
		Replacement replacement = CALLS.get(owner + '.' + name + descriptor);
		return replacement != null && replacement.opcode() == opcode ? replacement : null;
	}

	private TimeCallRewriter() {
	}

	/**
	 * Rewrites a class file (for classes a class loader defines itself).
	 *
	 * @return the rewritten class file, or {@code classFile} itself if it has no call to rewrite
	 */
	static byte[] rewrite(byte[] classFile) {
		ClassReader reader = OpenedClassReader.of(classFile);
		ClassWriter writer = new ClassWriter(reader, 0);
		RewritingClassVisitor rewriting = new RewritingClassVisitor(writer);
		reader.accept(rewriting, 0);
		return rewriting.changed ? writer.toByteArray() : classFile;
	}

	// --- as ByteBuddy's visitor (the agent's transformation) ---------------------------------------------------

	@Override
	public int mergeWriter(int flags) {
		return flags;
	}

	@Override
	public int mergeReader(int flags) {
		return flags;
	}

	@Override
	public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
			Implementation.Context implementationContext, TypePool typePool,
			FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags, int readerFlags) {
		return new RewritingClassVisitor(classVisitor);
	}

	// --- the rewrite --------------------------------------------------------------------------------------------

	private static final class RewritingClassVisitor extends ClassVisitor {

		boolean changed;

		RewritingClassVisitor(ClassVisitor next) {
			super(OpenedClassReader.ASM_API, next);
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
			return next == null ? null : new RewritingMethodVisitor(next, this);
		}
	}

	private static final class RewritingMethodVisitor extends MethodVisitor {

		private final RewritingClassVisitor owner;

		/** Stack slots the rewrite needs beyond the original's: a long for {@code new Date()}, or moved by a swap. */
		private int extraStack;

		/**
		 * Instructions since a {@code Thread} constructor's target was last given to {@link HandlerThreads#threadTarget}
		 * in the class as it came (-1: not just now): a class rewritten already keeps its rewrite as it is.
		 */
		private int sinceThreadTarget = -1;

		RewritingMethodVisitor(MethodVisitor next, RewritingClassVisitor owner) {
			super(OpenedClassReader.ASM_API, next);
			this.owner = owner;
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			int since = sinceThreadTarget;
			sinceThreadTarget = opcode == Opcodes.INVOKESTATIC && THREADS.equals(owner) && "threadTarget".equals(name) ? 0 : -1;
			if (opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)) {
				if (DATE.equals(owner) && "()V".equals(descriptor)) {
					// new Date() / super() of a subclass: the same uninitialised object gets Date(long) with the time
					super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, "currentTimeMillis", "()J", false);
					super.visitMethodInsn(Opcodes.INVOKESPECIAL, DATE, "<init>", "(J)V", false);
					extraStack = Math.max(extraStack, 2);
					this.owner.changed = true;
					return;
				}
				TargetAt target = THREAD.equals(owner) ? THREAD_CONSTRUCTORS.get(descriptor) : null;
				if (target != null && since != target.instructionsAfterWrap) {
					wrapThreadTarget(target);
				}
				super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
				return;
			}
			Replacement replacement = replacementOf(opcode, owner, name, descriptor);
			if (replacement == null) {
				super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
				return;
			}
			super.visitMethodInsn(Opcodes.INVOKESTATIC, replacement.target(), replacement.name(), replacement.descriptor(),
					false);
			this.owner.changed = true;
		}

		/**
		 * new Thread(target …) / super(target …) of a subclass: the constructor gets the target wrapped for the
		 * attempt of the thread that constructs it, the other arguments as they were.
		 */
		private void wrapThreadTarget(TargetAt at) {
			String wrap = "(" + RUNNABLE + ")" + RUNNABLE;
			switch (at) {
				case TOP -> super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "threadTarget", wrap, false);
				case UNDER_NAME -> {
					super.visitInsn(Opcodes.SWAP);
					super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "threadTarget", wrap, false);
					super.visitInsn(Opcodes.SWAP);
				}
				case UNDER_NAME_AND_STACK_SIZE -> {
					// target, name, size (a long) → size, target, name → … → target', name, size
					super.visitInsn(Opcodes.DUP2_X2);
					super.visitInsn(Opcodes.POP2);
					super.visitInsn(Opcodes.SWAP);
					super.visitMethodInsn(Opcodes.INVOKESTATIC, THREADS, "threadTarget", wrap, false);
					super.visitInsn(Opcodes.SWAP);
					super.visitInsn(Opcodes.DUP2_X2);
					super.visitInsn(Opcodes.POP2);
					extraStack = Math.max(extraStack, 2);
				}
			}
			owner.changed = true;
		}

		// what else comes in between: a Thread constructor's target was not just wrapped

		@Override
		public void visitInsn(int opcode) {
			if (sinceThreadTarget >= 0) {
				sinceThreadTarget++;
			}
			super.visitInsn(opcode);
		}

		@Override
		public void visitIntInsn(int opcode, int operand) {
			sinceThreadTarget = -1;
			super.visitIntInsn(opcode, operand);
		}

		@Override
		public void visitVarInsn(int opcode, int varIndex) {
			sinceThreadTarget = -1;
			super.visitVarInsn(opcode, varIndex);
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			sinceThreadTarget = -1;
			super.visitTypeInsn(opcode, type);
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			sinceThreadTarget = -1;
			super.visitFieldInsn(opcode, owner, name, descriptor);
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			sinceThreadTarget = -1;
			super.visitJumpInsn(opcode, label);
		}

		@Override
		public void visitLabel(Label label) {
			sinceThreadTarget = -1;
			super.visitLabel(label);
		}

		@Override
		public void visitIincInsn(int varIndex, int increment) {
			sinceThreadTarget = -1;
			super.visitIincInsn(varIndex, increment);
		}

		@Override
		public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
			sinceThreadTarget = -1;
			super.visitTableSwitchInsn(min, max, dflt, labels);
		}

		@Override
		public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
			sinceThreadTarget = -1;
			super.visitLookupSwitchInsn(dflt, keys, labels);
		}

		@Override
		public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
			sinceThreadTarget = -1;
			super.visitMultiANewArrayInsn(descriptor, numDimensions);
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
				Object... bootstrapMethodArguments) {
			sinceThreadTarget = -1;
			super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, constants(bootstrapMethodArguments));
		}

		@Override
		public void visitLdcInsn(Object value) {
			sinceThreadTarget = -1;
			super.visitLdcInsn(constant(value));
		}

		@Override
		public void visitMaxs(int maxStack, int maxLocals) {
			super.visitMaxs(maxStack + extraStack, maxLocals);
		}

		private Object[] constants(Object[] constants) {
			Object[] rewritten = null;
			for (int i = 0; i < constants.length; i++) {
				Object constant = constant(constants[i]);
				if (constant != constants[i]) {
					if (rewritten == null) {
						rewritten = constants.clone();
					}
					rewritten[i] = constant;
				}
			}
			return rewritten == null ? constants : rewritten;
		}

		/** A method handle to a replaced method, as a handle to its replacement; anything else as it is. */
		private Object constant(Object constant) {
			if (constant instanceof Handle handle) {
				Handle rewritten = handle(handle);
				if (rewritten != handle) {
					owner.changed = true;
				}
				return rewritten;
			}
			if (constant instanceof ConstantDynamic dynamic) {
				Object[] arguments = new Object[dynamic.getBootstrapMethodArgumentCount()];
				for (int i = 0; i < arguments.length; i++) {
					arguments[i] = dynamic.getBootstrapMethodArgument(i);
				}
				Object[] rewritten = constants(arguments);
				return rewritten == arguments ? dynamic
						: new ConstantDynamic(dynamic.getName(), dynamic.getDescriptor(), dynamic.getBootstrapMethod(),
								rewritten);
			}
			return constant;
		}

		private static Handle handle(Handle handle) {
			if (handle.getTag() == Opcodes.H_NEWINVOKESPECIAL && DATE.equals(handle.getOwner())
					&& "()V".equals(handle.getDesc())) {
				return new Handle(Opcodes.H_INVOKESTATIC, TARGET, "newDate", "()Ljava/util/Date;", false);
			}
			int opcode = switch (handle.getTag()) {
				case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
				case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
				default -> -1;
			};
			Replacement replacement = opcode < 0 ? null
					: replacementOf(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
			return replacement == null || !replacement.handles() ? handle
					: new Handle(Opcodes.H_INVOKESTATIC, replacement.target(), replacement.name(), replacement.descriptor(),
							false);
		}
	}
}
