package io.github.lambdasandbox;

/**
 * The statistics of a CloudWatch metric of a function over the whole test, as CloudWatch computes them from
 * the datapoints: {@code SampleCount}, {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum}.
 *
 * <p>Most Lambda metrics have a datapoint of 1 per occurrence ({@code Invocations}, {@code Errors} …);
 * {@code AsyncEventAge} has one per attempt, its age in milliseconds.
 *
 * @since 0.2
 */
public record MetricStatistics(String metric, long sampleCount, double sum, double average, double minimum,
		double maximum) {

	/** The statistics of no datapoint at all: every figure 0. */
	public static MetricStatistics none(String metric) {
		return new MetricStatistics(metric, 0, 0, 0, 0, 0);
	}
}
