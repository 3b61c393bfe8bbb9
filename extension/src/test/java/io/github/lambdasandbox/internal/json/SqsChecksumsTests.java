package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.lambdasandbox.support.Fixtures;
import org.junit.jupiter.api.Test;

class SqsChecksumsTests {

	/** The attributes of AWS's SQS sample message: their digest is the sample's md5OfMessageAttributes. */
	static Map<String, MessageAttributeValue> bookAttributes() {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("Author", MessageAttributeValue.string("John Grisham"));
		attributes.put("Title", MessageAttributeValue.string("The Whistler"));
		attributes.put("WeeksOn", MessageAttributeValue.string("Number", "6"));
		return attributes;
	}

	@Test
	void bodyDigestIsTheSamplesMd5OfBody() {
		String expected = Fixtures.json("sqs-event.json").at("/Records/0/md5OfBody").asText();

		assertThat(SqsChecksums.md5OfBody("Test message.")).isEqualTo(expected).isEqualTo("e4e68fb7bd0e697a0ae8f1bb342846b3");
	}

	@Test
	void bodyDigestIsOfTheUtf8Bytes() {
		// MD5 of the two bytes c3 a9
		assertThat(SqsChecksums.md5OfBody("é")).isEqualTo(SqsChecksums.md5Hex(new byte[] { (byte) 0xc3, (byte) 0xa9 }))
				.isNotEqualTo(SqsChecksums.md5Hex(new byte[] { (byte) 0xe9 }));
	}

	@Test
	void attributeDigestOfAuthorTitleWeeksOnIsAwsWorkedExample() {
		assertThat(SqsChecksums.md5OfMessageAttributes(bookAttributes())).isEqualTo("d25a6aea97eb8f585bfa92d314504a92");
	}

	@Test
	void attributeDigestOfAuthorAndWeeksOnIsAwsWorkedExample() {
		Map<String, MessageAttributeValue> attributes = bookAttributes();
		attributes.remove("Title");

		assertThat(SqsChecksums.md5OfMessageAttributes(attributes)).isEqualTo("456eed07a21fe382923bc1f721d60b08");
	}

	@Test
	void attributeDigestDoesNotDependOnTheOrderGiven() {
		Map<String, MessageAttributeValue> reversed = new LinkedHashMap<>();
		reversed.put("WeeksOn", MessageAttributeValue.string("Number", "6"));
		reversed.put("Title", MessageAttributeValue.string("The Whistler"));
		reversed.put("Author", MessageAttributeValue.string("John Grisham"));

		assertThat(SqsChecksums.md5OfMessageAttributes(reversed)).isEqualTo("d25a6aea97eb8f585bfa92d314504a92");
	}

	@Test
	void noAttributesHaveNoDigest() {
		assertThat(SqsChecksums.md5OfMessageAttributes(Map.of())).isNull();
	}

	@Test
	void binaryAttributeIsLengthPrefixedBytesAfterTransportTypeTwo() {
		byte[] value = { 0, 1, 2, (byte) 0xff };
		String digest = SqsChecksums.md5OfMessageAttributes(Map.of("Blob", MessageAttributeValue.binary("Binary", value)));

		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		prefixed(expected, "Blob".getBytes(StandardCharsets.UTF_8));
		prefixed(expected, "Binary".getBytes(StandardCharsets.UTF_8));
		expected.write(2);
		prefixed(expected, value);
		assertThat(digest).isEqualTo(SqsChecksums.md5Hex(expected.toByteArray()));
	}

	@Test
	void namesAreSortedInJavaStringOrderWithUpperCaseFirst() {
		Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
		attributes.put("b", MessageAttributeValue.string("1"));
		attributes.put("B", MessageAttributeValue.string("2"));

		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		for (String[] attribute : new String[][] { { "B", "2" }, { "b", "1" } }) {
			prefixed(expected, attribute[0].getBytes(StandardCharsets.UTF_8));
			prefixed(expected, "String".getBytes(StandardCharsets.UTF_8));
			expected.write(1);
			prefixed(expected, attribute[1].getBytes(StandardCharsets.UTF_8));
		}
		assertThat(SqsChecksums.md5OfMessageAttributes(attributes)).isEqualTo(SqsChecksums.md5Hex(expected.toByteArray()));
	}

	@Test
	void customDataTypeIsPartOfTheDigest() {
		assertThat(SqsChecksums.md5OfMessageAttributes(Map.of("n", MessageAttributeValue.string("Number.int", "6"))))
				.isNotEqualTo(SqsChecksums.md5OfMessageAttributes(Map.of("n", MessageAttributeValue.string("Number", "6"))));
	}

	private static void prefixed(ByteArrayOutputStream out, byte[] bytes) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
		out.writeBytes(bytes);
	}
}
