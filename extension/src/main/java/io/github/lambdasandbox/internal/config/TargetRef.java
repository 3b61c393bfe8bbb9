package io.github.lambdasandbox.internal.config;

import io.github.lambdasandbox.internal.json.Arns;

/**
 * A resource named by a destination, a dead-letter queue or a bucket notification. A null service stands for an
 * ARN of a service Lambda does not send to (its name is then the ARN), for the caller to refuse in AWS's words.
 */
public record TargetRef(Service service, String name) {

	/** The services a reference can name, with their short prefix. */
	public enum Service {
		SQS("sqs"), SNS("sns"), LAMBDA("lambda"), EVENTS("events"), S3("s3");

		private final String prefix;

		Service(String prefix) {
			this.prefix = prefix;
		}

		public String prefix() {
			return prefix;
		}
	}

	public String arn() {
		if (service == null) {
			return name;
		}
		return switch (service) {
			case SQS -> Arns.queue(name);
			case SNS -> Arns.topic(name);
			case LAMBDA -> Arns.function(name);
			case EVENTS -> Arns.eventBus(name);
			case S3 -> Arns.bucket(name);
		};
	}

	/** The short form, e.g. {@code sqs:S3-failure}. */
	@Override
	public String toString() {
		return service == null ? name : service.prefix + ":" + name;
	}
}
