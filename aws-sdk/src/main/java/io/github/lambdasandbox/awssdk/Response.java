package io.github.lambdasandbox.awssdk;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/** An HTTP response as the AWS service sends it: status, headers in order, and a body or none. */
final class Response {

	private final int status;

	private final Map<String, List<String>> headers = new LinkedHashMap<>();

	private byte[] body;

	private Response(int status) {
		this.status = status;
	}

	static Response status(int status) {
		return new Response(status);
	}

	Response header(String name, String value) {
		if (value != null) {
			headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
		}
		return this;
	}

	/** The body, with its {@code Content-Type} and {@code Content-Length}. */
	Response body(String contentType, byte[] content) {
		this.body = content;
		return header("Content-Type", contentType).header("Content-Length", Integer.toString(content.length));
	}

	Response body(String contentType, String content) {
		return body(contentType, content.getBytes(StandardCharsets.UTF_8));
	}

	/** The same headers with another status (206 for a range). */
	Response withStatus(int newStatus) {
		Response copy = new Response(newStatus);
		headers.forEach((name, values) -> copy.headers.put(name, new ArrayList<>(values)));
		copy.body = body;
		return copy;
	}

	int status() {
		return status;
	}

	byte[] body() {
		return body;
	}

	String header(String name) {
		return headers.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase(name))
			.map(e -> e.getValue().get(0))
			.findFirst()
			.orElse(null);
	}

	HttpExecuteResponse toSdk() {
		SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
		headers.forEach(http::putHeader);
		HttpExecuteResponse.Builder response = HttpExecuteResponse.builder().response(http.build());
		if (body != null) {
			response.responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)));
		}
		return response.build();
	}
}
