package io.vigie.security;

import io.vigie.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write refused by the security layer before its body is read (no token, wrong role, too many
 * writes) ends its connection: the answer says {@code Connection: close} and the server closes it,
 * so a client that would reuse it cannot send its next request into a connection still holding
 * the unread body. Before, such a reuse hung until the client's timeout (20 s in the tests).
 */
class RefusedBodyConnectionTests extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void aWriteRefusedBeforeItsBodyIsReadClosesItsConnection() throws Exception {
        String body = "{\"body\":\"" + "x".repeat(20_000) + "\"}";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/moderation/post/00000000-0000-0000-0000-000000000000/hide HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
        }
    }

    /** Everything the server sends until it closes; a read that times out means the connection stayed open. */
    private static String readUntilClosed(InputStream in) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection stayed open after: " + received.toString(StandardCharsets.UTF_8));
        } catch (java.net.SocketException reset) {
            // Closed with the body still unread: a reset is a close too.
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
