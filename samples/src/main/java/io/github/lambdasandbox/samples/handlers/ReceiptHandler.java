package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** {@code receipt}: "sends" the receipt of an order (its on-success destination shows it was sent). */
public class ReceiptHandler implements RequestHandler<Map<String, Object>, String> {

	@Override
	public String handleRequest(Map<String, Object> order, Context context) {
		return "receipt for " + order.get("orderId");
	}
}
