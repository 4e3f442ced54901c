package io.racklet.systemd;

import info.faljse.SDNotify.SDNotify;
import io.racklet.time.Scheduler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Racklet process tells systemd when it runs as a {@code Type=notify} unit: ready, alive
 * (the watchdog), stopping. sd_notify is a datagram on a Unix socket, which the JDK's Unix
 * sockets (stream only) cannot send, so it goes through SDNotify (JNA). Outside systemd, or when
 * the unit wants no notifications, every call does nothing.
 */
public final class ServiceNotifier {
    private static final Logger log = LoggerFactory.getLogger(ServiceNotifier.class);
    private static final ServiceNotifier NONE = new ServiceNotifier(false, null);

    private final boolean enabled;
    private final Duration watchdog;

    private ServiceNotifier(boolean enabled, Duration watchdog) {
        this.enabled = enabled;
        this.watchdog = watchdog;
    }

    /** Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID as systemd sets them for the unit's main process. */
    public static ServiceNotifier fromEnvironment() {
        String socket = System.getenv("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) return NONE;
        if (socket.startsWith("@")) {
            // SDNotify connects to paths only; systemd's own socket (/run/systemd/notify) is one
            log.warn("NOTIFY_SOCKET {} is an abstract socket, which is not supported: systemd will not hear from this process", socket);
            return NONE;
        }
        Duration watchdog = null;
        String usec = System.getenv("WATCHDOG_USEC");
        String pid = System.getenv("WATCHDOG_PID");
        if (usec != null && !usec.isEmpty() && (pid == null || pid.isEmpty() || pid.equals(Long.toString(ProcessHandle.current().pid())))) {
            try {
                watchdog = Duration.ofNanos(Long.parseLong(usec) * 1000);
            } catch (NumberFormatException e) {
                log.warn("ignoring WATCHDOG_USEC '{}': not a number", usec);
            }
        }
        return new ServiceNotifier(true, watchdog);
    }

    /** The unit's watchdog timeout, or null when the unit has none. */
    public Duration watchdog() {
        return watchdog;
    }

    /** The service is up (systemd starts the units ordered after it). */
    public void ready(String status) {
        if (!enabled) return;
        SDNotify.sendRaw("READY=1\nSTATUS=" + status);
    }

    /**
     * Pings the watchdog at half its timeout from {@code loop}'s own thread: a loop that hangs
     * stops the pings, and systemd restarts the process (Restart=on-failure).
     */
    public Scheduler.Cancellable keepAlive(Scheduler loop) {
        if (!enabled || watchdog == null) return () -> {};
        Duration half = watchdog.dividedBy(2);
        return loop.every(Duration.ZERO, half, SDNotify::sendWatchdog);
    }

    public void stopping() {
        if (!enabled) return;
        SDNotify.sendStopping();
    }
}
