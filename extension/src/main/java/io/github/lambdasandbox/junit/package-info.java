/**
 * The JUnit Jupiter extension behind {@link io.github.lambdasandbox.LambdaSandbox @LambdaSandbox}; registered by
 * the annotations.
 */
package io.github.lambdasandbox.junit;
