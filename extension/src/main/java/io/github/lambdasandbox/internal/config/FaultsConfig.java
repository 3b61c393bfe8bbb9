package io.github.lambdasandbox.internal.config;

import java.util.List;

import io.github.lambdasandbox.Fault;

/**
 * The faults a sandbox starts with: {@code @InjectFault} declarations and {@code @LambdaSandbox}'s probability of
 * duplicate deliveries.
 *
 * @param injected resource ({@code lambda:f} for a function's attempts, {@code sqs:q} …) to fault, in order
 */
public record FaultsConfig(double duplicateDeliveryProbability, List<Injected> injected) {

	/** No faults. */
	public static final FaultsConfig NONE = new FaultsConfig(0, List.of());

	/** A fault for a function's attempts ({@code function} set) or a resource's deliveries. */
	public record Injected(String function, String resource, Fault fault) {
	}

	public FaultsConfig {
		injected = List.copyOf(injected);
	}
}
