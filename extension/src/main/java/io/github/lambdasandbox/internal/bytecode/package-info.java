/**
 * Handler code in virtual time: the rewriting of the calls to time, sleep and exit — and of the calls that hand a
 * task to another thread — in the user's own classes ({@link io.github.lambdasandbox.internal.bytecode.HandlerCode},
 * with a Java agent; {@link io.github.lambdasandbox.internal.bytecode.EnvironmentClassLoader}, for isolated execution
 * environments), the line between user code and the rest ({@link io.github.lambdasandbox.internal.bytecode.UserCode})
 * and what rewritten calls reach ({@link io.github.lambdasandbox.internal.bytecode.HandlerTime},
 * {@link io.github.lambdasandbox.internal.bytecode.HandlerThreads}). Not API: may change in any release without
 * notice.
 */
package io.github.lambdasandbox.internal.bytecode;
