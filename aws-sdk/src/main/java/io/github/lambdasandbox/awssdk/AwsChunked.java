package io.github.lambdasandbox.awssdk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code aws-chunked} content encoding that SDKs use to stream a body with its checksum in a trailer:
 * {@code <hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n} … {@code 0[;chunk-signature=<sig>]\r\n}, then trailer
 * lines {@code x-amz-checksum-crc32:<base64>\r\n} and an empty line.
 */
record AwsChunked(byte[] content, Map<String, String> trailers) {

	/** Whether S3 reads the body as {@code aws-chunked}: by its content encoding or its streaming payload hash. */
	static boolean isChunked(Request request) {
		String encoding = request.header("Content-Encoding");
		String payload = request.header("x-amz-content-sha256");
		return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"))
				|| (payload != null && payload.startsWith("STREAMING-"));
	}

	/** @throws IllegalArgumentException if the body is not well-formed */
	static AwsChunked decode(byte[] body) {
		ByteArrayOutputStream content = new ByteArrayOutputStream(body.length);
		int at = 0;
		while (true) {
			int end = lineEnd(body, at);
			String header = new String(body, at, end - at, StandardCharsets.US_ASCII);
			int semicolon = header.indexOf(';');
			int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
			at = end + 2;
			if (size == 0) {
				break;
			}
			if (at + size + 2 > body.length || body[at + size] != '\r' || body[at + size + 1] != '\n') {
				throw new IllegalArgumentException("aws-chunked chunk of " + size + " bytes is cut short");
			}
			content.write(body, at, size);
			at += size + 2;
		}
		Map<String, String> trailers = new LinkedHashMap<>();
		while (at < body.length) {
			int end = lineEnd(body, at);
			if (end == at) {
				break;
			}
			String line = new String(body, at, end - at, StandardCharsets.UTF_8);
			int colon = line.indexOf(':');
			if (colon > 0) {
				trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			at = end + 2;
		}
		return new AwsChunked(content.toByteArray(), trailers);
	}

	private static int lineEnd(byte[] body, int from) {
		for (int i = from; i + 1 < body.length; i++) {
			if (body[i] == '\r' && body[i + 1] == '\n') {
				return i;
			}
		}
		throw new IllegalArgumentException("aws-chunked body ends without CRLF after byte " + from);
	}
}
