package io.racklet.cli.client;

import io.racklet.config.ConfigException;
import io.racklet.config.Entrypoint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racklet console NODE}: the node's console history, then live output; typed lines go to the node. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Attach to a node's serial console: shows recent history, then follows it live.",
                "Lines you type are sent to the node. End with Ctrl-D."})
public final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    ControllerOptions controller = new ControllerOptions();

    @Parameters(index = "0", description = "Node name.")
    String node;

    @Option(names = "--tail", defaultValue = "50", description = "Lines of history to show first (default: ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--no-follow", description = "Print the history and exit.")
    boolean noFollow;

    @Override
    public Integer call() throws Exception {
        ControllerClient client = controller.client();
        System.out.print(client.getText("api/v1/nodes/" + enc(node) + "/console?tail=" + tail));
        if (noFollow) return Entrypoint.OK;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stream = HttpRequest.newBuilder(URI.create(client.base() + "api/v1/nodes/" + enc(node) + "/console/stream"))
                .header("Accept", "text/event-stream").build();
        http.sendAsync(stream, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> printEvents(r.body()));
        System.err.println("[attached to " + node + "'s console; Ctrl-D to leave]");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                client.post("api/v1/nodes/" + enc(node) + "/console", Map.of("data", line + "\n"));
            }
        } catch (ConfigException e) {
            throw e;
        }
        return Entrypoint.OK;
    }

    /** Server-sent events: "data:" lines make up an event's text, a blank line ends it. */
    private static void printEvents(Stream<String> lines) {
        StringBuilder event = new StringBuilder();
        lines.forEach(l -> {
            if (l.startsWith("data:")) {
                if (!event.isEmpty()) event.append('\n');
                event.append(l.substring(l.startsWith("data: ") ? 6 : 5));
            } else if (l.isEmpty() && !event.isEmpty()) {
                System.out.print(event);
                System.out.flush();
                event.setLength(0);
            }
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
