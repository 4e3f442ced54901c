package io.racklet.drivers.selftest;

/**
 * One line of a selftest: what was checked on which part, whether it passed, what was seen, and
 * for a failure what to look at on the board.
 *
 * @param part   the part and where it sits, e.g. "TMP102 i2c-1 0x48"
 * @param check  what was checked, e.g. "answers with its ID"
 * @param passed whether it passed
 * @param detail what was measured, or why it failed
 * @param hint   what to check on the board if it failed
 */
public record Check(String part, String check, boolean passed, String detail, String hint) {}
