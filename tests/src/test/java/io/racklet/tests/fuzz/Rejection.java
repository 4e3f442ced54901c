package io.racklet.tests.fuzz;

import java.util.List;
import java.util.function.Supplier;

/**
 * The pass rule of every fuzz target: a parser given outside input either returns a value or throws
 * the one exception type its callers handle, with a message. Anything else escaping is a finding.
 * So is the handled type when it merely wraps a programming error (a record constructor's
 * NullPointerException reported as a config error reads as nonsense to the user).
 */
final class Rejection {
    private static final List<Class<? extends Throwable>> BUGS = List.of(NullPointerException.class,
            ClassCastException.class, IndexOutOfBoundsException.class, ArithmeticException.class,
            IllegalStateException.class, UnsupportedOperationException.class, NegativeArraySizeException.class,
            ArrayStoreException.class, Error.class);

    private Rejection() {}

    /** Runs {@code parse}; returns its value, or null when it rejected the input as it should. */
    static <T> T onlyWith(Class<? extends RuntimeException> expected, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            if (!expected.isInstance(e)) throw e;
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                Throwable cause = c;
                if (BUGS.stream().anyMatch(b -> b.isInstance(cause))) {
                    throw new AssertionError(expected.getSimpleName() + " wraps a " + c.getClass().getName()
                            + ": " + e.getMessage(), e);
                }
            }
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError(expected.getSimpleName() + " without a message", e);
            }
            return null;
        }
    }
}
