package io.github.lambdasandbox.awssdk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.AwsServices.ListObjectsResult;
import io.github.lambdasandbox.internal.aws.AwsServices.PutObjectResult;
import io.github.lambdasandbox.internal.aws.AwsServices.S3Object;

/**
 * S3's REST-XML protocol. The bucket is in the host ({@code bucket.s3.us-east-1.amazonaws.com}, the SDK's default) or
 * the first path segment ({@code s3.us-east-1.amazonaws.com/bucket}, path style); keys are percent-encoded UTF-8.
 * Errors are {@code <Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId><HostId>…</HostId></Error>},
 * and a HEAD request's error has no body.
 */
final class S3Protocol implements Protocol {

	static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

	/** HTTP dates as S3 writes them: {@code Wed, 12 Oct 2009 17:50:00 GMT}, day of month in two digits. */
	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	/** Timestamps in S3's XML: {@code 2009-10-12T17:50:30.000Z}. */
	static final DateTimeFormatter XML_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US)
		.withZone(ZoneOffset.UTC);

	/** Query parameters that make a request another operation (S3 calls them subresources). */
	private static final Set<String> SUBRESOURCES = Set.of("acl", "tagging", "uploads", "uploadId", "partNumber", "delete",
			"location", "versioning", "versions", "policy", "cors", "lifecycle", "notification", "website", "encryption",
			"attributes", "legal-hold", "retention", "object-lock", "restore", "select", "torrent", "list-type",
			"accelerate", "analytics", "inventory", "metrics", "logging", "replication", "requestPayment",
			"ownershipControls", "publicAccessBlock", "intelligent-tiering", "session", "renameObject", "policyStatus",
			"metadataTable", "versionId");

	/** Response header overrides of GetObject ({@code response-content-type=…}). */
	private static final List<String> RESPONSE_OVERRIDES = List.of("Cache-Control", "Content-Disposition",
			"Content-Encoding", "Content-Language", "Content-Type", "Expires");

	/** Where a request points: a bucket, an object, or neither (the service). */
	record Target(String bucket, String key) {
	}

	@Override
	public String operation(Request request) {
		Target target = target(request);
		String method = request.method();
		Set<String> subresources = new TreeSet<>(request.query().keySet());
		subresources.retainAll(SUBRESOURCES);
		String operation = target.key() == null ? null : switch (method) {
			case "PUT" -> request.header("x-amz-copy-source") != null ? "CopyObject" : "PutObject";
			case "GET" -> "GetObject";
			case "HEAD" -> "HeadObject";
			case "DELETE" -> "DeleteObject";
			default -> null;
		};
		if (operation != null) {
			if (subresources.isEmpty()) {
				return operation;
			}
			if (subresources.equals(Set.of("versionId")) || (subresources.equals(Set.of("partNumber")) && !method.equals("PUT"))) {
				throw Unsupported.parameter("S3", operation, subresources.iterator().next());
			}
		}
		else if (target.bucket() != null && target.key() == null && method.equals("GET")
				&& "2".equals(request.query("list-type"))) {
			return "ListObjectsV2";
		}
		throw Unsupported.operation("S3", unsupportedName(request, target, subresources));
	}

	/** What AWS calls an operation the sandbox does not answer: the SDK's {@code x-id}, else the subresource. */
	private static String unsupportedName(Request request, Target target, Set<String> subresources) {
		String id = request.query("x-id");
		if (id != null && !id.isEmpty()) {
			return id;
		}
		String method = request.method();
		if (target.bucket() == null) {
			return method.equals("GET") ? "ListBuckets" : "(" + request + ")";
		}
		if (subresources.contains("uploadId")) {
			return switch (method) {
				case "PUT" -> request.header("x-amz-copy-source") != null ? "UploadPartCopy" : "UploadPart";
				case "POST" -> "CompleteMultipartUpload";
				case "DELETE" -> "AbortMultipartUpload";
				default -> "ListParts";
			};
		}
		if (subresources.contains("uploads")) {
			return method.equals("POST") ? "CreateMultipartUpload" : "ListMultipartUploads";
		}
		if (subresources.contains("delete")) {
			return "DeleteObjects";
		}
		if (subresources.isEmpty() && target.key() == null) {
			return switch (method) {
				case "GET" -> "ListObjects";
				case "HEAD" -> "HeadBucket";
				case "PUT" -> "CreateBucket";
				case "DELETE" -> "DeleteBucket";
				default -> "(" + request + ")";
			};
		}
		String subresource = subresources.isEmpty() ? "" : subresources.iterator().next();
		String verb = switch (method) {
			case "GET" -> "Get";
			case "PUT" -> "Put";
			case "DELETE" -> "Delete";
			default -> method;
		};
		String noun = (target.key() != null ? "Object" : "Bucket") + capitalise(subresource);
		return subresource.isEmpty() ? "(" + request + ")" : verb + noun;
	}

	private static String capitalise(String subresource) {
		StringBuilder name = new StringBuilder();
		for (String part : subresource.split("-")) {
			name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return name.toString();
	}

	@Override
	public Response handle(String operation, Request request, AwsServices services) {
		Target target = target(request);
		try {
			return switch (operation) {
				case "PutObject" -> putObject(request, target, services.s3());
				case "GetObject" -> getObject(request, target, services.s3(), true);
				case "HeadObject" -> getObject(request, target, services.s3(), false);
				case "DeleteObject" -> {
					services.s3().deleteObject(target.bucket(), target.key());
					yield withIds(Response.status(204));
				}
				case "CopyObject" -> copyObject(request, target, services.s3());
				case "ListObjectsV2" -> listObjectsV2(request, target, services.s3());
				default -> throw new IllegalStateException("S3 " + operation + " has no handler");
			};
		}
		catch (AwsServiceException e) {
			return error(request, e);
		}
	}

	// --- operations -------------------------------------------------------------------------------------------

	private static Response putObject(Request request, Target target, AwsServices.S3 s3) {
		byte[] content = request.body();
		Map<String, String> trailers = Map.of();
		if (AwsChunked.isChunked(request)) {
			try {
				AwsChunked chunked = AwsChunked.decode(request.body());
				content = chunked.content();
				trailers = chunked.trailers();
			}
			catch (IllegalArgumentException e) {
				throw new AwsServiceException(400, "IncompleteBody", "The request body terminated unexpectedly");
			}
		}
		else {
			String payloadHash = request.header("x-amz-content-sha256");
			if (payloadHash != null && payloadHash.matches("[0-9a-f]{64}") && !payloadHash.equals(Checksums.sha256Hex(content))) {
				throw new AwsServiceException(400, "XAmzContentSHA256Mismatch",
						"The provided 'x-amz-content-sha256' header does not match what was computed.", true,
						fields("ClientComputedContentSHA256", payloadHash, "S3ComputedContentSHA256", Checksums.sha256Hex(content)));
			}
		}
		checkContentMd5(request, content);
		Checksums.Algorithm algorithm = null;
		String checksum = null;
		for (Checksums.Algorithm candidate : Checksums.Algorithm.values()) {
			String given = request.header(candidate.header());
			given = given != null ? given : trailers.get(candidate.header());
			if (given != null) {
				if (!given.equals(candidate.of(content))) {
					throw new AwsServiceException(400, "BadDigest",
							"The " + candidate.name() + " you specified did not match the calculated checksum.");
				}
				algorithm = candidate;
				checksum = given;
			}
		}
		if ("*".equals(request.header("If-None-Match")) && exists(s3, target)) {
			throw new AwsServiceException(412, "PreconditionFailed",
					"At least one of the pre-conditions you specified did not hold", true, fields("Condition", "If-None-Match"));
		}
		PutObjectResult result = s3.putObject(target.bucket(), target.key(), content, request.header("Content-Type"),
				metadata(request));
		Response response = withIds(Response.status(200)).header("x-amz-version-id", result.versionId())
			.header("ETag", quote(result.eTag()))
			.header("x-amz-server-side-encryption", "AES256");
		if (algorithm != null) {
			response.header(algorithm.header(), checksum).header("x-amz-checksum-type", "FULL_OBJECT");
		}
		return response.header("Content-Length", "0");
	}

	private static boolean exists(AwsServices.S3 s3, Target target) {
		try {
			s3.headObject(target.bucket(), target.key());
			return true;
		}
		catch (AwsServiceException e) {
			if (e.errorCode().equals("NoSuchKey")) {
				return false;
			}
			throw e;
		}
	}

	private static void checkContentMd5(Request request, byte[] content) {
		String contentMd5 = request.header("Content-MD5");
		if (contentMd5 == null) {
			return;
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(contentMd5.trim());
		}
		catch (IllegalArgumentException e) {
			given = new byte[0];
		}
		if (given.length != 16) {
			throw new AwsServiceException(400, "InvalidDigest", "The Content-MD5 you specified was invalid.", true,
					fields("Content-MD5", contentMd5));
		}
		if (!Arrays.equals(given, Checksums.md5(content))) {
			throw new AwsServiceException(400, "BadDigest", "The Content-MD5 you specified did not match what we received.",
					true, fields("ExpectedDigest", contentMd5, "CalculatedDigest",
							Base64.getEncoder().encodeToString(Checksums.md5(content))));
		}
	}

	private static Map<String, String> metadata(Request request) {
		Map<String, String> metadata = new LinkedHashMap<>();
		request.http().forEachHeader((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.startsWith("x-amz-meta-") && !values.isEmpty()) {
				metadata.put(lower.substring("x-amz-meta-".length()), String.join(",", values));
			}
		});
		return metadata;
	}

	private static Response getObject(Request request, Target target, AwsServices.S3 s3, boolean withContent) {
		S3Object object = withContent ? s3.getObject(target.bucket(), target.key()) : s3.headObject(target.bucket(), target.key());
		Response notModified = preconditions(request, object);
		if (notModified != null) {
			return notModified;
		}
		Response response = withIds(Response.status(200)).header("Last-Modified", HTTP_DATE.format(object.lastModified()))
			.header("ETag", quote(object.eTag()))
			.header("x-amz-server-side-encryption", "AES256");
		object.metadata().forEach((name, value) -> response.header("x-amz-meta-" + name, value));
		response.header("Accept-Ranges", "bytes");
		String contentType = object.contentType() != null ? object.contentType() : "binary/octet-stream";
		long size = object.size();
		byte[] content = object.content();
		int status = 200;
		String contentRange = null;
		long[] range = range(request.header("Range"), size);
		if (range != null) {
			status = 206;
			contentRange = "bytes " + range[0] + "-" + range[1] + "/" + size;
			size = range[1] - range[0] + 1;
			if (content != null) {
				content = Arrays.copyOfRange(content, (int) range[0], (int) range[1] + 1);
			}
		}
		Response result = status == 200 ? response : response.withStatus(status);
		result.header("Content-Range", contentRange);
		for (String header : RESPONSE_OVERRIDES) {
			String override = request.query("response-" + header.toLowerCase(Locale.ROOT));
			if (override != null && header.equals("Content-Type")) {
				contentType = override;
			}
			else if (override != null) {
				result.header(header, override);
			}
		}
		if (withContent) {
			return result.body(contentType, content);
		}
		return result.header("Content-Type", contentType).header("Content-Length", Long.toString(size));
	}

	/**
	 * A single byte range ({@code bytes=0-9}, {@code bytes=10-}, {@code bytes=-5}) as first and last offsets, or null
	 * for none (S3 ignores a Range header it cannot read, and ranges it cannot serve as one).
	 *
	 * @throws AwsServiceException {@code InvalidRange} 416 if the range starts beyond the object
	 */
	private static long[] range(String header, long size) {
		if (header == null || !header.matches("bytes=(\\d+-\\d*|-\\d+)")) {
			return null;
		}
		String spec = header.substring("bytes=".length());
		int dash = spec.indexOf('-');
		long first;
		long last;
		if (dash == 0) {
			long suffix = Long.parseLong(spec.substring(1));
			if (suffix == 0) {
				throw invalidRange(header, size);
			}
			first = Math.max(0, size - suffix);
			last = size - 1;
		}
		else {
			first = Long.parseLong(spec.substring(0, dash));
			last = dash == spec.length() - 1 ? size - 1 : Math.min(Long.parseLong(spec.substring(dash + 1)), size - 1);
			if (last < first && first < size) {
				return null;
			}
		}
		if (first >= size) {
			throw invalidRange(header, size);
		}
		return new long[] { first, last };
	}

	private static AwsServiceException invalidRange(String header, long size) {
		return new AwsServiceException(416, "InvalidRange", "The requested range is not satisfiable", true,
				fields("RangeRequested", header, "ActualObjectSize", Long.toString(size)));
	}

	/**
	 * The conditional headers of GetObject and HeadObject, as S3 applies them: {@code If-Match} and
	 * {@code If-Unmodified-Since} fail with 412, {@code If-None-Match} and {@code If-Modified-Since} answer 304.
	 */
	private static Response preconditions(Request request, S3Object object) {
		String etag = quote(object.eTag());
		Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
		String ifMatch = request.header("If-Match");
		if (ifMatch != null ? !matches(ifMatch, etag) : isAfter(modified, request.header("If-Unmodified-Since"))) {
			throw new AwsServiceException(412, "PreconditionFailed",
					"At least one of the pre-conditions you specified did not hold", true,
					fields("Condition", ifMatch != null ? "If-Match" : "If-Unmodified-Since"));
		}
		String ifNoneMatch = request.header("If-None-Match");
		String ifModifiedSince = request.header("If-Modified-Since");
		boolean notModified = ifNoneMatch != null ? matches(ifNoneMatch, etag)
				: ifModifiedSince != null && !isAfter(modified, ifModifiedSince);
		if (notModified) {
			return withIds(Response.status(304)).header("Last-Modified", HTTP_DATE.format(object.lastModified()))
				.header("ETag", etag);
		}
		return null;
	}

	private static boolean matches(String condition, String etag) {
		for (String candidate : condition.split(",")) {
			String tag = candidate.trim();
			if (tag.equals("*") || tag.equals(etag) || quote(tag).equals(etag)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isAfter(Instant modified, String httpDate) {
		if (httpDate == null) {
			return false;
		}
		try {
			return modified.isAfter(ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException e) {
			return false; // S3 ignores a date it cannot read
		}
	}

	private static Response copyObject(Request request, Target target, AwsServices.S3 s3) {
		String source = request.header("x-amz-copy-source");
		int version = source.indexOf("?versionId=");
		if (version >= 0) {
			throw Unsupported.parameter("S3", "CopyObject", "a source versionId");
		}
		String decoded = Percent.decode(source.startsWith("/") ? source.substring(1) : source);
		int slash = decoded.indexOf('/');
		if (slash <= 0 || slash == decoded.length() - 1) {
			throw new AwsServiceException(400, "InvalidArgument", "Invalid copy source object key", true,
					fields("ArgumentName", "x-amz-copy-source", "ArgumentValue", source));
		}
		String sourceBucket = decoded.substring(0, slash);
		String sourceKey = decoded.substring(slash + 1);
		String directive = request.header("x-amz-metadata-directive");
		if ("REPLACE".equalsIgnoreCase(directive)) {
			throw Unsupported.parameter("S3", "CopyObject", "x-amz-metadata-directive REPLACE");
		}
		if (sourceBucket.equals(target.bucket()) && sourceKey.equals(target.key())) {
			throw new AwsServiceException(400, "InvalidRequest", "This copy request is illegal because it is trying to copy "
					+ "an object to itself without changing the object's metadata, storage class, website redirect location or "
					+ "encryption attributes.");
		}
		PutObjectResult result = s3.copyObject(sourceBucket, sourceKey, target.bucket(), target.key());
		Instant lastModified = s3.headObject(target.bucket(), target.key()).lastModified();
		String xml = new Xml().open("CopyObjectResult", NAMESPACE)
			.element("LastModified", XML_DATE.format(lastModified))
			.element("ETag", quote(result.eTag()))
			.close("CopyObjectResult")
			.toString();
		return withIds(Response.status(200)).header("x-amz-version-id", result.versionId())
			.header("x-amz-server-side-encryption", "AES256")
			.body("application/xml", xml);
	}

	private static Response listObjectsV2(Request request, Target target, AwsServices.S3 s3) {
		int maxKeys = 1000;
		String maxKeysParameter = request.query("max-keys");
		if (maxKeysParameter != null) {
			try {
				maxKeys = Integer.parseInt(maxKeysParameter);
			}
			catch (NumberFormatException e) {
				maxKeys = -1;
			}
			if (maxKeys < 0) {
				throw new AwsServiceException(400, "InvalidArgument", "Provided max-keys not an integer or within integer range",
						true, fields("ArgumentName", "max-keys", "ArgumentValue", maxKeysParameter));
			}
		}
		String encodingType = request.query("encoding-type");
		if (encodingType != null && !encodingType.equals("url")) {
			throw new AwsServiceException(400, "InvalidArgument", "Invalid Encoding Method specified in Request", true,
					fields("ArgumentName", "encoding-type", "ArgumentValue", encodingType));
		}
		boolean url = encodingType != null;
		String prefix = request.query("prefix");
		String delimiter = request.query("delimiter");
		String continuationToken = request.query("continuation-token");
		String startAfter = request.query("start-after");
		ListObjectsResult result = s3.listObjectsV2(target.bucket(), prefix, emptyToNull(delimiter), Math.min(maxKeys, 1000),
				continuationToken, startAfter);
		Xml xml = new Xml().open("ListBucketResult", NAMESPACE)
			.element("Name", result.bucket())
			.element("Prefix", encode(url, prefix == null ? "" : prefix))
			.element("ContinuationToken", continuationToken)
			.element("NextContinuationToken", result.nextContinuationToken())
			.element("StartAfter", encode(url, startAfter))
			.element("KeyCount", result.keyCount())
			.element("MaxKeys", maxKeys)
			.element("Delimiter", encode(url, emptyToNull(delimiter)))
			.element("EncodingType", encodingType)
			.element("IsTruncated", result.truncated());
		for (S3Object object : result.contents()) {
			xml.open("Contents")
				.element("Key", encode(url, object.key()))
				.element("LastModified", XML_DATE.format(object.lastModified()))
				.element("ETag", quote(object.eTag()))
				.element("Size", object.size())
				.element("StorageClass", "STANDARD")
				.close("Contents");
		}
		for (String commonPrefix : result.commonPrefixes()) {
			xml.open("CommonPrefixes").element("Prefix", encode(url, commonPrefix)).close("CommonPrefixes");
		}
		return withIds(Response.status(200)).body("application/xml", xml.close("ListBucketResult").toString());
	}

	private static String encode(boolean url, String value) {
		return url ? Percent.s3ListValue(value) : value;
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	// --- the wire ---------------------------------------------------------------------------------------------

	/** ETags travel in double quotes. */
	static String quote(String eTag) {
		return eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
	}

	private static Map<String, String> fields(String... namesAndValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	private static Response withIds(Response response) {
		return response.header("x-amz-id-2", RequestIds.s3HostId()).header("x-amz-request-id", RequestIds.s3());
	}

	static Response error(Request request, AwsServiceException e) {
		String requestId = RequestIds.s3();
		String hostId = RequestIds.s3HostId();
		Response response = Response.status(e.statusCode()).header("x-amz-request-id", requestId).header("x-amz-id-2", hostId);
		if (request.method().equals("HEAD")) {
			return response; // S3 answers HEAD errors with the status alone
		}
		Xml xml = new Xml().open("Error").element("Code", e.errorCode()).element("Message", e.getMessage());
		e.fields().forEach(xml::element);
		xml.element("RequestId", requestId).element("HostId", hostId).close("Error");
		return response.body("application/xml", xml.toString());
	}

	/** Bucket and key of a request, virtual-hosted or path style. */
	static Target target(Request request) {
		String host = request.host().toLowerCase(Locale.ROOT);
		String bucket = virtualHostedBucket(host);
		String path = request.encodedPath().substring(1);
		if (bucket == null) {
			if (path.isEmpty()) {
				return new Target(null, null);
			}
			int slash = path.indexOf('/');
			bucket = Percent.decode(slash < 0 ? path : path.substring(0, slash));
			path = slash < 0 ? "" : path.substring(slash + 1);
		}
		return new Target(bucket, path.isEmpty() ? null : Percent.decode(path));
	}

	/** The bucket of a virtual-hosted request ({@code bucket.s3.us-east-1.amazonaws.com}, {@code bucket.localhost}), or null. */
	private static String virtualHostedBucket(String host) {
		String[] labels = host.split("\\.");
		int s3 = s3Label(labels);
		if (s3 > 0) {
			return String.join(".", Arrays.copyOfRange(labels, 0, s3));
		}
		if (s3 < 0 && labels.length > 1 && labels[labels.length - 1].equals("localhost")) {
			return String.join(".", Arrays.copyOfRange(labels, 0, labels.length - 1));
		}
		return null;
	}

	/**
	 * The index of the label that names S3 in an AWS host ({@code s3}, {@code s3-fips}, {@code s3-external-1},
	 * {@code s3-us-west-2}), or -1.
	 */
	static int s3Label(String[] labels) {
		if (labels.length < 3 || !labels[labels.length - 1].equals("com") && !labels[labels.length - 1].equals("cn")) {
			return -1;
		}
		for (int i = 0; i < labels.length; i++) {
			String label = labels[i];
			if (label.equals("s3") || (label.startsWith("s3-") && !label.startsWith("s3-control")
					&& !label.startsWith("s3-accesspoint") && !label.startsWith("s3-object-lambda") && !label.startsWith("s3-outposts"))) {
				return i;
			}
		}
		return -1;
	}
}
