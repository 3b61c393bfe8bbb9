package io.github.lambdasandbox.awssdk;

import io.github.lambdasandbox.internal.aws.AwsServices;

/** One AWS service's wire protocol: turns its requests into calls on the sandbox's services, and back. */
interface Protocol {

	/**
	 * The operation a request calls, as AWS names it ({@code PutObject}, {@code SendMessage}); checked before the
	 * sandbox is looked up, so that an unsupported operation is reported as such everywhere.
	 *
	 * @throws UnsupportedOperationException if the sandbox does not answer it
	 */
	String operation(Request request);

	/** The response AWS sends, errors included ({@link io.github.lambdasandbox.internal.aws.AwsServiceException}). */
	Response handle(String operation, Request request, AwsServices services);
}
