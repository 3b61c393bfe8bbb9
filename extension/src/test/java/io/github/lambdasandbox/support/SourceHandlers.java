package io.github.lambdasandbox.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.github.lambdasandbox.junit.LambdaSandboxExtension;

/** Handlers of event source mapping tests: they take the aws-lambda-java-events types, as users' handlers do. */
public final class SourceHandlers {

	private SourceHandlers() {
	}

	/** Puts the raw event it gets in the queue "events" of its sandbox, to compare it with AWS's samples. */
	public static class Capture implements RequestStreamHandler {

		@Override
		public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
			ByteArrayOutputStream event = new ByteArrayOutputStream();
			input.transferTo(event);
			LambdaSandboxExtension.currentSandbox("a handler").queue("events").sendMessage(event.toString(StandardCharsets.UTF_8));
		}
	}

	/** Fails the whole batch when a message's body contains "poison"; succeeds otherwise. */
	public static class SqsWorker implements RequestHandler<SQSEvent, Void> {

		@Override
		public Void handleRequest(SQSEvent event, Context context) {
			for (SQSEvent.SQSMessage message : event.getRecords()) {
				if (message.getBody().contains("poison")) {
					throw new IllegalStateException("cannot process " + message.getMessageId());
				}
			}
			return null;
		}
	}

	/** Reports the messages whose body contains "bad" as failed ({@code ReportBatchItemFailures}). */
	public static class PartialSqsWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

		@Override
		public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
			List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
			for (SQSEvent.SQSMessage message : event.getRecords()) {
				if (message.getBody().contains("bad")) {
					failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
				}
			}
			return new SQSBatchResponse(failures);
		}
	}

	/**
	 * The classic bug: catches each message's failure, logs it, and returns nothing, so Lambda deletes every
	 * message, the failed ones too.
	 */
	public static class ForgetfulSqsWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

		@Override
		public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
			for (SQSEvent.SQSMessage message : event.getRecords()) {
				try {
					if (message.getBody().contains("bad")) {
						throw new IllegalStateException("cannot process " + message.getMessageId());
					}
				}
				catch (IllegalStateException e) {
					context.getLogger().log("failed: " + e.getMessage());
				}
			}
			return null;
		}
	}

	/** FIFO: stops at the first message containing "bad" and reports it and every message after it. */
	public static class FifoSqsWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

		@Override
		public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
			List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
			boolean failing = false;
			for (SQSEvent.SQSMessage message : event.getRecords()) {
				failing |= message.getBody().contains("bad");
				if (failing) {
					failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
				}
			}
			return new SQSBatchResponse(failures);
		}
	}

	/** Fails the whole batch when a record's data contains "poison". */
	public static class KinesisWorker implements RequestHandler<KinesisEvent, Void> {

		@Override
		public Void handleRequest(KinesisEvent event, Context context) {
			for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
				String data = StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
				if (data.contains("poison")) {
					throw new IllegalStateException("cannot process " + record.getKinesis().getSequenceNumber());
				}
			}
			return null;
		}
	}

	/** Reports the first record whose data contains "bad" as failed (a partial batch response). */
	public static class PartialKinesisWorker implements RequestHandler<KinesisEvent, StreamsEventResponse> {

		@Override
		public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
			List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
			for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
				String data = StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
				if (data.contains("bad")) {
					failures.add(new StreamsEventResponse.BatchItemFailure(record.getKinesis().getSequenceNumber()));
					break;
				}
			}
			return new StreamsEventResponse(failures);
		}
	}

	/** Fails when a new image has {@code "poison": true}. */
	public static class DynamoDbWorker implements RequestHandler<DynamodbEvent, Void> {

		@Override
		public Void handleRequest(DynamodbEvent event, Context context) {
			for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
				var image = record.getDynamodb().getNewImage();
				if (image != null && image.containsKey("poison")) {
					throw new IllegalStateException("cannot process " + record.getDynamodb().getSequenceNumber());
				}
			}
			return null;
		}
	}
}
