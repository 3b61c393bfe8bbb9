package io.github.lambdasandbox.awssdk;

import java.util.Locale;
import java.util.Map;

/**
 * Finds the protocol of a request: by {@code X-Amz-Target} for the JSON protocols, else by the service the request
 * was signed for (which holds under endpoint overrides such as {@code AWS_ENDPOINT_URL}), else by the host name.
 */
final class Router {

	private static final Map<String, Protocol> BY_TARGET_PREFIX = Map.of(
			"AmazonSQS", new SqsProtocol(),
			"AWSEvents", new EventBridgeProtocol(),
			"Kinesis_20131202", new KinesisProtocol(),
			"DynamoDB_20120810", new DynamoDbProtocol());

	private static final Map<String, Protocol> BY_SERVICE = Map.of(
			"s3", new S3Protocol(),
			"sns", new SnsProtocol(),
			"lambda", new LambdaProtocol());

	private Router() {
	}

	static Protocol route(Request request) {
		String target = request.target().orElse(null);
		if (target != null) {
			int dot = target.indexOf('.');
			Protocol protocol = BY_TARGET_PREFIX.get(dot < 0 ? target : target.substring(0, dot));
			if (protocol == null) {
				throw Unsupported.operation(dot < 0 ? "the AWS service" : target.substring(0, dot),
						dot < 0 ? target : target.substring(dot + 1));
			}
			return protocol;
		}
		String service = request.signingName().orElseGet(() -> serviceOfHost(request.host()));
		Protocol protocol = BY_SERVICE.get(service);
		if (protocol == null) {
			throw Unsupported.operation("the AWS service \"" + service + "\"", "(" + request + ")");
		}
		return protocol;
	}

	/**
	 * The service of an AWS host name: {@code sns.us-east-1.amazonaws.com} is {@code sns},
	 * {@code bucket.s3.us-east-1.amazonaws.com} is {@code s3}, {@code lambda-fips.us-east-1.amazonaws.com} is
	 * {@code lambda}.
	 */
	static String serviceOfHost(String host) {
		String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
		if (S3Protocol.s3Label(labels) >= 0) {
			return "s3";
		}
		String first = labels[0];
		int fips = first.indexOf("-fips");
		return fips < 0 ? first : first.substring(0, fips);
	}
}
