package io.racklet.cli.client;

import picocli.CommandLine.Option;

/** Options shared by every command that talks to a running controller. */
public final class ControllerOptions {
    @Option(names = "--url", defaultValue = "${env:RACKLET_URL:-http://127.0.0.1:8080}",
            description = "Controller URL (default: ${DEFAULT-VALUE}, or $RACKLET_URL).")
    String url;

    @Option(names = "--output", defaultValue = "text", description = "Output format: text or json.")
    Output output;

    @Option(names = "--user", defaultValue = "${env:RACKLET_USER}",
            description = "A user of the rack spec, for commands that change the rack (or $RACKLET_USER; the password from "
                    + "$RACKLET_PASSWORD). Without one, the demo's credentials file (.racklet/demo/credentials) is used if present.")
    String user;

    /** Where {@code racklet demo} leaves its admin's credentials, relative to the working folder. */
    static final java.nio.file.Path DEMO_CREDENTIALS = java.nio.file.Path.of(".racklet", "demo", "credentials");

    public enum Output { text, json }

    ControllerClient client() {
        return new ControllerClient(url, authorization());
    }

    /** HTTP Basic for the chosen user, or the demo's admin, or none (reads need no login). */
    private String authorization() {
        String credentials = null;
        if (user != null && !user.isBlank()) {
            String password = System.getenv("RACKLET_PASSWORD");
            if (password == null && System.console() != null) password = new String(System.console().readPassword("password for %s: ", user));
            if (password == null) throw new io.racklet.config.ConfigException("--user " + user + ": set RACKLET_PASSWORD (no terminal to ask on)");
            credentials = user + ":" + password;
        } else if (java.nio.file.Files.isReadable(DEMO_CREDENTIALS)) {
            try {
                credentials = java.nio.file.Files.readString(DEMO_CREDENTIALS).strip();
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return credentials == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    boolean json() {
        return output == Output.json;
    }
}
