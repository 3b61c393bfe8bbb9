package io.github.lambdasandbox.samples.handlers;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Release 2 of {@code price}: coupons are percentages now ({@code "15%"}). Its bug: a coupon of release 1
 * ({@code TEN}) is no longer understood, and the function fails.
 */
public class PercentCouponPriceHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
		Object coupon = event.get("coupon");
		int percent = 0;
		if (coupon != null) {
			String text = coupon.toString();
			if (!text.endsWith("%")) {
				throw new IllegalArgumentException("coupon " + text + " is not a percentage");
			}
			percent = Integer.parseInt(text.substring(0, text.length() - 1));
		}
		int cents = 100 - percent;
		context.getLogger().log("price of " + event.get("item") + ": " + cents);
		return PriceHandler.answer(event, cents, context);
	}
}
