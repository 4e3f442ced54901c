package io.racklet.cli.client;

import picocli.CommandLine.Option;

/** Options shared by every command that talks to a running controller. */
public final class ControllerOptions {
    @Option(names = "--url", defaultValue = "${env:RACKLET_URL:-http://127.0.0.1:8080}",
            description = "Controller URL (default: ${DEFAULT-VALUE}, or $RACKLET_URL).")
    String url;

    @Option(names = "--output", defaultValue = "text", description = "Output format: text or json.")
    Output output;

    public enum Output { text, json }

    ControllerClient client() {
        return new ControllerClient(url);
    }

    boolean json() {
        return output == Output.json;
    }
}
