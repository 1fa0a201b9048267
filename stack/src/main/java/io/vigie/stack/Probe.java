package io.vigie.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small checks the launcher uses to decide whether a service is up, and to wait for it. */
final class Probe {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Probe() {}

    /** True when an HTTP GET answers with a 2xx status. */
    static boolean httpOk(String url) {
        return httpStatus(url) / 100 == 2;
    }

    /** The status of an HTTP GET, or -1 when nothing answers. */
    static int httpStatus(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** True when something accepts TCP connections on localhost at this port. */
    static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException connectFailed) {
            // Nothing listens on IPv4 loopback; make sure we could bind it ourselves (another address may hold it).
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(port));
                return false;
            } catch (IOException bindFailed) {
                return true;
            }
        }
    }

    /** A loopback port nobody listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free port: " + e.getMessage(), e);
        }
    }

    /** Waits until the condition holds, failing early when {@code stillAlive} turns false. */
    static void await(String what, Duration timeout, BooleanSupplier condition, BooleanSupplier stillAlive) {
        Instant deadline = Instant.now().plus(timeout);
        long pause = 100;
        while (!condition.getAsBoolean()) {
            if (!stillAlive.getAsBoolean()) {
                throw new StackException(what + " stopped before it was ready");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(what + " was not ready after " + timeout.toSeconds() + " s");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause); // a child process offers no readiness callback, so poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, 1000);
        }
    }
}
