package io.vigie.stack;

import java.util.Map;
import java.util.TreeMap;

/**
 * An API process beside the stack's own, started from the same jar with some settings changed:
 * for tests that point an API at another database or another search cluster.
 */
public final class ApiProcess implements AutoCloseable {

    private final ApplicationService service;
    private final int port;

    private ApiProcess(ApplicationService service, int port) {
        this.service = service;
        this.port = port;
    }

    /**
     * Starts it with the stack's API settings overlaid by {@code overrides} and returns once its
     * health answers. Its log is {@code logs/<name>.log}.
     */
    public static ApiProcess start(StackSettings settings, String name, Map<String, String> overrides) {
        Map<String, String> properties = new TreeMap<>(settings.apiProperties());
        properties.putAll(overrides);
        int port = Probe.freePort();
        ApplicationService service = ApplicationService.api(settings, name, port, properties);
        service.start(false);
        return new ApiProcess(service, port);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        service.stop();
    }
}
