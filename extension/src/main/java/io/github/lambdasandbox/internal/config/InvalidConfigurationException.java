package io.github.lambdasandbox.internal.config;

/** A sandbox declaration that AWS would not accept, or that names something that does not exist. */
public final class InvalidConfigurationException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidConfigurationException(String message) {
		super(message);
	}
}
