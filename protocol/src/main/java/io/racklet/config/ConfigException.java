package io.racklet.config;

/**
 * Bad user input, said so that a person can fix it: which file, which field, what was expected.
 * The project's one error style: entry points print {@link #getMessage()} and exit non-zero,
 * never a stack trace.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
