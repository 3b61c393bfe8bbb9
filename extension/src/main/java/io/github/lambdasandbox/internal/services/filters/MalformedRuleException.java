package io.github.lambdasandbox.internal.services.filters;

/**
 * A rule that Event Ruler's grammar rejects. The message is the reason exactly as AWS writes it, without the
 * service's prefix (each service wraps it in its own exception) and without the Jackson location suffix.
 */
final class MalformedRuleException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MalformedRuleException(String reason) {
		super(reason, null, false, false);
	}
}
