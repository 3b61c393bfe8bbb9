package io.github.lambdasandbox.samples.handlers;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Release 1 of {@code price}: 100 cents an item, 90 with the coupon {@code TEN}; a coupon it does not know is ignored.
 * It logs each price and answers which version of the function computed it.
 */
public class PriceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
		int cents = "TEN".equals(event.get("coupon")) ? 90 : 100;
		context.getLogger().log("price of " + event.get("item") + ": " + cents);
		return answer(event, cents, context);
	}

	static Map<String, Object> answer(Map<String, Object> event, int cents, Context context) {
		Map<String, Object> price = new LinkedHashMap<>();
		price.put("item", event.get("item"));
		price.put("cents", cents);
		price.put("version", context.getFunctionVersion());
		return price;
	}
}
