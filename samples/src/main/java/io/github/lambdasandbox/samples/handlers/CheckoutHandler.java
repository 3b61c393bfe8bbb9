package io.github.lambdasandbox.samples.handlers;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@code checkout}: a handler that calls AWS, written as it would be for AWS. It charges the order by invoking
 * {@code payment} synchronously, then sends the receipt by invoking {@code receipt} asynchronously (fire and forget),
 * with the ordinary {@code LambdaClient} kept in a static field. Nothing in it knows about the sandbox.
 */
public class CheckoutHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	private static final LambdaClient LAMBDA = LambdaClient.create();

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> order, Context context) {
		String payload = "{\"orderId\":\"" + order.get("orderId") + "\",\"amount\":" + order.get("amount") + "}";
		InvokeResponse payment = LAMBDA.invoke(b -> b.functionName("payment").payload(SdkBytes.fromUtf8String(payload)));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("orderId", order.get("orderId"));
		if (payment.functionError() != null) {
			context.getLogger().log("payment failed: " + payment.payload().asUtf8String());
			result.put("status", "PAYMENT_FAILED");
			return result;
		}
		LAMBDA.invoke(b -> b.functionName("receipt").invocationType(InvocationType.EVENT)
				.payload(SdkBytes.fromUtf8String(payload)));
		result.put("status", "PAID");
		result.put("payment", payment.payload().asUtf8String());
		return result;
	}
}
