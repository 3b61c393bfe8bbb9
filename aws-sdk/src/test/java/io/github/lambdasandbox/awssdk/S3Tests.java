package io.github.lambdasandbox.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.lambdasandbox.awssdk.fake.FakeAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3Tests {

	/** Built once, the ordinary way, and used by every test: each reaches the services bound for it. */
	private static final S3Client S3 = S3Client.create();

	@RegisterExtension
	final FakeAws aws = new FakeAws().withBucket("images").withBucket("archive");

	@Test
	void putObjectThenGetObjectReturnsTheContentTypeMetadataAndQuotedETag() {
		PutObjectResponse put = S3.putObject(b -> b.bucket("images").key("index.html").contentType("text/html")
			.metadata(Map.of("owner", "team-a")), RequestBody.fromString("<html/>"));

		ResponseBytes<GetObjectResponse> got = S3.getObjectAsBytes(b -> b.bucket("images").key("index.html"));

		assertThat(got.asUtf8String()).isEqualTo("<html/>");
		assertThat(got.response().contentType()).isEqualTo("text/html");
		assertThat(got.response().contentLength()).isEqualTo(7);
		assertThat(got.response().metadata()).containsExactly(Map.entry("owner", "team-a"));
		assertThat(got.response().eTag()).isEqualTo("\"" + md5Hex("<html/>") + "\"").isEqualTo(put.eTag());
		assertThat(got.response().serverSideEncryptionAsString()).isEqualTo("AES256");
	}

	@Test
	void putObjectAnswersWithTheChecksumTheSdkSentInItsTrailer() {
		PutObjectResponse put = S3.putObject(b -> b.bucket("images").key("a.txt"), RequestBody.fromString("hello"));

		// SDK 2.30+ streams PutObject bodies aws-chunked with a CRC32 trailer by default
		assertThat(put.checksumCRC32()).isEqualTo(Checksums.Algorithm.CRC32.of("hello".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void putObjectWithEachChecksumAlgorithmIsStoredIntact() {
		for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C, ChecksumAlgorithm.SHA1,
				ChecksumAlgorithm.SHA256)) { // CRC64NVME needs the SDK's native CRT library
			String key = "with-" + algorithm;
			S3.putObject(b -> b.bucket("images").key(key).checksumAlgorithm(algorithm), RequestBody.fromString(key));

			assertThat(S3.getObjectAsBytes(b -> b.bucket("images").key(key)).asUtf8String()).as(key).isEqualTo(key);
		}
	}

	@Test
	void aChecksumThatDoesNotMatchTheBodyIsBadDigest() {
		S3Exception error = catchThrowableOfType(S3Exception.class, () -> S3.putObject(
				b -> b.bucket("images").key("k").checksumCRC32(Checksums.Algorithm.CRC32.of(new byte[] { 1 })),
				RequestBody.fromString("not one")));

		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The CRC32 you specified did not match the calculated checksum.");
	}

	@Test
	void binaryBodiesOfEveryByteAndOfSeveralChunksRoundTrip() {
		byte[] content = new byte[300_000];
		IntStream.range(0, content.length).forEach(i -> content[i] = (byte) (i * 31));

		S3.putObject(b -> b.bucket("images").key("blob.bin"), RequestBody.fromBytes(content));

		assertThat(S3.getObjectAsBytes(b -> b.bucket("images").key("blob.bin")).asByteArray()).isEqualTo(content);
	}

	@Test
	void aContentMd5ThatMatchesIsAcceptedAndOneThatDoesNotIsBadDigest() {
		String md5 = Base64.getEncoder().encodeToString(Checksums.md5("body".getBytes(StandardCharsets.UTF_8)));
		S3.putObject(b -> b.bucket("images").key("ok").contentMD5(md5), RequestBody.fromString("body"));

		S3Exception error = catchThrowableOfType(S3Exception.class,
				() -> S3.putObject(b -> b.bucket("images").key("bad").contentMD5(md5), RequestBody.fromString("other")));

		assertThat(error.statusCode()).isEqualTo(400);
		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The Content-MD5 you specified did not match what we received.");
	}

	@Test
	void unicodeAndReservedCharactersInKeysRoundTrip() {
		List<String> keys = List.of("photos/été 2026/plage+mer.jpg", "日本語/ファイル.txt", "emoji/😀.png", "a b&c=d?e#f%g",
				"trailing/slash/", "double//slash");
		keys.forEach(key -> S3.putObject(b -> b.bucket("images").key(key), RequestBody.fromString(key)));

		keys.forEach(key -> assertThat(S3.getObjectAsBytes(b -> b.bucket("images").key(key)).asUtf8String()).isEqualTo(key));
		assertThat(S3.listObjectsV2(b -> b.bucket("images")).contents()).extracting(S3Object::key)
			.containsExactlyInAnyOrderElementsOf(keys);
	}

	@Test
	void getObjectOfAMissingKeyIsNoSuchKeyWithS3sMessage() {
		NoSuchKeyException error = catchThrowableOfType(NoSuchKeyException.class,
				() -> S3.getObject(b -> b.bucket("images").key("missing.png")));

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
		assertThat(error.requestId()).matches("[0-9A-F]{16}");
		assertThat(error.extendedRequestId()).isNotBlank();
	}

	@Test
	void aMissingBucketIsNoSuchBucket() {
		NoSuchBucketException error = catchThrowableOfType(NoSuchBucketException.class,
				() -> S3.putObject(b -> b.bucket("nope").key("k"), RequestBody.fromString("x")));

		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
	}

	@Test
	void headObjectReturnsTheHeadersWithoutContentAndA404WithoutBody() {
		S3.putObject(b -> b.bucket("images").key("logo.png").contentType("image/png"), RequestBody.fromBytes(new byte[] { 1, 2, 3 }));

		HeadObjectResponse head = S3.headObject(b -> b.bucket("images").key("logo.png"));
		NoSuchKeyException missing = catchThrowableOfType(NoSuchKeyException.class,
				() -> S3.headObject(b -> b.bucket("images").key("nothing.png")));

		assertThat(head.contentLength()).isEqualTo(3);
		assertThat(head.contentType()).isEqualTo("image/png");
		assertThat(head.lastModified()).isNotNull();
		assertThat(missing.statusCode()).isEqualTo(404);
	}

	@Test
	void deleteObjectAnswers204WhetherOrNotTheKeyExists() {
		S3.putObject(b -> b.bucket("images").key("old.png"), RequestBody.fromString("x"));

		assertThat(S3.deleteObject(b -> b.bucket("images").key("old.png")).sdkHttpResponse().statusCode()).isEqualTo(204);
		assertThat(S3.deleteObject(b -> b.bucket("images").key("old.png")).sdkHttpResponse().statusCode()).isEqualTo(204);
		assertThat(catchThrowableOfType(NoSuchKeyException.class, () -> S3.getObject(b -> b.bucket("images").key("old.png"))))
			.isNotNull();
	}

	@Test
	void copyObjectCopiesAcrossBucketsWithUnicodeKeys() {
		S3.putObject(b -> b.bucket("images").key("ç/source ü.txt").metadata(Map.of("a", "1")), RequestBody.fromString("copy me"));

		CopyObjectResponse copy = S3.copyObject(b -> b.sourceBucket("images").sourceKey("ç/source ü.txt")
			.destinationBucket("archive").destinationKey("ç/target ü.txt"));

		ResponseBytes<GetObjectResponse> copied = S3.getObjectAsBytes(b -> b.bucket("archive").key("ç/target ü.txt"));
		assertThat(copied.asUtf8String()).isEqualTo("copy me");
		assertThat(copied.response().metadata()).containsEntry("a", "1");
		assertThat(copy.copyObjectResult().eTag()).isEqualTo("\"" + md5Hex("copy me") + "\"");
		assertThat(copy.copyObjectResult().lastModified()).isNotNull();
	}

	@Test
	void copyObjectOfAMissingSourceIsNoSuchKey() {
		assertThat(catchThrowableOfType(NoSuchKeyException.class, () -> S3.copyObject(b -> b.sourceBucket("images")
			.sourceKey("missing").destinationBucket("archive").destinationKey("x")))).isNotNull();
	}

	@Test
	void copyingAnObjectOntoItselfIsIllegalAsInS3() {
		S3.putObject(b -> b.bucket("images").key("same"), RequestBody.fromString("x"));

		S3Exception error = catchThrowableOfType(S3Exception.class, () -> S3.copyObject(b -> b.sourceBucket("images")
			.sourceKey("same").destinationBucket("images").destinationKey("same")));

		assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
	}

	@Test
	void listObjectsV2PagesWithContinuationTokens() {
		IntStream.range(0, 7).forEach(i -> S3.putObject(b -> b.bucket("images").key("k" + i), RequestBody.fromString("" + i)));

		ListObjectsV2Response first = S3.listObjectsV2(b -> b.bucket("images").maxKeys(3));
		ListObjectsV2Response second = S3.listObjectsV2(b -> b.bucket("images").maxKeys(3).continuationToken(first.nextContinuationToken()));

		assertThat(first.contents()).extracting(S3Object::key).containsExactly("k0", "k1", "k2");
		assertThat(first.isTruncated()).isTrue();
		assertThat(first.keyCount()).isEqualTo(3);
		assertThat(second.contents()).extracting(S3Object::key).containsExactly("k3", "k4", "k5");
		assertThat(second.continuationToken()).isEqualTo(first.nextContinuationToken());
		List<String> all = new ArrayList<>();
		S3.listObjectsV2Paginator(b -> b.bucket("images").maxKeys(2)).contents().forEach(o -> all.add(o.key()));
		assertThat(all).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6");
	}

	@Test
	void listObjectsV2GroupsCommonPrefixesUnderADelimiter() {
		List.of("photos/2025/a.jpg", "photos/2026/b.jpg", "photos/c.jpg", "readme.txt")
			.forEach(key -> S3.putObject(b -> b.bucket("images").key(key), RequestBody.fromString(key)));

		ListObjectsV2Response listing = S3.listObjectsV2(b -> b.bucket("images").prefix("photos/").delimiter("/"));

		assertThat(listing.contents()).extracting(S3Object::key).containsExactly("photos/c.jpg");
		assertThat(listing.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("photos/2025/", "photos/2026/");
		assertThat(listing.prefix()).isEqualTo("photos/");
		assertThat(listing.delimiter()).isEqualTo("/");
		assertThat(listing.contents().get(0).size()).isEqualTo(12);
		assertThat(listing.contents().get(0).eTag()).isEqualTo("\"" + md5Hex("photos/c.jpg") + "\"");
	}

	@Test
	void aPathStyleClientReachesTheSameBuckets() {
		try (S3Client pathStyle = S3Client.builder().forcePathStyle(true).build()) {
			pathStyle.putObject(b -> b.bucket("images").key("p/q r.txt"), RequestBody.fromString("path style"));

			assertThat(S3.getObjectAsBytes(b -> b.bucket("images").key("p/q r.txt")).asUtf8String()).isEqualTo("path style");
		}
	}

	@Test
	void aRangedGetReturnsThePartAsked() {
		S3.putObject(b -> b.bucket("images").key("range"), RequestBody.fromString("0123456789"));

		ResponseBytes<GetObjectResponse> part = S3.getObjectAsBytes(b -> b.bucket("images").key("range").range("bytes=2-5"));

		assertThat(part.asUtf8String()).isEqualTo("2345");
		assertThat(part.response().contentRange()).isEqualTo("bytes 2-5/10");
	}

	@Test
	void conditionalGetsAnswer304And412AsS3Does() {
		String eTag = S3.putObject(b -> b.bucket("images").key("c"), RequestBody.fromString("x")).eTag();

		S3Exception notModified = catchThrowableOfType(S3Exception.class,
				() -> S3.getObject(b -> b.bucket("images").key("c").ifNoneMatch(eTag)));
		S3Exception failed = catchThrowableOfType(S3Exception.class,
				() -> S3.getObject(b -> b.bucket("images").key("c").ifMatch("\"other\"")));

		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(failed.statusCode()).isEqualTo(412);
		assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
		assertThat(S3.getObjectAsBytes(b -> b.bucket("images").key("c").ifMatch(eTag)).asUtf8String()).isEqualTo("x");
	}

	@Test
	void putObjectIfNoneMatchStarRefusesToOverwrite() {
		S3.putObject(b -> b.bucket("images").key("once").ifNoneMatch("*"), RequestBody.fromString("first"));

		S3Exception error = catchThrowableOfType(S3Exception.class,
				() -> S3.putObject(b -> b.bucket("images").key("once").ifNoneMatch("*"), RequestBody.fromString("second")));

		assertThat(error.statusCode()).isEqualTo(412);
		assertThat(S3.getObjectAsBytes(b -> b.bucket("images").key("once")).asUtf8String()).isEqualTo("first");
	}

	@Test
	void aGetOfAnObjectVersionIsRefusedRatherThanAnsweredWithTheLatest() {
		assertThat(catchThrowableOfType(UnsupportedOperationException.class,
				() -> S3.getObject(b -> b.bucket("images").key("k").versionId("v1"))))
			.hasMessageStartingWith("lambda-sandbox does not answer S3 GetObject with versionId yet");
	}

	@Test
	void anUnsupportedOperationNamesItselfAndWhatIsSupported() {
		UnsupportedOperationException error = catchThrowableOfType(UnsupportedOperationException.class,
				() -> S3.createBucket(b -> b.bucket("new-bucket")));

		assertThat(error).hasMessageStartingWith("lambda-sandbox does not answer S3 CreateBucket")
			.hasMessageContaining("S3: PutObject, GetObject");
	}

	private static String md5Hex(String text) {
		return Checksums.md5Hex(text.getBytes(StandardCharsets.UTF_8));
	}
}
