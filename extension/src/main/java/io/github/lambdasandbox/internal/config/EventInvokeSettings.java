package io.github.lambdasandbox.internal.config;

/**
 * A function's EventInvokeConfig as Lambda keeps it: the settings that were given, each null when it was left out
 * (Lambda then applies its default: 2 retries, 21600 seconds, no destination).
 */
public record EventInvokeSettings(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, TargetRef onSuccess,
		TargetRef onFailure) {

	/** Lambda's defaults, for the settings left out. */
	public static final int DEFAULT_RETRIES = 2;

	public static final int DEFAULT_EVENT_AGE = 21600;

	/**
	 * What the declaration of a function amounts to: the settings that differ from Lambda's defaults (a declaration
	 * cannot tell a default written out from one left out); null when there are none, as for a function without an
	 * EventInvokeConfig.
	 */
	public static EventInvokeSettings declared(FunctionConfig function) {
		Integer retries = function.maximumRetryAttempts() == DEFAULT_RETRIES ? null : function.maximumRetryAttempts();
		Integer age = function.maximumEventAgeInSeconds() == DEFAULT_EVENT_AGE ? null : function.maximumEventAgeInSeconds();
		if (retries == null && age == null && function.onSuccess() == null && function.onFailure() == null) {
			return null;
		}
		return new EventInvokeSettings(retries, age, function.onSuccess(), function.onFailure());
	}

	/** {@code function} with these settings, Lambda's defaults for those left out. */
	public FunctionConfig applyTo(FunctionConfig function) {
		return function.withEventInvokeConfig(maximumRetryAttempts == null ? DEFAULT_RETRIES : maximumRetryAttempts,
				maximumEventAgeInSeconds == null ? DEFAULT_EVENT_AGE : maximumEventAgeInSeconds, onSuccess, onFailure);
	}
}
