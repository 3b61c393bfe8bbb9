package io.github.lambdasandbox.awssdk;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of URL paths (RFC 3986: {@code +} is a plus) and of S3's {@code encoding-type=url} values. */
final class Percent {

	private Percent() {
	}

	/** Decodes {@code %XX} sequences of UTF-8 bytes; {@code +} stays a plus, as in a path. */
	static String decode(String encoded) {
		if (encoded.indexOf('%') < 0) {
			return encoded;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%' && i + 2 < encoded.length()) {
				bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
				i += 2;
			}
			else {
				byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < encoded.length()) {
					raw = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.writeBytes(raw);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A key or prefix as S3 writes it in a listing asked for with {@code encoding-type=url}: form-encoded UTF-8, which
	 * the SDK decodes back (so that keys with characters XML cannot carry survive).
	 */
	static String s3ListValue(String value) {
		return value == null ? null : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/");
	}
}
