package io.racklet.drivers.selftest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one {@code selftest} run, printed as a pass/fail table with, under each failure,
 * what to check on the board. Shared by the BMC and RMC agents so both read the same.
 */
public final class SelftestReport {
    /** A probe returns what it saw; any exception is a failure whose message says why. */
    @FunctionalInterface
    public interface Probe {
        String run() throws Exception;
    }

    private final String title;
    private final List<Check> checks = new ArrayList<>();

    public SelftestReport(String title) {
        this.title = title;
    }

    /** Runs one probe and records its outcome; never throws. */
    public boolean run(String part, String check, String hint, Probe probe) {
        Check c;
        try {
            c = new Check(part, check, true, probe.run(), hint);
        } catch (Exception e) {
            c = new Check(part, check, false, reason(e), hint);
        }
        checks.add(c);
        return c.passed();
    }

    /** Records a check that could not run because an earlier one failed. */
    public void skipped(String part, String check, String because, String hint) {
        checks.add(new Check(part, check, false, "not checked: " + because, hint));
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        // Pi4J and jssc wrap the cause: say the innermost thing that went wrong
        Throwable c = e;
        while ((m == null || m.isBlank()) && c.getCause() != null) {
            c = c.getCause();
            m = c.getMessage();
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public void print(PrintStream out) {
        int partWidth = Math.max(4, checks.stream().mapToInt(c -> c.part().length()).max().orElse(4));
        int checkWidth = Math.max(5, checks.stream().mapToInt(c -> c.check().length()).max().orElse(5));
        String row = "%-6s %-" + partWidth + "s  %-" + checkWidth + "s  %s%n";
        out.println(title);
        out.println();
        out.printf(row, "RESULT", "PART", "CHECK", "DETAIL");
        for (Check c : checks) {
            out.printf(row, c.passed() ? "pass" : "FAIL", c.part(), c.check(), c.detail());
            if (!c.passed() && c.hint() != null) {
                out.printf("%-6s %s%n", "", "-> check on the board: " + c.hint());
            }
        }
        out.println();
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out.println(failed == 0 ? "selftest passed: " + checks.size() + " checks"
                : "selftest FAILED: " + failed + " of " + checks.size() + " checks failed");
        out.flush();
    }
}
