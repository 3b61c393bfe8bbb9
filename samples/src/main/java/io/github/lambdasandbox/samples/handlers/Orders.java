package io.github.lambdasandbox.samples.handlers;

/** The business logic of the order samples: an order is {@code {"id": …, "quantity": n}} with n > 0. */
public final class Orders {

	private Orders() {
	}

	/** @throws IllegalArgumentException for an order that cannot be processed */
	public static void process(String body) {
		if (!body.contains("\"quantity\"") || body.contains("\"quantity\": 0") || body.contains("\"quantity\":0")) {
			throw new IllegalArgumentException("an order needs a quantity above 0: " + body);
		}
	}
}
