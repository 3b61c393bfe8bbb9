package io.github.lambdasandbox.internal.services;

/** An SQS message attribute: data type ({@code String}, {@code Number}) and string value. */
public record MessageAttribute(String dataType, String stringValue) {

	public static MessageAttribute string(String value) {
		return new MessageAttribute("String", value);
	}

	public static MessageAttribute number(long value) {
		return new MessageAttribute("Number", Long.toString(value));
	}
}
