package io.github.lambdasandbox.samples;

import static io.github.lambdasandbox.Condition.*;
import static io.github.lambdasandbox.assertions.LambdaSandboxAssertions.*;

import java.time.Instant;

import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Sandbox;
import io.github.lambdasandbox.samples.handlers.CheckoutHandler;
import io.github.lambdasandbox.samples.handlers.PaymentHandler;
import io.github.lambdasandbox.samples.handlers.ReceiptHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Walk-through: a handler that calls AWS. {@code checkout} invokes {@code payment} with the AWS SDK's
 * {@code LambdaClient} and waits for it, then invokes {@code receipt} asynchronously. With
 * {@code lambda-sandbox-aws-sdk} on the test class path, the client built the ordinary way
 * ({@code LambdaClient.create()}) reaches the sandbox in memory: no credentials, no region, no network.
 * The payment's 2 seconds pass in virtual time.
 */
@LambdaSandbox // the clock starts at 2025-01-01T00:00:00Z
@LambdaFunction(name = "checkout", handler = CheckoutHandler.class, timeout = 10)
@LambdaFunction(name = "payment", handler = PaymentHandler.class, timeout = 5)
@LambdaFunction(name = "receipt", handler = ReceiptHandler.class, onSuccess = "sqs:receipts-sent")
@DisplayName("Walk-through: a handler that calls AWS through the SDK")
@Order(4)
class HandlerCallsAwsWalkthrough {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	@Test
	@Order(1)
	@DisplayName("checkout invokes payment and waits 2 virtual seconds for it, then sends the receipt asynchronously")
	void checkoutPaysThenSendsTheReceipt(Sandbox sandbox) {
		InvokeResult result = sandbox.invoke("checkout", """
				{"orderId": "A-17", "amount": 42}""");

		assertThat(result.functionError()).isNull();
		assertThat(result.payload()).contains("\"status\":\"PAID\"")
				.contains("charged at 2025-01-01T00:00:02Z");     // payment's Instant.now(), after its 2 s
		assertThat(sandbox.clock().now()).isEqualTo(START.plusSeconds(2));

		// the receipt went out asynchronously: its on-success record says so
		assertThat(queue("receipts-sent")).receivesRecord()
				.withCondition(SUCCESS)
				.withRequestPayload("{\"orderId\":\"A-17\",\"amount\":42}")
				.withResponsePayload("\"receipt for A-17\"");
		// who invoked whom, as the journal saw it
		assertThat(sandbox.timeline()).contains("invoked (RequestResponse) from lambda:checkout",
				"accepted (202) from lambda:checkout");
	}

	@Test
	@Order(2)
	@DisplayName("a declined payment is a function error the caller reads from X-Amz-Function-Error; no receipt")
	void aDeclinedPaymentSendsNoReceipt(Sandbox sandbox) {
		InvokeResult result = sandbox.invoke("checkout", """
				{"orderId": "B-2", "amount": 5000}""");

		assertThat(result.payload()).contains("\"status\":\"PAYMENT_FAILED\"");
		assertThat(function("checkout").logs()).anyMatch(line -> line.startsWith("payment failed: ")
				&& line.contains("\"errorMessage\":\"card declined\""));
		assertThat(function("receipt").metric("Invocations")).isZero();
		assertThat(queue("receipts-sent")).receivesNoRecord();
	}
}
