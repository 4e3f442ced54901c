package io.racklet.controller.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.racklet.controller.ingest.RackIngest;
import io.racklet.controller.rack.NodeView;
import io.racklet.controller.rack.RackView;
import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.message.RackTelemetry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rack in Prometheus text format, built from the controller's current view at each scrape:
 * base units in names ({@code _watts}, {@code _volts}, {@code _amperes}, {@code _celsius},
 * {@code _joules_total}), one series per node, fan or sensor.
 */
public final class RackMetrics {
    private final RackView rack;
    private final RackIngest ingest;
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public RackMetrics(RackView rack, RackIngest ingest) {
        this.rack = rack;
        this.ingest = ingest;
    }

    public String contentType() {
        return writer.getContentType();
    }

    public String scrape() {
        List<NodeView> nodes = rack.nodes();
        MetricSnapshots.Builder all = MetricSnapshots.builder()
                .metricSnapshot(nodeGauge(nodes, "racklet_node_power_watts", "Mean power into the node over the last interval", NodeView::watts))
                .metricSnapshot(nodeGauge(nodes, "racklet_node_voltage_volts", "Voltage of the node's 5 V rail", NodeView::volts))
                .metricSnapshot(nodeGauge(nodes, "racklet_node_current_amperes", "Current into the node", NodeView::amps))
                .metricSnapshot(nodeGauge(nodes, "racklet_node_powered", "1 if the node's rail is on", n -> n.power() == PowerState.ON ? 1 : 0))
                .metricSnapshot(nodeGauge(nodes, "racklet_node_bmc_up", "1 if the node's BMC agent is connected", n -> n.online() ? 1 : 0));
        GaugeSnapshot.Builder temps = GaugeSnapshot.builder().name("racklet_node_temperature_celsius")
                .help("Temperature beside the node");
        CounterSnapshot.Builder energy = CounterSnapshot.builder().name("racklet_node_energy_joules")
                .help("The node's energy counter (the BMC keeps it across restarts)");
        for (NodeView n : nodes) {
            if (n.celsius() != null) {
                temps.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(node(n)).value(n.celsius()).build());
            }
            if (n.updatedAt() != null) {
                energy.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(node(n)).value(n.energyWh() * 3600).build());
            }
        }
        all.metricSnapshot(temps.build()).metricSnapshot(energy.build());
        rack.rackTelemetry().ifPresent(t -> rackMetrics(t, all));
        all.metricSnapshot(counter("racklet_controller_messages_received", "MQTT messages the controller received", ingest.receivedCount()));
        all.metricSnapshot(counter("racklet_controller_messages_malformed", "MQTT messages dropped as malformed", ingest.malformedCount()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, all.build(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void rackMetrics(RackTelemetry t, MetricSnapshots.Builder all) {
        all.metricSnapshot(gauge("racklet_rack_power_watts", "The rack's draw: sum of its nodes' power", t.watts()));
        if (t.budgetWatts() != null) {
            all.metricSnapshot(gauge("racklet_rack_power_budget_watts", "The rack's power budget", t.budgetWatts()));
        }
        GaugeSnapshot.Builder rpm = GaugeSnapshot.builder().name("racklet_fan_speed_rpm").help("Fan speed from its tachometer");
        GaugeSnapshot.Builder duty = GaugeSnapshot.builder().name("racklet_fan_duty_ratio").help("Fan PWM duty, 0 to 1");
        for (RackTelemetry.Fan f : t.fans()) {
            rpm.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("fan", f.name())).value(f.rpm()).build());
            duty.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("fan", f.name())).value(f.duty() / 100).build());
        }
        GaugeSnapshot.Builder air = GaugeSnapshot.builder().name("racklet_rack_temperature_celsius").help("Rack air temperature by sensor");
        for (RackTelemetry.Sensor s : t.sensors()) {
            if (s.celsius() != null) {
                air.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("sensor", s.name())).value(s.celsius()).build());
            }
        }
        all.metricSnapshot(rpm.build()).metricSnapshot(duty.build()).metricSnapshot(air.build());
    }

    private static Labels node(NodeView n) {
        return Labels.of("node", n.name());
    }

    private static GaugeSnapshot nodeGauge(List<NodeView> nodes, String name, String help, ToDoubleFunction<NodeView> value) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        nodes.forEach(n -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(node(n)).value(value.applyAsDouble(n)).build()));
        return b.build();
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static CounterSnapshot counter(String name, String help, double value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()).build();
    }
}
