package io.github.lambdasandbox.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.lambdasandbox.DataStream;
import io.github.lambdasandbox.EventSourceMapping;
import io.github.lambdasandbox.LambdaFunction;
import io.github.lambdasandbox.LambdaSandbox;
import io.github.lambdasandbox.Queue;
import io.github.lambdasandbox.Sandbox;

/**
 * Event source mappings draining a source, against the bare work measured in the same JVM.
 *
 * <p>The <b>floor</b> of a queue's batch is what any simulator must do for it: write the SQS event (each message
 * with its MD5 and attributes), read it with the Java runtime's serialiser into {@code SQSEvent}, call the handler.
 * The engine adds the queue (visibility, receipts, receive counts), the poller, the journal and the environments.
 */
public final class Mappings {

	/** Reads each message and does nothing with it. */
	public static class Drain implements RequestHandler<SQSEvent, Void> {

		@Override
		public Void handleRequest(SQSEvent event, Context context) {
			for (SQSEvent.SQSMessage message : event.getRecords()) {
				if (message.getBody().isEmpty()) {
					throw new IllegalStateException("empty");
				}
			}
			return null;
		}
	}

	/** Reads each record and does nothing with it. */
	public static class StreamDrain implements RequestHandler<KinesisEvent, Void> {

		@Override
		public Void handleRequest(KinesisEvent event, Context context) {
			for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
				if (!record.getKinesis().getData().hasRemaining()) {
					throw new IllegalStateException("empty");
				}
			}
			return null;
		}
	}

	@LambdaSandbox(seed = 1)
	@LambdaFunction(name = "drain", handler = Drain.class)
	@Queue(name = "orders")
	@EventSourceMapping(function = "drain", source = "sqs:orders")
	public static final class QueueSource {

		private QueueSource() {
		}
	}

	@LambdaSandbox(seed = 1)
	@LambdaFunction(name = "drain", handler = StreamDrain.class)
	@DataStream(name = "clicks")
	@EventSourceMapping(function = "drain", source = "kinesis:clicks")
	public static final class StreamSource {

		private StreamSource() {
		}
	}

	private static final JsonFactory JSON = new JsonFactory();

	private Mappings() {
	}

	static String body(int i) {
		return "{\"order\": " + i + ", \"item\": \"book\"}";
	}

	/** Sends {@code messages} messages, lets the mapping drain the queue; ns from the first send to the last delete. */
	static long drainQueue(int messages) {
		try (Sandbox sandbox = Sandbox.create(QueueSource.class)) {
			long started = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				sandbox.queue("orders").sendMessage(body(i));
			}
			sandbox.settle();
			long elapsed = System.nanoTime() - started;
			if (sandbox.queue("orders").approximateNumberOfMessages() + sandbox.queue("orders")
					.approximateNumberOfMessagesNotVisible() != 0) {
				throw new IllegalStateException("the queue was not drained");
			}
			return elapsed;
		}
	}

	/** Puts {@code records} records on a stream, lets the mapping read them all; ns. */
	static long drainStream(int records) {
		try (Sandbox sandbox = Sandbox.create(StreamSource.class)) {
			long started = System.nanoTime();
			for (int i = 0; i < records; i++) {
				sandbox.stream("clicks").putRecord("user-" + (i % 100), body(i));
			}
			sandbox.settle();
			long elapsed = System.nanoTime() - started;
			int read = sandbox.eventSourceMapping("drain", "kinesis:clicks").batches().stream().mapToInt(b -> b.size()).sum();
			if (read != records) {
				throw new IllegalStateException("read " + read + " of " + records);
			}
			return elapsed;
		}
	}

	/** The bare work of {@code messages} messages in batches of 10, in ns. */
	static long queueFloor(int messages, int[] sink) {
		PojoSerializer<SQSEvent> serializer = LambdaEventSerializers.serializerFor(SQSEvent.class,
				Mappings.class.getClassLoader());
		Drain handler = new Drain();
		long started = System.nanoTime();
		for (int from = 0; from < messages; from += 10) {
			String event = sqsEvent(from, Math.min(messages, from + 10));
			SQSEvent parsed = serializer.fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
			handler.handleRequest(parsed, null);
			sink[0] += parsed.getRecords().size();
		}
		return System.nanoTime() - started;
	}

	private static String sqsEvent(int from, int to) {
		try {
			StringWriter text = new StringWriter();
			try (JsonGenerator out = JSON.createGenerator(text)) {
				out.writeStartObject();
				out.writeArrayFieldStart("Records");
				for (int i = from; i < to; i++) {
					String body = body(i);
					out.writeStartObject();
					out.writeStringField("messageId", UUID.randomUUID().toString());
					out.writeStringField("receiptHandle", UUID.randomUUID().toString());
					out.writeStringField("body", body);
					out.writeObjectFieldStart("attributes");
					out.writeStringField("ApproximateReceiveCount", "1");
					out.writeStringField("SentTimestamp", "1735689600000");
					out.writeStringField("SenderId", "AIDAJDPLRKLG7UEXAMPLE");
					out.writeStringField("ApproximateFirstReceiveTimestamp", "1735689600000");
					out.writeEndObject();
					out.writeObjectFieldStart("messageAttributes");
					out.writeEndObject();
					out.writeNullField("md5OfMessageAttributes");
					out.writeStringField("md5OfBody", md5(body));
					out.writeStringField("eventSource", "aws:sqs");
					out.writeStringField("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:orders");
					out.writeStringField("awsRegion", "us-east-1");
					out.writeEndObject();
				}
				out.writeEndArray();
				out.writeEndObject();
			}
			return text.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String md5(String body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
