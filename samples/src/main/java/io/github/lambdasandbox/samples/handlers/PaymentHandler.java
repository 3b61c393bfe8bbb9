package io.github.lambdasandbox.samples.handlers;

import java.time.Instant;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * {@code payment}: takes 2 seconds to talk to the card network ({@code Thread.sleep}, in virtual time in the
 * sandbox), refuses amounts over 1000, and stamps the charge with {@code Instant.now()}.
 */
public class PaymentHandler implements RequestHandler<Map<String, Object>, String> {

	@Override
	public String handleRequest(Map<String, Object> charge, Context context) {
		try {
			Thread.sleep(2_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (((Number) charge.get("amount")).intValue() > 1000) {
			throw new IllegalArgumentException("card declined");
		}
		return "charged at " + Instant.now();
	}
}
