package io.github.lambdasandbox.internal.bytecode;

import java.util.HashMap;
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
 * </table>
 *
 * <p>Method references to them ({@code Instant::now}, {@code Date::new}, {@code TimeUnit.SECONDS::sleep}) are
 * rewritten too: their method handles in {@code invokedynamic} and {@code ldc} constants point to the same
 * replacements.
 */
final class TimeCallRewriter implements AsmVisitorWrapper {

	static final TimeCallRewriter INSTANCE = new TimeCallRewriter();

	/** Internal name of the class the calls go to. */
	static final String TARGET = "io/github/lambdasandbox/internal/bytecode/HandlerTime";

	private static final String DATE = "java/util/Date";

	/** A replaced call: the original's opcode, and the name and descriptor of the static method that replaces it. */
	record Replacement(int opcode, String name, String descriptor) {
	}

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
		return Map.copyOf(calls);
	}

	private static void staticCall(Map<String, Replacement> calls, String owner, String name, String descriptor,
			String target) {
		calls.put(owner + '.' + name + descriptor, new Replacement(Opcodes.INVOKESTATIC, target, descriptor));
	}

	/** An instance method: the replacement takes the receiver first. */
	private static void virtualCall(Map<String, Replacement> calls, String owner, String name, String descriptor,
			String target) {
		calls.put(owner + '.' + name + descriptor,
				new Replacement(Opcodes.INVOKEVIRTUAL, target, "(L" + owner + ";" + descriptor.substring(1)));
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

		/** Stack slots the rewrite needs beyond the original's: a long for {@code new Date()}. */
		private int extraStack;

		RewritingMethodVisitor(MethodVisitor next, RewritingClassVisitor owner) {
			super(OpenedClassReader.ASM_API, next);
			this.owner = owner;
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			if (opcode == Opcodes.INVOKESPECIAL && DATE.equals(owner) && "<init>".equals(name) && "()V".equals(descriptor)) {
				// new Date() / super() of a subclass: the same uninitialised object gets Date(long) with the time
				super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, "currentTimeMillis", "()J", false);
				super.visitMethodInsn(Opcodes.INVOKESPECIAL, DATE, "<init>", "(J)V", false);
				extraStack = 2;
				this.owner.changed = true;
				return;
			}
			Replacement replacement = replacementOf(opcode, owner, name, descriptor);
			if (replacement == null) {
				super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
				return;
			}
			super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, replacement.name(), replacement.descriptor(), false);
			this.owner.changed = true;
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
				Object... bootstrapMethodArguments) {
			super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, constants(bootstrapMethodArguments));
		}

		@Override
		public void visitLdcInsn(Object value) {
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
			return replacement == null ? handle
					: new Handle(Opcodes.H_INVOKESTATIC, TARGET, replacement.name(), replacement.descriptor(), false);
		}
	}
}
