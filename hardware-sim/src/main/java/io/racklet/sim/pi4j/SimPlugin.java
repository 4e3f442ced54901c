package io.racklet.sim.pi4j;

import com.pi4j.extension.Plugin;
import com.pi4j.extension.PluginService;
import io.racklet.sim.link.RemoteBoard;
import java.nio.file.Path;

/**
 * Found by Pi4J's plugin loader. When the environment names a simulated world and a board
 * ({@value #WORLD_ENV}, {@value #BOARD_ENV}), every IO an agent creates with
 * {@code Pi4J.newAutoContext()} goes to that board; otherwise it registers nothing. The agent
 * cannot tell: it only ever sees Pi4J.
 */
public final class SimPlugin implements Plugin {
    public static final String WORLD_ENV = "RACKLET_SIM_WORLD";
    public static final String BOARD_ENV = "RACKLET_SIM_BOARD";

    @Override
    public void initialize(PluginService service) {
        String world = System.getenv(WORLD_ENV);
        String board = System.getenv(BOARD_ENV);
        if (world == null || board == null) {
            return;
        }
        service.register(new SimPlatform()).register(SimPi4j.providers(RemoteBoard.connect(Path.of(world), board)));
    }
}
