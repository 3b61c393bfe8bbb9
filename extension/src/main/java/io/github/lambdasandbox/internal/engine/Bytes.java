package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.lambdasandbox.internal.json.MessageAttributeValue;

/** Sizes in bytes, as AWS counts them, and message attributes as Lambda writes them. */
final class Bytes {

	/** What Lambda writes as a dead letter's {@code ErrorCode} after a function error. */
	static final MessageAttributeValue ERROR_CODE_200 = number(200);

	private Bytes() {
	}

	static MessageAttributeValue string(String value) {
		return MessageAttributeValue.string(value);
	}

	static MessageAttributeValue number(long value) {
		return MessageAttributeValue.string("Number", Long.toString(value));
	}

	/**
	 * The bytes SQS and SNS count for a message: the body and, for each attribute, its name, data type and value
	 * (UTF-8).
	 */
	static int size(String body, Map<String, MessageAttributeValue> attributes) {
		int bytes = utf8Length(body);
		for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
			MessageAttributeValue value = attribute.getValue();
			bytes += utf8Length(attribute.getKey()) + utf8Length(value.dataType())
					+ (value.isBinary() ? value.binaryValue().length : utf8Length(value.stringValue()));
		}
		return bytes;
	}

	/** The length of {@code text} in UTF-8, without encoding it. */
	static int utf8Length(String text) {
		int length = text.length();
		int bytes = length;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				if (c < 0x800) {
					bytes += 1;
				}
				else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					bytes += 2;
					i++;
				}
				else {
					bytes += 2;
				}
			}
		}
		return bytes;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
