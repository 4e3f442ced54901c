package io.racklet.time;

import java.time.Duration;
import java.time.InstantSource;

/**
 * The only source of time and timers for agents, models and the controller. Injected so that
 * simulations and tests run in virtual time ({@link ManualScheduler}), deterministically and fast.
 */
public interface Scheduler extends InstantSource {

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, first after {@code initialDelay}. */
    Cancellable every(Duration initialDelay, Duration period, Runnable task);

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
