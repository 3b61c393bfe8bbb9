/**
 * Implementation details of lambda-sandbox. Not API: may change in any release without notice.
 */
package io.github.lambdasandbox.internal;
