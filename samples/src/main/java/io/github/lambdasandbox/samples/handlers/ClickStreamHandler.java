package io.github.lambdasandbox.samples.handlers;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;

/**
 * Processes click events from a Kinesis stream. A record that is not JSON makes the whole batch fail: Lambda
 * retries the batch, and the shard waits.
 */
public class ClickStreamHandler implements RequestHandler<KinesisEvent, Void> {

	@Override
	public Void handleRequest(KinesisEvent event, Context context) {
		for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
			String data = StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
			if (!data.startsWith("{")) {
				throw new IllegalArgumentException("not a click event: " + data);
			}
			context.getLogger().log("click " + data);
		}
		return null;
	}
}
