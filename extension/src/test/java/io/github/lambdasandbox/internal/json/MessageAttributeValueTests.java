package io.github.lambdasandbox.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MessageAttributeValueTests {

	@Test
	void binaryTypesTakeBytesAndTheOthersStrings() {
		assertThatIllegalArgumentException().isThrownBy(() -> MessageAttributeValue.string("Binary", "AgME"));
		assertThatIllegalArgumentException().isThrownBy(() -> MessageAttributeValue.binary("String", new byte[1]));
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageAttributeValue("String", "a", new byte[1]));
	}

	@Test
	void binaryValueIsWrittenInBase64() {
		assertThat(MessageAttributeValue.binary("Binary", new byte[] { 2, 3, 4 }).text()).isEqualTo("AgME");
		assertThat(MessageAttributeValue.string("Number", "6").text()).isEqualTo("6");
	}

	@Test
	void bytesAreCopiedInAndOut() {
		byte[] bytes = { 1 };
		MessageAttributeValue value = MessageAttributeValue.binary("Binary", bytes);
		bytes[0] = 9;
		value.binaryValue()[0] = 9;

		assertThat(value.binaryValue()).containsExactly(1);
		assertThat(value).isEqualTo(MessageAttributeValue.binary("Binary", new byte[] { 1 }));
	}
}
