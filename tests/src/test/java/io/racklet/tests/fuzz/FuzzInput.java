package io.racklet.tests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Splits raw fuzzer bytes the same way in every target, so saved inputs stay readable files: text
 * is UTF-8, and a target that covers several types reads the type from a leading digit
 * ({@code 0{"action":"on"}} is the first type with that body).
 */
final class FuzzInput {
    private FuzzInput() {}

    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The type named by the first byte ('0' is the first, wrapping around); the first for no input. */
    static <T> T kind(byte[] data, List<T> kinds) {
        return data.length == 0 ? kinds.get(0) : kinds.get(Math.floorMod(data[0] - '0', kinds.size()));
    }

    /** Everything after the leading type digit. */
    static byte[] body(byte[] data) {
        return data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
    }
}
