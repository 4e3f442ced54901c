package io.racklet.drivers.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.exception.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Digital outputs on Linux's sysfs GPIO that adopt a line as they find it. Pi4J 2.8's linuxfs
 * provider writes "out" to a line's direction whenever an output is created, which the kernel
 * treats as "drive low": a restarted BMC agent would cut a running node's power. Here a line that
 * is already an output is left alone, and an input becomes an output at the level it reads
 * ("high"/"low" written atomically), so creating an output never changes what the line drives.
 */
public final class AdoptingSysfsOutputProvider extends DigitalOutputProviderBase {
    public static final String ID = "racklet-sysfs-digital-output";
    public static final Path DEFAULT_PATH = Path.of("/sys/class/gpio");
    private final Path root;

    public AdoptingSysfsOutputProvider(Path root) {
        super(ID, "Racklet sysfs GPIO output (adopts the line's state)");
        this.root = root;
    }

    @Override
    public int getPriority() {
        return 500;
    }

    @Override
    public DigitalOutput create(DigitalOutputConfig config) {
        DigitalOutput output = new Output(this, config, root.resolve("gpio" + config.address()), root);
        context.registry().add(output);
        return output;
    }

    static final class Output extends DigitalOutputBase {
        private final Path line;
        private final Path root;

        Output(DigitalOutputProvider provider, DigitalOutputConfig config, Path line, Path root) {
            super(provider, config);
            this.line = line;
            this.root = root;
        }

        @Override
        public DigitalOutput initialize(com.pi4j.context.Context context) {
            try {
                if (!Files.exists(line)) {
                    Files.writeString(root.resolve("export"), Integer.toString(config().address()));
                }
                String direction = Files.readString(line.resolve("direction")).trim();
                if (!direction.equals("out")) {
                    // becomes an output at the level it reads: no edge on the wire
                    boolean high = Files.readString(line.resolve("value")).trim().equals("1");
                    Files.writeString(line.resolve("direction"), high ? "high" : "low");
                }
            } catch (java.io.IOException e) {
                throw new IOException("cannot adopt GPIO " + config().address() + " at " + line + ": " + e.getMessage());
            }
            // deliberately no initial state: whatever config asks, the line keeps its level
            return this;
        }

        @Override
        public DigitalOutput state(DigitalState state) {
            try {
                Files.writeString(line.resolve("value"), state.isHigh() ? "1" : "0");
            } catch (java.io.IOException e) {
                throw new IOException("cannot write GPIO " + config().address() + ": " + e.getMessage());
            }
            return super.state(state);
        }

        @Override
        public DigitalState state() {
            try {
                return Files.readString(line.resolve("value")).trim().equals("1") ? DigitalState.HIGH : DigitalState.LOW;
            } catch (java.io.IOException e) {
                throw new IOException("cannot read GPIO " + config().address() + ": " + e.getMessage());
            }
        }

        @Override
        public DigitalOutput shutdown(com.pi4j.context.Context context) {
            // no unexport and no shutdown level: the node keeps what the BMC last set
            return this;
        }
    }
}
