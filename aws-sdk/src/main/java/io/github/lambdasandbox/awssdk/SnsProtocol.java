package io.github.lambdasandbox.awssdk;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.AwsServices.BatchResultEntry;
import io.github.lambdasandbox.internal.aws.AwsServices.MessageAttributeValue;
import io.github.lambdasandbox.internal.aws.AwsServices.PublishBatchEntry;

/**
 * SNS's query protocol: a form-encoded request ({@code Action=Publish&Version=2010-03-31&TopicArn=…}, maps as
 * {@code MessageAttributes.entry.1.Name}, lists as {@code PublishBatchRequestEntries.member.1.Id}) and an XML response
 * ({@code <PublishResponse><PublishResult>…</PublishResult><ResponseMetadata>…}); an error is
 * {@code <ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…}.
 */
final class SnsProtocol implements Protocol {

	static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

	@Override
	public String operation(Request request) {
		String action = form(request).get("Action");
		if (!"Publish".equals(action) && !"PublishBatch".equals(action)) {
			throw Unsupported.operation("SNS", action == null ? "(" + request + ")" : action);
		}
		return action;
	}

	@Override
	public Response handle(String operation, Request request, AwsServices services) {
		Map<String, String> form = form(request);
		String requestId = RequestIds.uuid();
		try {
			Xml xml = new Xml(false).open(operation + "Response", NAMESPACE).open(operation + "Result");
			if (operation.equals("Publish")) {
				reject(form, "", operation);
				String messageId = services.sns().publish(topic(form), form.get("Message"), form.get("Subject"),
						attributes(form, "MessageAttributes"), form.get("MessageGroupId"), form.get("MessageDeduplicationId"));
				xml.element("MessageId", messageId);
			}
			else {
				List<PublishBatchEntry> entries = new ArrayList<>();
				for (int i = 1; form.containsKey(member(i) + "Id"); i++) {
					String member = member(i);
					reject(form, member, operation);
					entries.add(new PublishBatchEntry(form.get(member + "Id"), form.get(member + "Message"),
							form.get(member + "Subject"), attributes(form, member + "MessageAttributes"),
							form.get(member + "MessageGroupId"), form.get(member + "MessageDeduplicationId")));
				}
				List<BatchResultEntry> results = services.sns().publishBatch(topic(form), entries);
				xml.open("Successful");
				results.stream()
					.filter(result -> result.failure() == null)
					.forEach(result -> xml.open("member")
						.element("Id", result.id())
						.element("MessageId", result.sent().messageId())
						.element("SequenceNumber", result.sent().sequenceNumber())
						.close("member"));
				xml.close("Successful").open("Failed");
				results.stream()
					.filter(result -> result.failure() != null)
					.forEach(result -> xml.open("member")
						.element("Id", result.id())
						.element("Code", result.failure().errorCode())
						.element("Message", result.failure().getMessage())
						.element("SenderFault", result.failure().senderFault())
						.close("member"));
				xml.close("Failed");
			}
			xml.close(operation + "Result")
				.open("ResponseMetadata")
				.element("RequestId", requestId)
				.close("ResponseMetadata")
				.close(operation + "Response");
			return Response.status(200).header("x-amzn-RequestId", requestId).body("text/xml", xml.toString());
		}
		catch (AwsServiceException e) {
			String xml = new Xml(false).open("ErrorResponse", NAMESPACE)
				.open("Error")
				.element("Type", e.senderFault() ? "Sender" : "Receiver")
				.element("Code", e.errorCode())
				.element("Message", e.getMessage())
				.close("Error")
				.element("RequestId", requestId)
				.close("ErrorResponse")
				.toString();
			return Response.status(e.statusCode()).header("x-amzn-RequestId", requestId).body("text/xml", xml);
		}
	}

	private static String member(int index) {
		return "PublishBatchRequestEntries.member." + index + ".";
	}

	private static String topic(Map<String, String> form) {
		return form.get("TopicArn");
	}

	/** What Publish can do that the sandbox's topics cannot: direct publishing, SMS, a message per protocol. */
	private static void reject(Map<String, String> form, String prefix, String operation) {
		for (String parameter : List.of("TargetArn", "PhoneNumber")) {
			if (form.containsKey(prefix + parameter)) {
				throw Unsupported.parameter("SNS", operation, parameter);
			}
		}
		if ("json".equals(form.get(prefix + "MessageStructure"))) {
			throw Unsupported.parameter("SNS", operation, "MessageStructure json");
		}
	}

	/** {@code <prefix>.entry.N.Name} and {@code <prefix>.entry.N.Value.DataType / StringValue / BinaryValue}. */
	private static Map<String, MessageAttributeValue> attributes(Map<String, String> form, String prefix) {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		for (int i = 1; form.containsKey(prefix + ".entry." + i + ".Name"); i++) {
			String entry = prefix + ".entry." + i + ".";
			String binary = form.get(entry + "Value.BinaryValue");
			attributes.put(form.get(entry + "Name"), new MessageAttributeValue(form.get(entry + "Value.DataType"),
					form.get(entry + "Value.StringValue"), binary == null ? null : ByteBuffer.wrap(Base64.getDecoder().decode(binary))));
		}
		return attributes;
	}

	/** The form-encoded parameters of the body (and of the query string, where a query request may put them). */
	static Map<String, String> form(Request request) {
		Map<String, String> form = new TreeMap<>();
		request.query().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.get(0)));
		for (String pair : request.bodyText().split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			form.put(name, value);
		}
		return form;
	}
}
