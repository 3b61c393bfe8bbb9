package io.github.lambdasandbox.internal.services.filters;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An IPv4 or IPv6 block from a {@code cidr} pattern. EventBridge and SNS reject a malformed block with the same texts:
 * {@code Malformed CIDR, one '/' required}, {@code Malformed CIDR, mask bits must be an integer},
 * {@code Nonstandard IP address: <ip>} (text that is not shaped like an address), plus Event Ruler's
 * {@code Invalid IP address: <ip>}, {@code Malformed CIDR, mask bits must not be negative},
 * {@code IPv4 mask bits must be < 32} and {@code IPv6 mask bits must be < 128}.
 */
record Cidr(byte[] network, int maskBits) {

	static Cidr parse(String text) {
		// String.split drops trailing empty parts, as Event Ruler's Java does: "10.0.0.0/24/" has one '/'
		String[] slashed = text.split("/");
		if (slashed.length != 2) {
			throw new MalformedRuleException("Malformed CIDR, one '/' required");
		}
		int maskBits;
		try {
			maskBits = Integer.parseInt(slashed[1]);
		}
		catch (NumberFormatException e) {
			throw new MalformedRuleException("Malformed CIDR, mask bits must be an integer");
		}
		if (maskBits < 0) {
			throw new MalformedRuleException("Malformed CIDR, mask bits must not be negative");
		}
		String ip = slashed[0];
		if (!IpAddress.hasAddressShape(ip)) {
			throw new MalformedRuleException("Nonstandard IP address: " + ip);
		}
		byte[] network = IpAddress.parse(ip);
		if (network == null) {
			throw new MalformedRuleException("Invalid IP address: " + ip);
		}
		if (network.length == 4 && maskBits > 31) {
			throw new MalformedRuleException("IPv4 mask bits must be < 32");
		}
		if (network.length == 16 && maskBits > 127) {
			throw new MalformedRuleException("IPv6 mask bits must be < 128");
		}
		return new Cidr(network, maskBits);
	}

	/** Whether the text is an address of the same family inside this block. */
	boolean contains(String text) {
		byte[] address = IpAddress.parse(text);
		if (address == null || address.length != network.length) {
			return false;
		}
		for (int bit = 0; bit < maskBits; bit++) {
			int mask = 0x80 >> (bit % 8);
			if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr cidr && cidr.maskBits == maskBits
				&& Arrays.equals(cidr.network, network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(network) + maskBits;
	}

	@Override
	public String toString() {
		return "Cidr[" + HexFormat.of().formatHex(network) + "/" + maskBits + "]";
	}
}
