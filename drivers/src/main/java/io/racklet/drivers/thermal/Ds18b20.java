package io.racklet.drivers.thermal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maxim DS18B20 through Linux's w1-therm driver: {@code <path>/28-<serial>/w1_slave}, whose
 * first line ends in YES when the CRC matched and whose second ends in {@code t=<millidegrees>}.
 */
public final class Ds18b20 implements Thermometer {
    private final Path file;

    public Ds18b20(Path devices, String serial) {
        this.file = devices.resolve("28-" + serial).resolve("w1_slave");
    }

    @Override
    public double celsius() {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("DS18B20 " + file + " unreadable (unplugged?)", e);
        }
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].trim().endsWith("YES")) {
            throw new IllegalStateException("DS18B20 " + file + ": CRC check failed");
        }
        int at = lines[1].indexOf("t=");
        if (at < 0) throw new IllegalStateException("DS18B20 " + file + ": no t= value");
        double c = Integer.parseInt(lines[1].substring(at + 2).trim()) / 1000.0;
        // 85.000 C is the part's power-on value: a conversion never happened
        if (c == 85.0) throw new IllegalStateException("DS18B20 " + file + " reads its 85 C power-on value");
        return Thermometer.plausible(c, "DS18B20");
    }
}
