package io.vigie.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A web site on loopback for tests that share or preview links (the test stack allows
 * 127.0.0.1 for fetching; production does not). Each handler runs on its own virtual thread, so
 * a deliberately slow page does not hold the others.
 */
public final class LocalSite implements AutoCloseable {

    private final HttpServer server;

    private LocalSite(HttpServer server) {
        this.server = server;
    }

    public static LocalSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new LocalSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** http://127.0.0.1:port + path */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public LocalSite page(String path, String html) {
        return respond(path, "text/html; charset=utf-8", html);
    }

    public LocalSite respond(String path, String contentType, String body) {
        return handle(path, exchange -> send(exchange, 200, contentType, body));
    }

    public LocalSite redirect(String path, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    public LocalSite handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Sends a response; a client that stopped reading (too large, too slow) is expected, not an error. */
    public static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGaveUp) {
            // the fetcher stopped reading on purpose
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
