package io.github.lambdasandbox.internal.services.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTests {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "none", textBlock = """
			10.0.0.1                                  | 0a000001
			255.255.255.255                           | ffffffff
			256.0.0.1                                 | none
			01.2.3.4                                  | none
			1.2.3                                     | none
			::                                        | 00000000000000000000000000000000
			::1                                       | 00000000000000000000000000000001
			2001:db8::1                               | 20010db8000000000000000000000001
			2001:0db8:1234:1a00:0000:0000:0000:0000   | 20010db812341a000000000000000000
			1:2:3:4:5:6:7:8                           | 00010002000300040005000600070008
			1:2:3:4:5:6:7:8:9                         | none
			1::2::3                                   | none
			12345::                                   | none
			::ffff:a00:1                              | 0a000001
			localhost                                 | none
			""")
	void readsAddressesAsJavaDoes(String text, String hex) {
		byte[] address = IpAddress.parse(text);
		assertThat(address == null ? null : HexFormat.of().formatHex(address)).isEqualTo(hex);
	}

	@ParameterizedTest(name = "{0} contains {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.0/24             | 10.0.0.255      | true
			10.0.0.0/24             | 10.0.1.0        | false
			10.0.0.0/0              | 200.1.1.1       | true
			10.0.0.0/31             | 10.0.0.1        | true
			10.0.0.0/31             | 10.0.0.2        | false
			10.0.0.128/25           | 10.0.0.127      | false
			2001:db8::/32           | 2001:db8:ffff:: | true
			2001:db8::/32           | 2001:db9::      | false
			2001:db8::/32           | 10.0.0.1        | false
			10.0.0.0/8              | ::ffff:a01:101  | true
			""")
	void containsAddressesOfItsFamily(String cidr, String address, boolean expected) {
		assertThat(Cidr.parse(cidr).contains(address)).isEqualTo(expected);
	}
}
