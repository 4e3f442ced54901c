package io.racklet.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Virtual time: nothing happens until {@link #advance} is called, then due tasks run in time
 * order on the caller's thread. An hour of rack behaviour runs in milliseconds, the same every run.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>((a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private Instant now;
    private long order;

    public ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        return enqueue(now.plus(delay), null, task, new AtomicBoolean());
    }

    @Override
    public synchronized Cancellable every(Duration initialDelay, Duration period, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return enqueue(now.plus(initialDelay), period, task, new AtomicBoolean());
    }

    private Cancellable enqueue(Instant due, Duration period, Runnable action, AtomicBoolean cancelled) {
        queue.add(new Task(due, period, action, order++, cancelled));
        return () -> cancelled.set(true);
    }

    /** Moves time forward by {@code step}, running every task that falls due on the way. */
    public void advance(Duration step) {
        Instant end;
        synchronized (this) {
            end = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(end)) {
                    now = end;
                    return;
                }
                queue.poll();
                now = next.due;
                if (next.period != null && !next.cancelled.get()) {
                    enqueue(next.due.plus(next.period), next.period, next.action, next.cancelled);
                }
            }
            if (!next.cancelled.get()) {
                next.action.run();
            }
        }
    }

    private record Task(Instant due, Duration period, Runnable action, long order, AtomicBoolean cancelled) {}
}
