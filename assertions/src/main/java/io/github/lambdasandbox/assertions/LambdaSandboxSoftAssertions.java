package io.github.lambdasandbox.assertions;

import java.util.function.Consumer;

import io.github.lambdasandbox.EventBus;
import io.github.lambdasandbox.FunctionHandle;
import io.github.lambdasandbox.InvokeResult;
import io.github.lambdasandbox.SnsTopic;
import io.github.lambdasandbox.SqsMessage;
import io.github.lambdasandbox.SqsQueue;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions: every failure is collected, and reported together by {@link #assertAll()}. A
 * {@code receivesRecord()} that finds no record is collected too, and the checks chained to it are skipped.
 *
 * <pre>{@code
 * LambdaSandboxSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(queue("S3-failure")).receivesRecord().withCondition(RETRIES_EXHAUSTED);
 *     softly.assertThat(queue("S3-success")).receivesNoRecord();
 * });
 * }</pre>
 *
 * It also works with AssertJ's {@code SoftAssertionsExtension} ({@code @InjectSoftAssertions}).
 *
 * @since 0.2
 */
public class LambdaSandboxSoftAssertions extends AbstractSoftAssertions {

	/** Runs {@code softly} and throws every failure it collected, together. */
	public static void assertSoftly(Consumer<LambdaSandboxSoftAssertions> softly) {
		SoftAssertionsProvider.assertSoftly(LambdaSandboxSoftAssertions.class, softly);
	}

	/** Soft assertions on a queue. */
	public QueueAssert assertThat(SqsQueue actual) {
		return new QueueAssert(actual, null, this);
	}

	/** Soft assertions on a topic. @since 0.3 */
	public TopicAssert assertThat(SnsTopic actual) {
		return new TopicAssert(actual, null, Waiting.REAL_TIME_GUARD, this);
	}

	/** Soft assertions on an event bus. @since 0.3 */
	public EventBusAssert assertThat(EventBus actual) {
		return new EventBusAssert(actual, null, Waiting.REAL_TIME_GUARD, this);
	}

	/** Soft assertions on a bucket. @since 0.3 */
	public BucketAssert assertThat(io.github.lambdasandbox.S3Bucket actual) {
		return new BucketAssert(actual, null, Waiting.REAL_TIME_GUARD, this);
	}

	/** Soft assertions on a message as an invocation record. */
	public RecordAssert assertThatRecord(SqsMessage actual) {
		return new RecordAssert(actual, null, null, this);
	}

	/** Soft assertions on a message. */
	public MessageAssert assertThat(SqsMessage actual) {
		return new MessageAssert(actual, null, null, this);
	}

	/** Soft assertions on a function, version or alias. @since 0.3 */
	public FunctionAssert assertThat(FunctionHandle actual) {
		return new FunctionAssert(actual, this);
	}

	/** Soft assertions on the response of an Invoke. @since 0.3 */
	public InvokeResultAssert assertThat(InvokeResult actual) {
		return new InvokeResultAssert(actual, this);
	}
}
