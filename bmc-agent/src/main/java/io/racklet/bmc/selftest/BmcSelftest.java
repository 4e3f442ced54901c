package io.racklet.bmc.selftest;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.i2c.I2C;
import io.racklet.bmc.BmcConfig;
import io.racklet.bmc.console.ConsoleConfig;
import io.racklet.bmc.console.JsscSerialLine;
import io.racklet.bmc.energy.Ina219;
import io.racklet.bmc.energy.Ina260;
import io.racklet.bmc.energy.MonitorConfig;
import io.racklet.bmc.energy.PowerMonitor;
import io.racklet.bmc.energy.Reading;
import io.racklet.bmc.power.GpioLines;
import io.racklet.bmc.power.PowerConfig;
import io.racklet.bmc.power.PowerSwitch;
import io.racklet.bmc.thermal.ThermometerConfig;
import io.racklet.drivers.selftest.HeaderPins;
import io.racklet.drivers.selftest.SelftestReport;
import io.racklet.drivers.thermal.Thermometer;
import io.racklet.drivers.thermal.Tmp102;
import io.racklet.drivers.thermal.Tmp117;
import java.util.function.Supplier;

/**
 * Checks a BMC HAT's wiring through the same Pi4J, drivers and jssc the agent uses: the power
 * monitor and thermometer answer with the right IDs and plausible readings, the node's lines can
 * be driven, the console UART opens. Nothing is toggled: the enable line is rewritten at the
 * level it has, reset and shutdown are written released, so a running node is not disturbed.
 */
public final class BmcSelftest {
    private final BmcConfig config;
    private final Supplier<Context> pi4j;

    public BmcSelftest(BmcConfig config, Supplier<Context> pi4j) {
        this.config = config;
        this.pi4j = pi4j;
    }

    public SelftestReport run() {
        SelftestReport report = new SelftestReport("racklet-bmc selftest: rack " + config.rack() + ", node " + config.node());
        Context[] ctx = new Context[1];
        boolean platform = report.run("Pi4J platform", "loads GPIO and I2C providers",
                "the racklet-bmc package's Pi4J plugins (gpiod, linuxfs); /dev/gpiochip0 and /dev/i2c-1 exist "
                        + "(dtparam=i2c_arm=on in /boot/firmware/config.txt)", () -> {
                    ctx[0] = pi4j.get();
                    return "GPIO " + ctx[0].provider(IOType.DIGITAL_OUTPUT).id() + ", I2C " + ctx[0].provider(IOType.I2C).id();
                });
        monitor(report, platform ? ctx[0] : null);
        if (config.thermometer() != null) thermometer(report, platform ? ctx[0] : null, config.thermometer());
        lines(report, platform ? ctx[0] : null, config.power());
        console(report, config.console());
        return report;
    }

    private void monitor(SelftestReport report, Context ctx) {
        MonitorConfig m = config.monitor();
        String part = m.chip().name() + " " + where(m.bus(), m.address());
        String hint = "the " + m.chip().name() + " on the BMC HAT: " + HeaderPins.i2c(m.bus())
                + String.format("; its address pins must give 0x%02x (i2cdetect -y %d should list %02x)", m.address(), m.bus(), m.address())
                + (m.chip() == MonitorConfig.Chip.INA219 ? "; the shunt (" + m.shuntOhms() + " ohm) in the node's 5 V line" : "");
        if (ctx == null) {
            report.skipped(part, "answers with its ID", "no Pi4J platform", hint);
            return;
        }
        PowerMonitor[] monitor = new PowerMonitor[1];
        boolean ok = report.run(part, "answers with its ID", hint, () -> {
            I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("selftest-monitor").bus(m.bus()).device(m.address()).build());
            return switch (m.chip()) {
                case INA219 -> {
                    Ina219 ina = new Ina219(i2c, m.shuntOhms(), m.maxAmps());
                    monitor[0] = ina;
                    yield ina.identify();
                }
                case INA260 -> {
                    Ina260 ina = new Ina260(i2c);
                    monitor[0] = ina;
                    yield ina.identify();
                }
            };
        });
        if (!ok) return;
        report.run(part, "measures the node's rail", hint, () -> {
            monitor[0].configure();
            Reading r = monitor[0].read();
            return String.format("%.3f V, %.3f A, %.2f W", r.volts(), r.amps(), r.watts());
        });
    }

    private static void thermometer(SelftestReport report, Context ctx, ThermometerConfig t) {
        String part = t.chip().name() + " " + where(t.bus(), t.address());
        String hint = "the " + t.chip().name() + " beside the node: " + HeaderPins.i2c(t.bus())
                + String.format("; ADD0 wired for 0x%02x (i2cdetect -y %d should list %02x)", t.address(), t.bus(), t.address());
        if (ctx == null) {
            report.skipped(part, "answers with its ID", "no Pi4J platform", hint);
            return;
        }
        Thermometer[] sensor = new Thermometer[1];
        boolean ok = report.run(part, "answers with its ID", hint, () -> {
            I2C i2c = ctx.create(I2C.newConfigBuilder(ctx).id("selftest-thermometer").bus(t.bus()).device(t.address()).build());
            return switch (t.chip()) {
                case TMP102 -> {
                    Tmp102 s = new Tmp102(i2c);
                    sensor[0] = s;
                    yield s.identify();
                }
                case TMP117 -> {
                    Tmp117 s = new Tmp117(i2c);
                    sensor[0] = s;
                    yield s.identify();
                }
            };
        });
        if (ok) report.run(part, "reads a plausible temperature", hint, () -> String.format("%.2f C", sensor[0].celsius()));
    }

    private static void lines(SelftestReport report, Context ctx, PowerConfig p) {
        String common = "; the line is not claimed by another process or a dtoverlay, and the racklet user is in group gpio";
        String enable = "enable " + HeaderPins.describe(p.enableLine());
        String enableHint = HeaderPins.describe(p.enableLine()) + " to the load switch's EN input ("
                + (p.activeHigh() ? "active-high" : "active-low") + ")" + common;
        if (ctx == null) {
            report.skipped(enable, "writable", "no Pi4J platform", enableHint);
        } else {
            report.run(enable, "writable", enableHint, () -> {
                PowerSwitch sw = GpioLines.enable(ctx, p);
                boolean on = sw.isOn();
                sw.set(on);
                if (sw.isOn() != on) throw new IllegalStateException("the line did not keep the level written to it");
                return "node power " + (on ? "on" : "off") + ", rewritten at that level";
            });
        }
        if (p.resetLine() != null) {
            signal(report, ctx, "reset " + HeaderPins.describe(p.resetLine()),
                    HeaderPins.describe(p.resetLine()) + " to the node's RUN pad through the HAT's transistor" + common,
                    () -> GpioLines.reset(ctx, p).hold(false));
        }
        if (p.shutdownLine() != null) {
            signal(report, ctx, "shutdown " + HeaderPins.describe(p.shutdownLine()),
                    HeaderPins.describe(p.shutdownLine()) + " to the node's GPIO3 (header pin 5) through the HAT's transistor" + common,
                    () -> GpioLines.shutdown(ctx, p).hold(false));
        }
    }

    private static void signal(SelftestReport report, Context ctx, String part, String hint, Runnable release) {
        if (ctx == null) {
            report.skipped(part, "writable", "no Pi4J platform", hint);
            return;
        }
        report.run(part, "writable", hint, () -> {
            release.run();
            return "written released";
        });
    }

    private static void console(SelftestReport report, ConsoleConfig c) {
        if (!c.enabled()) return;
        String part = "console " + c.device();
        report.run(part, "UART opens", "enable_uart=1 in /boot/firmware/config.txt and no serial login on the BMC "
                + "(console=serial0 removed from cmdline.txt); the racklet user is in group dialout; TX "
                + HeaderPins.describe(14) + " to the node's RX, RX " + HeaderPins.describe(15) + " to the node's TX, common GND", () -> {
                    JsscSerialLine line = new JsscSerialLine(c.device(), c.baud());
                    line.open();
                    line.close();
                    return "opened at " + c.baud() + " 8N1";
                });
    }

    private static String where(int bus, int address) {
        return String.format("i2c-%d 0x%02x", bus, address);
    }
}
