package io.github.lambdasandbox.internal.services.filters;

import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 addresses as Event Ruler reads them in {@code cidr} patterns, in string values of a pattern and in
 * event values. A text is taken for an address only if it has the shape of one (four dot-separated decimal parts, or
 * hex digits and colons with at least one colon); compressed IPv6 ({@code ::}) is fine, an IPv4-mapped IPv6 address
 * counts as its IPv4 address, as Java's {@code InetAddress} reads it.
 */
final class IpAddress {

	private static final Pattern IPV4_SHAPE = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

	private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*");

	private IpAddress() {
	}

	static boolean hasAddressShape(String text) {
		return IPV4_SHAPE.matcher(text).matches() || IPV6_SHAPE.matcher(text).matches();
	}

	/** The 4 or 16 bytes of the address, or {@code null} if the text is not one. */
	static byte[] parse(String text) {
		if (IPV4_SHAPE.matcher(text).matches()) {
			return parseIpv4(text);
		}
		if (IPV6_SHAPE.matcher(text).matches()) {
			byte[] bytes = parseIpv6(text);
			return bytes == null ? null : unmapIpv4(bytes);
		}
		return null;
	}

	private static byte[] parseIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			String part = parts[i];
			// a leading zero is ambiguous (octal?): Java refuses such literals, so Event Ruler does
			if (part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
				return null;
			}
			int value = Integer.parseInt(part);
			if (value > 255) {
				return null;
			}
			bytes[i] = (byte) value;
		}
		return bytes;
	}

	private static byte[] parseIpv6(String text) {
		int gap = text.indexOf("::");
		if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
			return null;
		}
		String head = gap >= 0 ? text.substring(0, gap) : text;
		String tail = gap >= 0 ? text.substring(gap + 2) : "";
		int[] headGroups = groups(head);
		int[] tailGroups = groups(tail);
		if (headGroups == null || tailGroups == null) {
			return null;
		}
		int count = headGroups.length + tailGroups.length;
		if (gap < 0 ? count != 8 : count > 7) {
			return null;
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < headGroups.length; i++) {
			put(bytes, i, headGroups[i]);
		}
		for (int i = 0; i < tailGroups.length; i++) {
			put(bytes, 8 - tailGroups.length + i, tailGroups[i]);
		}
		return bytes;
	}

	private static int[] groups(String text) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] parts = text.split(":", -1);
		int[] groups = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].isEmpty() || parts[i].length() > 4) {
				return null;
			}
			groups[i] = Integer.parseInt(parts[i], 16);
		}
		return groups;
	}

	private static void put(byte[] bytes, int group, int value) {
		bytes[2 * group] = (byte) (value >> 8);
		bytes[2 * group + 1] = (byte) value;
	}

	private static byte[] unmapIpv4(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return bytes;
			}
		}
		if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
			return bytes;
		}
		return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
	}
}
