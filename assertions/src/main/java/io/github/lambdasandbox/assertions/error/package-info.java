/**
 * The failure messages of lambda-sandbox's assertions, each built in one place (AssertJ's {@code Should…} style),
 * so that tests and users can compare with them.
 */
package io.github.lambdasandbox.assertions.error;
