package io.racklet.bmc.energy;

/** Min, mean and max of the readings of one publish interval. */
final class IntervalStats {
    private int n;
    private double volts, amps, watts, wattsMin = Double.MAX_VALUE, wattsMax = -Double.MAX_VALUE;

    void add(Reading r) {
        n++;
        volts += r.volts();
        amps += r.amps();
        watts += r.watts();
        wattsMin = Math.min(wattsMin, r.watts());
        wattsMax = Math.max(wattsMax, r.watts());
    }

    int count() {
        return n;
    }

    double meanVolts() {
        return volts / n;
    }

    double meanAmps() {
        return amps / n;
    }

    double meanWatts() {
        return watts / n;
    }

    double minWatts() {
        return wattsMin;
    }

    double maxWatts() {
        return wattsMax;
    }
}
