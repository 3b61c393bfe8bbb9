package io.github.lambdasandbox;

import java.util.Map;

/**
 * An alias of a function, as {@code CreateAlias}, {@code UpdateAlias} and {@code GetAlias} answer it: its name, its
 * ARN, the version it invokes and, if it splits invocations between two versions, the share that goes to the other
 * one ({@code RoutingConfig.AdditionalVersionWeights}).
 *
 * <pre>{@code
 * FunctionHandle orders = sandbox.function("orders");
 * String v1 = orders.publishVersion();
 * orders.createAlias("prod", v1);                          // prod → 1
 * sandbox.invokeAsync("orders:prod", "{}");                // runs version 1
 * }</pre>
 *
 * @param name the alias's name, e.g. {@code prod}
 * @param aliasArn {@code arn:aws:lambda:us-east-1:123456789012:function:orders:prod}
 * @param functionVersion the version it invokes: {@code 1}, {@code 2} … or {@code $LATEST}
 * @param additionalVersionWeights the other version and the share of invocations it gets (0.0..1.0); empty if all go to
 *        {@code functionVersion}
 * @see FunctionHandle#createAlias(String, String, Map)
 * @since 0.3
 */
public record AliasConfiguration(String name, String aliasArn, String functionVersion,
		Map<String, Double> additionalVersionWeights) {

	public AliasConfiguration {
		additionalVersionWeights = Map.copyOf(additionalVersionWeights);
	}
}
