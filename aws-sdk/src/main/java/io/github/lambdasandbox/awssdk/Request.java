package io.github.lambdasandbox.awssdk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.http.SdkHttpRequest;

/** One HTTP request as the SDK built it, with its body read. */
record Request(SdkHttpRequest http, byte[] body) {

	String method() {
		return http.method().name();
	}

	String host() {
		return http.host();
	}

	/** The path, still percent-encoded: S3 keys are decoded segment by segment. */
	String encodedPath() {
		return http.encodedPath().isEmpty() ? "/" : http.encodedPath();
	}

	Map<String, List<String>> query() {
		return http.rawQueryParameters();
	}

	/** The first value of a query parameter (decoded), or null; a parameter without a value ({@code ?acl}) is "". */
	String query(String name) {
		List<String> values = http.rawQueryParameters().get(name);
		if (values == null) {
			return null;
		}
		return values.isEmpty() || values.get(0) == null ? "" : values.get(0);
	}

	/** The first value of a header, by case-insensitive name, or null. */
	String header(String name) {
		return http.firstMatchingHeader(name).orElse(null);
	}

	String bodyText() {
		return new String(body, StandardCharsets.UTF_8);
	}

	/** {@code X-Amz-Target}, as JSON protocols name the operation ({@code AmazonSQS.SendMessage}). */
	Optional<String> target() {
		return http.firstMatchingHeader("X-Amz-Target");
	}

	/**
	 * The service a request was signed for, from the credential scope of its SigV4 {@code Authorization} header
	 * ({@code Credential=AKID/20260101/us-east-1/s3/aws4_request}): what the service is even under an endpoint
	 * override.
	 */
	Optional<String> signingName() {
		return http.firstMatchingHeader("Authorization").flatMap(authorization -> {
			int start = authorization.indexOf("Credential=");
			if (start < 0) {
				return Optional.empty();
			}
			int end = authorization.indexOf(',', start);
			String[] scope = authorization.substring(start + "Credential=".length(), end < 0 ? authorization.length() : end)
				.split("/");
			return scope.length == 5 ? Optional.of(scope[3]) : Optional.empty();
		});
	}

	@Override
	public String toString() {
		return method() + " " + http.getUri();
	}
}
