package io.racklet.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** MqttConnection against a real Moquette broker on loopback. */
class MqttConnectionTest {
    private static final String AVAILABILITY = "racklet/demo/node-1/availability";
    /** Upper bound for anything asynchronous to happen; tests normally finish far sooner. */
    private static final long WAIT_SECONDS = 20;

    private int port;
    private Server broker;
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @BeforeAll
    static void quietLogs() {
        // Moquette and Netty log every packet at DEBUG; keep our own connect attempts for diagnosis
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.racklet")).setLevel(Level.DEBUG);
    }

    @BeforeEach
    void startBroker() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = startBroker(port);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeAfter) c.close();
        if (broker != null) broker.stopServer();
    }

    private static Server startBroker(int port) throws IOException {
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.BUFFER_FLUSH_MS_PROPERTY_NAME, Integer.toString(BrokerConstants.IMMEDIATE_BUFFER_FLUSH));
        Server s = new Server();
        s.startServer(new MemoryConfig(p));
        return s;
    }

    private MqttConnection connection(String clientId, int toPort, Will will) {
        // default connect timeout and keep-alive: shorter ones make a starved client miss its pings on a
        // loaded machine, and the broker drops it mid-test (the tests cut connections by closing sockets)
        MqttSettings settings = new MqttSettings("tcp://127.0.0.1:" + toPort, Duration.ofSeconds(5), Duration.ofSeconds(10));
        MqttConnection c = new MqttConnection(settings, clientId, will, "online");
        closeAfter.add(0, c); // closed before the broker stops
        return c;
    }

    /** Subscribes before starting, and returns once connected with the subscriptions in place. */
    private MqttConnection subscriber(String clientId, String filter, BlockingQueue<String> into) throws InterruptedException {
        MqttConnection c = connection(clientId, port, null);
        c.subscribe(filter, 1, (topic, payload) -> into.add(topic + "=" + new String(payload, StandardCharsets.UTF_8)));
        startAndAwaitListeners(c);
        return c;
    }

    /** Connect listeners run after subscriptions and the "online" publish: a safe point to go on from. */
    private static void startAndAwaitListeners(MqttConnection c) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        c.onConnected(connected::countDown);
        c.start();
        assertThat(connected.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("connected").isTrue();
    }

    private static String next(BlockingQueue<String> q) throws InterruptedException {
        String s = q.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(s).as("a message within %ss", WAIT_SECONDS).isNotNull();
        return s;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void plusAndHashFiltersReceiveWhatTheyMatch() throws Exception {
        BlockingQueue<String> plus = new LinkedBlockingQueue<>();
        BlockingQueue<String> hash = new LinkedBlockingQueue<>();
        subscriber("sub-plus", "racklet/demo/+/telemetry", plus);
        subscriber("sub-hash", "racklet/demo/#", hash);
        MqttConnection pub = connection("pub", port, null);
        startAndAwaitListeners(pub);

        assertThat(pub.publish("racklet/demo/node-1/telemetry", "t1", 1, false)).isTrue();
        pub.publish("racklet/demo/node-1/state", "s1", 1, false);
        pub.publish("racklet/other/node-1/telemetry", "x", 1, false);
        pub.publish("racklet/demo/zz/telemetry", "end", 1, false); // matches both: marks the end

        assertThat(List.of(next(plus), next(plus)))
                .containsExactly("racklet/demo/node-1/telemetry=t1", "racklet/demo/zz/telemetry=end");
        assertThat(List.of(next(hash), next(hash), next(hash))).containsExactly(
                "racklet/demo/node-1/telemetry=t1", "racklet/demo/node-1/state=s1", "racklet/demo/zz/telemetry=end");
        assertThat(plus).isEmpty();
        assertThat(hash).isEmpty();
    }

    @Test
    void overlappingFiltersOfOneConnectionEachGetAMessageOnce() throws Exception {
        BlockingQueue<String> plus = new LinkedBlockingQueue<>();
        BlockingQueue<String> hash = new LinkedBlockingQueue<>();
        MqttConnection sub = connection("sub", port, null);
        sub.subscribe("racklet/demo/+/telemetry", 1, (t, p) -> plus.add(t));
        sub.subscribe("racklet/demo/#", 1, (t, p) -> hash.add(t));
        startAndAwaitListeners(sub);
        MqttConnection pub = connection("pub", port, null);
        startAndAwaitListeners(pub);

        pub.publish("racklet/demo/node-1/telemetry", "t", 1, false);
        pub.publish("racklet/demo/node-1/state", "end", 1, false); // '#' only: arrives after any duplicate of the first

        assertThat(next(plus)).isEqualTo("racklet/demo/node-1/telemetry");
        assertThat(List.of(next(hash), next(hash)))
                .containsExactly("racklet/demo/node-1/telemetry", "racklet/demo/node-1/state");
        assertThat(plus).isEmpty();
        assertThat(hash).isEmpty();
    }

    @Test
    void failingHandlerDoesNotStopDelivery() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        AtomicInteger calls = new AtomicInteger();
        MqttConnection sub = connection("sub", port, null);
        sub.subscribe("racklet/demo/#", 1, (t, p) -> {
            got.add(new String(p, StandardCharsets.UTF_8));
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("handler bug");
        });
        startAndAwaitListeners(sub);
        MqttConnection pub = connection("pub", port, null);
        startAndAwaitListeners(pub);

        pub.publish("racklet/demo/a/state", "1", 1, false);
        pub.publish("racklet/demo/a/state", "2", 1, false);

        assertThat(List.of(next(got), next(got))).containsExactly("1", "2");
        assertThat(sub.isConnected()).isTrue();
    }

    @Test
    void onlineIsRetainedAfterStartAndCloseLeavesOfflineRetained() throws Exception {
        MqttConnection agent = connection("agent", port, new Will(AVAILABILITY, "offline"));
        startAndAwaitListeners(agent);

        // subscribed after the fact: only a retained message can arrive
        BlockingQueue<String> early = new LinkedBlockingQueue<>();
        subscriber("observer-1", AVAILABILITY, early);
        assertThat(next(early)).isEqualTo(AVAILABILITY + "=online");

        agent.close();
        assertThat(next(early)).isEqualTo(AVAILABILITY + "=offline");

        BlockingQueue<String> late = new LinkedBlockingQueue<>();
        subscriber("observer-2", AVAILABILITY, late);
        assertThat(next(late)).isEqualTo(AVAILABILITY + "=offline");
    }

    @Test
    void killedConnectionTriggersTheWillThenReconnectsOnline() throws Exception {
        try (TcpProxy proxy = new TcpProxy(port)) {
            MqttConnection agent = connection("agent", proxy.port(), new Will(AVAILABILITY, "offline"));
            startAndAwaitListeners(agent);
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            subscriber("observer", AVAILABILITY, seen);
            assertThat(next(seen)).isEqualTo(AVAILABILITY + "=online");

            // the network drops without a DISCONNECT: the broker publishes the will
            proxy.killConnections();

            assertThat(next(seen)).isEqualTo(AVAILABILITY + "=offline");
            assertThat(next(seen)).isEqualTo(AVAILABILITY + "=online");
            await("reconnected", () -> agent.isConnected() && agent.reconnectCount() >= 1);
        }
    }

    @Test
    void reconnectsToARestartedBrokerAndResubscribes() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        AtomicInteger connects = new AtomicInteger();
        MqttConnection sub = connection("sub", port, null);
        sub.subscribe("racklet/demo/#", 1, (t, p) -> got.add(new String(p, StandardCharsets.UTF_8)));
        sub.onConnected(connects::incrementAndGet);
        sub.start();
        await("first connect", () -> connects.get() == 1);

        broker.stopServer();
        broker = null;
        await("connection lost", () -> !sub.isConnected());
        // while away: QoS 0 is dropped and counted, QoS 1 is held for the reconnect
        assertThat(sub.publish("racklet/demo/a/telemetry", "lost", 0, false)).isFalse();
        assertThat(sub.publish("racklet/demo/a/events", "held", 1, false)).isTrue();
        assertThat(sub.droppedCount()).isEqualTo(1);

        broker = startBroker(port);
        await("reconnected with listeners run", () -> connects.get() == 2);
        assertThat(sub.isConnected()).isTrue();
        assertThat(sub.reconnectCount()).isEqualTo(1);

        // the held message went out after resubscribing, so this connection hears it itself
        assertThat(next(got)).isEqualTo("held");

        MqttConnection pub = connection("pub", port, null);
        startAndAwaitListeners(pub);
        pub.publish("racklet/demo/a/state", "after restart", 1, false);
        assertThat(next(got)).isEqualTo("after restart");
        assertThat(got).isEmpty();
    }

    @Test
    void beforeConnectingQos0IsDroppedAndCountedAndQos1IsHeld() {
        MqttConnection c = connection("idle", port, null);
        assertThat(c.publish("racklet/demo/a/telemetry", "x", 0, false)).isFalse();
        assertThat(c.droppedCount()).isEqualTo(1);
        assertThat(c.publish("racklet/demo/a/events", "y", 1, false)).isTrue();
        assertThat(c.droppedCount()).isEqualTo(1);
        assertThat(c.isConnected()).isFalse();
    }

    @Test
    void messagesHeldBeforeTheFirstConnectAreSentInOrderOnConnect() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        subscriber("observer", "racklet/demo/#", got);
        MqttConnection agent = connection("agent", port, null);
        agent.publish("racklet/demo/a/events", "e1", 1, false);
        agent.publish("racklet/demo/a/state", "s1", 1, true);
        agent.publish("racklet/demo/a/events", "e2", 1, false);

        startAndAwaitListeners(agent);

        assertThat(List.of(next(got), next(got), next(got))).containsExactly(
                "racklet/demo/a/events=e1", "racklet/demo/a/state=s1", "racklet/demo/a/events=e2");
    }

    /** A loopback TCP forwarder whose connections can be cut, as a pulled cable or a killed process would. */
    static final class TcpProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final int target;

        TcpProxy(int target) throws IOException {
            this.target = target;
            Thread t = new Thread(this::acceptLoop, "test-proxy-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // a side went away
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "test-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        void killConnections() {
            sockets.forEach(TcpProxy::closeQuietly);
            sockets.clear();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            killConnections();
        }
    }
}
