package io.racklet.mqtt;

import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's one MQTT client, used by every agent and the controller. It keeps Paho's known
 * pitfalls in one place: explicit in-memory persistence, our own reconnect loop (jittered
 * exponential back-off, bounded connect attempts) instead of Paho's, resubscription after every
 * reconnect from our own thread (never inside Paho's callback), the availability will, and a
 * bounded close. Handlers run on Paho's delivery thread and must be quick.
 */
public final class MqttConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
    static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final MqttSettings settings;
    private final Will will;
    private final String onlinePayload;
    private final MqttAsyncClient client;
    private final ExecutorService worker;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    /** QoS 1 messages published while disconnected, sent in order on (re)connect; oldest dropped past the bound. */
    private final java.util.ArrayDeque<Pending> outbox = new java.util.ArrayDeque<>();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean everConnected;

    private record Subscription(int qos, BiConsumer<String, byte[]> handler) {}

    private record Pending(String topic, byte[] payload, boolean retained) {}

    /** How many QoS 1 messages are held while the broker is away (an on-disk spool comes with issue 11). */
    static final int OUTBOX_LIMIT = 10_000;

    /**
     * @param clientId      unique per agent, e.g. {@code bmc-demo-node-1}
     * @param will          availability topic; {@code offline} is its last will, {@code onlinePayload}
     *                      is published retained after each connect
     */
    public MqttConnection(MqttSettings settings, String clientId, Will will, String onlinePayload) {
        this.settings = settings;
        this.will = will;
        this.onlinePayload = onlinePayload;
        try {
            client = new MqttAsyncClient(settings.url(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client for " + settings.url() + ": " + e.getMessage(), e);
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mqtt-" + clientId);
            t.setDaemon(true);
            return t;
        });
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                log.warn("MQTT connection to {} lost: {}", settings.url(), cause == null ? "closed" : cause.getMessage());
                worker.execute(() -> connectLoop());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                deliver(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    }

    /**
     * The connection of an agent or the controller: client id {@code <role>-<rack>[-<node>]} and
     * the availability will on {@code racklet/<rack>/<name>/availability}.
     */
    public static MqttConnection forAgent(MqttSettings settings, String role, String rack, String name) {
        String clientId = role + "-" + rack + (name.equals(role) ? "" : "-" + name);
        return new MqttConnection(settings, clientId,
                new Will(Topics.topic(rack, name, TopicKind.AVAILABILITY),
                        "offline"), "online");
    }

    /** Starts connecting in the background; returns at once. Reconnects forever until closed. */
    public MqttConnection start() {
        worker.execute(this::connectLoop);
        return this;
    }

    /** Blocks until connected or the timeout passes; true if connected. For start-up and tests. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!client.isConnected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return client.isConnected();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Publishes if connected. Otherwise a QoS 0 message is dropped and counted, and a QoS 1 message
     * (state, events) is held and sent, in order, once connected again.
     */
    public boolean publish(String topic, byte[] payload, int qos, boolean retained) {
        if (!client.isConnected()) {
            if (qos > 0) {
                synchronized (outbox) {
                    if (outbox.size() == OUTBOX_LIMIT) {
                        outbox.removeFirst();
                        dropped.incrementAndGet();
                    }
                    outbox.addLast(new Pending(topic, payload, retained));
                }
                return true;
            }
            dropped.incrementAndGet();
            return false;
        }
        try {
            client.publish(topic, payload, qos, retained);
            return true;
        } catch (MqttException e) {
            dropped.incrementAndGet();
            log.debug("MQTT publish to {} failed: {}", topic, e.getMessage());
            return false;
        }
    }

    public boolean publish(String topic, String payload, int qos, boolean retained) {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    /** Subscribes now if connected, and again after every reconnect. */
    public void subscribe(String filter, int qos, BiConsumer<String, byte[]> handler) {
        subscriptions.put(filter, new Subscription(qos, handler));
        if (client.isConnected()) {
            worker.execute(() -> subscribeOne(filter, qos));
        }
    }

    /**
     * Runs after every (re)connect, on the connection's own thread: for re-publishing retained
     * state that a restarted broker may have lost.
     */
    public void onConnected(Runnable listener) {
        connectListeners.add(listener);
    }

    /** Messages not sent because the broker was away (until the spool of a later issue keeps them). */
    public long droppedCount() {
        return dropped.get();
    }

    public long reconnectCount() {
        return reconnects.get();
    }

    private void connectLoop() {
        Duration backoff = MIN_BACKOFF;
        while (!closed && !client.isConnected()) {
            try {
                client.connect(options()).waitForCompletion(settings.connectTimeout().toMillis());
            } catch (MqttException e) {
                log.debug("MQTT connect to {} failed: {}", settings.url(), e.getMessage());
            }
            if (client.isConnected()) {
                break;
            }
            abandonAttempt();
            sleep(jitter(backoff));
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        if (closed || !client.isConnected()) {
            return;
        }
        if (everConnected) {
            reconnects.incrementAndGet();
        }
        everConnected = true;
        log.info("MQTT connected to {}", settings.url());
        subscriptions.forEach((filter, s) -> subscribeOne(filter, s.qos()));
        drainOutbox();
        if (will != null) {
            publish(will.topic(), onlinePayload, 1, true);
        }
        for (Runnable l : connectListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.error("connect listener failed", e);
            }
        }
    }

    private void drainOutbox() {
        while (client.isConnected()) {
            Pending p;
            synchronized (outbox) {
                p = outbox.pollFirst();
            }
            if (p == null) return;
            if (!publish(p.topic(), p.payload(), 1, p.retained())) return;
        }
    }

    /** A connect that timed out may still be pending inside Paho: drop it before trying again. */
    private void abandonAttempt() {
        try {
            client.disconnectForcibly(0, 100, false);
        } catch (MqttException | RuntimeException ignored) {
            // nothing was connected
        }
    }

    private void subscribeOne(String filter, int qos) {
        try {
            client.subscribe(filter, qos).waitForCompletion(settings.connectTimeout().toMillis());
        } catch (MqttException e) {
            log.warn("MQTT subscribe to {} failed: {}", filter, e.getMessage());
        }
    }

    private void deliver(String topic, byte[] payload) {
        subscriptions.forEach((filter, s) -> {
            if (matches(filter, topic)) {
                try {
                    s.handler().accept(topic, payload);
                } catch (RuntimeException e) {
                    // a handler bug must not kill Paho's delivery thread and with it the connection
                    log.error("handler for {} failed on {}", filter, topic, e);
                }
            }
        });
    }

    /** MQTT topic filter matching with '+' and '#'. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) return true;
            if (i >= t.length) return false;
            if (!f[i].equals("+") && !f[i].equals(t[i])) return false;
        }
        return f.length == t.length;
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        o.setKeepAliveInterval((int) Math.max(1, settings.keepAlive().toSeconds()));
        o.setMaxInflight(1000);
        if (settings.tls() != null) {
            o.setSocketFactory(TlsSockets.factory(settings.tls()));
            o.setHttpsHostnameVerificationEnabled(true); // the broker's certificate must name the host we dial
        }
        if (will != null) {
            o.setWill(will.topic(), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        }
        return o;
    }

    private static Duration jitter(Duration d) {
        // full jitter between half and the whole back-off: agents restarted together do not reconnect in lockstep
        long ms = d.toMillis();
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /**
     * Publishes "offline" on purpose (the will covers crashes), disconnects and closes, all
     * bounded in time and off the caller's thread, since Paho's disconnect can block.
     */
    @Override
    public void close() {
        closed = true;
        Thread closer = new Thread(() -> {
            try {
                if (client.isConnected()) {
                    if (will != null) {
                        client.publish(will.topic(), "offline".getBytes(StandardCharsets.UTF_8), 1, true)
                                .waitForCompletion(1000);
                    }
                    client.disconnect(500).waitForCompletion(1000);
                }
            } catch (MqttException | RuntimeException e) {
                log.debug("MQTT disconnect: {}", e.getMessage());
            }
            try {
                client.close(true);
            } catch (MqttException | RuntimeException e) {
                log.debug("MQTT close: {}", e.getMessage());
            }
        }, "mqtt-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
