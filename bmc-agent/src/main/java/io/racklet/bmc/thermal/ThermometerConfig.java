package io.racklet.bmc.thermal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The thermometer beside the node on the BMC HAT, whose readings the RMC uses to protect the node.
 *
 * @param chip    tmp102 or tmp117
 * @param bus     I2C bus (default 1)
 * @param address I2C address (default 0x48)
 */
public record ThermometerConfig(Chip chip, Integer bus, Integer address) {
    public enum Chip {
        @JsonProperty("tmp102") TMP102,
        @JsonProperty("tmp117") TMP117
    }

    public ThermometerConfig {
        if (chip == null) chip = Chip.TMP102;
        if (bus == null) bus = 1;
        if (address == null) address = 0x48;
    }
}
