package io.github.lambdasandbox.internal.services.filters;

/**
 * SNS's {@code InvalidParameter} (HTTP 400) for a bad {@code FilterPolicy} or {@code FilterPolicyScope}.
 *
 * <p>{@link #getMessage()} is the reason as SNS writes it after the parameter's name, e.g.
 * {@code Filter policy is too complex}. SNS puts a different prefix in front depending on the call
 * [AWS-SNAP 2024-05 test_sns_filter_policy]:
 * <ul>
 * <li>Subscribe (policy in {@code Attributes}): {@code Invalid parameter: Attributes Reason: FilterPolicy: <reason>}
 * ({@link #subscribeMessage()});
 * <li>SetSubscriptionAttributes: {@code Invalid parameter: FilterPolicy: <reason>}
 * ({@link #setSubscriptionAttributesMessage()}).
 * </ul>
 * The nested-policy error names no parameter ({@code Invalid parameter: Filter policy scope MessageAttributes does not
 * support nested filter policy}); the scope error names {@code FilterPolicyScope}. Reasons from the rule grammar carry,
 * on AWS, a Jackson location suffix ({@code \n at [Source: (String)"…"; line: 1, column: N]}); these messages leave it
 * out.
 */
public final class InvalidFilterPolicyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String parameter;

	private InvalidFilterPolicyException(String parameter, String reason) {
		super(reason);
		this.parameter = parameter;
	}

	static InvalidFilterPolicyException policy(String reason) {
		return new InvalidFilterPolicyException("FilterPolicy", reason);
	}

	static InvalidFilterPolicyException scope(String reason) {
		return new InvalidFilterPolicyException("FilterPolicyScope", reason);
	}

	static InvalidFilterPolicyException unnamed(String reason) {
		return new InvalidFilterPolicyException(null, reason);
	}

	/** The full message of a Subscribe call that carries the policy in its attributes. */
	public String subscribeMessage() {
		return "Invalid parameter: Attributes Reason: " + detail();
	}

	/** The full message of a SetSubscriptionAttributes call. */
	public String setSubscriptionAttributesMessage() {
		return "Invalid parameter: " + detail();
	}

	/** AWS's error code. */
	public String errorCode() {
		return "InvalidParameter";
	}

	private String detail() {
		return parameter == null ? getMessage() : parameter + ": " + getMessage();
	}
}
