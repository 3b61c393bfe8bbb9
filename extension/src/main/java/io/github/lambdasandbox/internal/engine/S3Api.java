package io.github.lambdasandbox.internal.engine;

import java.util.Map;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** S3 of {@link AwsServices}: what AWS SDK clients reach, applied at the sandbox's current instant. Engine only. */
final class S3Api implements AwsServices.S3 {

	private final SandboxEngine engine;

	S3Api(SandboxEngine engine) {
		this.engine = engine;
	}

	@Override
	public AwsServices.PutObjectResult putObject(String bucket, String key, byte[] content, String contentType, Map<String, String> metadata) {
		throw notYet("putObject");
	}

	@Override
	public AwsServices.S3Object getObject(String bucket, String key) {
		throw notYet("getObject");
	}

	@Override
	public AwsServices.S3Object headObject(String bucket, String key) {
		throw notYet("headObject");
	}

	@Override
	public void deleteObject(String bucket, String key) {
		throw notYet("deleteObject");
	}

	@Override
	public AwsServices.PutObjectResult copyObject(String sourceBucket, String sourceKey, String bucket, String key) {
		throw notYet("copyObject");
	}

	@Override
	public AwsServices.ListObjectsResult listObjectsV2(String bucket, String prefix, String delimiter, int maxKeys, String continuationToken, String startAfter) {
		throw notYet("listObjectsV2");
	}

	private static UnsupportedOperationException notYet(String operation) {
		return new UnsupportedOperationException("S3 " + operation + " is not built into the sandbox yet.");
	}
}
