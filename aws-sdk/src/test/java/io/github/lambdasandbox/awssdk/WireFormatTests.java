package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The encodings the codecs read and write, against their published check values. */
class WireFormatTests {

	private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

	@Test
	void crc64NvmeHasItsCheckValue() {
		assertThat(Checksums.crc64Nvme(CHECK)).isEqualTo(0xAE8B14860A799888L);
	}

	@Test
	void crc32AndCrc32cHaveTheirCheckValuesInBase64BigEndian() {
		assertThat(Checksums.Algorithm.CRC32.of(CHECK)).isEqualTo("y/Q5Jg=="); // 0xCBF43926
		assertThat(Checksums.Algorithm.CRC32C.of(CHECK)).isEqualTo("4waSgw=="); // 0xE3069283
	}

	@Test
	void awsChunkedBodiesAreDecodedWithSignaturesAndTrailers() {
		String body = "5;chunk-signature=abc\r\nhello\r\n3;chunk-signature=def\r\n, w\r\n0;chunk-signature=ghi\r\n"
				+ "x-amz-checksum-crc32:NhCmhg==\r\nx-amz-trailer-signature:jkl\r\n\r\n";

		AwsChunked decoded = AwsChunked.decode(body.getBytes(StandardCharsets.UTF_8));

		assertThat(new String(decoded.content(), StandardCharsets.UTF_8)).isEqualTo("hello, w");
		assertThat(decoded.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32", "NhCmhg=="),
				Map.entry("x-amz-trailer-signature", "jkl"));
	}

	@Test
	void aCutAwsChunkedBodyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AwsChunked.decode("a\r\nshort\r\n".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void pathsArePercentDecodedAsUtf8WithPlusKept() {
		assertThat(Percent.decode("photos/%C3%A9t%C3%A9%20a+b%F0%9F%98%80")).isEqualTo("photos/été a+b😀");
	}

	@Test
	void xmlTextIsEscaped() {
		assertThat(new Xml(false).element("Key", "a<b>&\"c'\r").toString()).isEqualTo("<Key>a&lt;b&gt;&amp;&quot;c&apos;&#13;</Key>");
	}
}
