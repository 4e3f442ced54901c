package io.racklet.sim.thermal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * A DS18B20 on the 1-Wire bus as Linux's w1-therm driver shows it: a folder
 * {@code 28-<serial>} holding {@code w1_slave}, whose first line ends in YES when the CRC is good
 * and whose second ends in {@code t=<millidegrees>}. The simulator rewrites it each conversion.
 */
public final class Ds18b20Files {
    private final Path file;
    private final DoubleSupplier celsius;
    private final Random noise;
    private volatile boolean badCrc;
    private volatile boolean unplugged;

    public Ds18b20Files(Path devicesDir, String serial, DoubleSupplier celsius, long seed) {
        this.file = devicesDir.resolve("28-" + serial).resolve("w1_slave");
        this.celsius = celsius;
        this.noise = new Random(seed);
    }

    /** One conversion (the part takes 750 ms at 12 bits). */
    public void convert() throws IOException {
        if (unplugged) {
            Files.deleteIfExists(file);
            return;
        }
        int milli = (int) Math.round((celsius.getAsDouble() + noise.nextGaussian() * 0.05) / 0.0625) * 625 / 10;
        int raw = milli * 16 / 1000;
        String bytes = String.format("%02x %02x 4b 46 7f ff 0c 10 1c", raw & 0xFF, (raw >> 8) & 0xFF);
        String text = bytes + " : crc=1c " + (badCrc ? "NO" : "YES") + "\n" + bytes + " t=" + milli + "\n";
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("w1_slave.tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Path file() {
        return file;
    }

    public void setBadCrc(boolean bad) {
        badCrc = bad;
    }

    public void setUnplugged(boolean u) {
        unplugged = u;
    }
}
