package io.github.lambdasandbox.internal.json;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A message attribute of SQS or SNS: its data type ({@code String}, {@code Number}, {@code Binary}, SNS's
 * {@code String.Array}, or one of these with a custom suffix such as {@code Number.int}) and its value, a string
 * or bytes. Binary types carry bytes, the others a string (a number is carried as its text).
 */
public record MessageAttributeValue(String dataType, String stringValue, byte[] binaryValue) {

	/**
	 * @throws IllegalArgumentException unless exactly one of the values is given, bytes for a {@code Binary}
	 * type and a string for the others
	 */
	public MessageAttributeValue {
		Objects.requireNonNull(dataType, "dataType");
		boolean binaryType = dataType.startsWith("Binary");
		if ((stringValue == null) == (binaryValue == null)) {
			throw new IllegalArgumentException("A message attribute has a string value or a binary value, not both or neither");
		}
		if (binaryType != (binaryValue != null)) {
			throw new IllegalArgumentException("Data type " + dataType + " takes a " + (binaryType ? "binary" : "string")
					+ " value");
		}
		if (binaryValue != null) {
			binaryValue = binaryValue.clone();
		}
	}

	/** A string-valued attribute ({@code String}, {@code Number}, {@code String.Array}, …). */
	public static MessageAttributeValue string(String dataType, String value) {
		return new MessageAttributeValue(dataType, Objects.requireNonNull(value, "value"), null);
	}

	/** A {@code String} attribute. */
	public static MessageAttributeValue string(String value) {
		return string("String", value);
	}

	/** A {@code Binary} (or {@code Binary.*}) attribute. */
	public static MessageAttributeValue binary(String dataType, byte[] value) {
		return new MessageAttributeValue(dataType, null, Objects.requireNonNull(value, "value"));
	}

	public boolean isBinary() {
		return binaryValue != null;
	}

	/** The bytes, a copy; {@code null} for a string attribute. */
	@Override
	public byte[] binaryValue() {
		return binaryValue == null ? null : binaryValue.clone();
	}

	/** The value as SNS and Lambda's SQS event write it: the string, or the bytes in base64. */
	public String text() {
		return binaryValue == null ? stringValue : Base64.getEncoder().encodeToString(binaryValue);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MessageAttributeValue that && dataType.equals(that.dataType)
				&& Objects.equals(stringValue, that.stringValue) && Arrays.equals(binaryValue, that.binaryValue);
	}

	@Override
	public int hashCode() {
		return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue));
	}

	@Override
	public String toString() {
		return dataType + "=" + text();
	}
}
