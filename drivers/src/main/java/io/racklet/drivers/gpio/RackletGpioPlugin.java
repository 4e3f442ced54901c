package io.racklet.drivers.gpio;

import com.pi4j.extension.Plugin;
import com.pi4j.extension.PluginService;
import java.nio.file.Files;

/** Registers {@link AdoptingSysfsOutputProvider} on machines that have sysfs GPIO (a Pi). */
public final class RackletGpioPlugin implements Plugin {
    @Override
    public void initialize(PluginService service) {
        if (Files.isWritable(AdoptingSysfsOutputProvider.DEFAULT_PATH.resolve("export"))) {
            service.register(new AdoptingSysfsOutputProvider(AdoptingSysfsOutputProvider.DEFAULT_PATH));
        }
    }
}
