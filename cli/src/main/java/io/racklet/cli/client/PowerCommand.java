package io.racklet.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.config.Entrypoint;
import io.racklet.protocol.message.PowerAction;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code racklet power NODE on|off|cycle|reset}. */
@Command(name = "power", mixinStandardHelpOptions = true, description = "Switch a node on, off, through a cycle (off, wait, on), pulse its reset line, or shut it down gracefully.")
public final class PowerCommand implements Callable<Integer> {
    @Mixin
    ControllerOptions controller = new ControllerOptions();

    @Parameters(index = "0", description = "Node name.")
    String node;

    @Parameters(index = "1", description = "on, off, cycle, reset or shutdown.", converter = ActionConverter.class)
    PowerAction action;

    static final class ActionConverter implements picocli.CommandLine.ITypeConverter<PowerAction> {
        @Override
        public PowerAction convert(String value) {
            return PowerAction.parse(value);
        }
    }

    @Override
    public Integer call() {
        JsonNode answer = controller.client().post("api/v1/nodes/" + node + "/power", Map.of("action", action.toString()));
        if (controller.json()) {
            System.out.println(answer.toPrettyString());
        } else {
            System.out.println(node + ": " + action + " requested (command " + answer.path("command").path("id").asText() + ")");
        }
        return Entrypoint.OK;
    }
}
