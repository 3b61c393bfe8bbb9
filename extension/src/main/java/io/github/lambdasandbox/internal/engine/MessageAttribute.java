package io.github.lambdasandbox.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A message attribute of SQS or SNS: data type ({@code String}, {@code Number}, {@code Binary}) and value. */
record MessageAttribute(String dataType, String stringValue) {

	/** What Lambda writes as a dead letter's {@code ErrorCode} after a function error. */
	static final MessageAttribute ERROR_CODE_200 = number(200);

	static MessageAttribute string(String value) {
		return new MessageAttribute("String", value);
	}

	static MessageAttribute number(long value) {
		return new MessageAttribute("Number", Long.toString(value));
	}

	/**
	 * The bytes SQS and SNS count for a message: the body and, for each attribute, its name, data type and value
	 * (UTF-8).
	 */
	static int size(String body, Map<String, MessageAttribute> attributes) {
		int bytes = utf8Length(body);
		for (Map.Entry<String, MessageAttribute> attribute : attributes.entrySet()) {
			bytes += utf8Length(attribute.getKey()) + utf8Length(attribute.getValue().dataType())
					+ utf8Length(attribute.getValue().stringValue());
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
