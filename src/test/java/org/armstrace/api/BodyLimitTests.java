package org.armstrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.armstrace.ArmsTraceTest;
import org.armstrace.TestHttps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server's own limit on request bodies, over a real TLS connection: a client that declares and
 * starts sending a gigabyte (generated as it goes, never held) gets a clear refusal while it is
 * still sending, and the server stops reading after a few megabytes.
 */
@ArmsTraceTest
class BodyLimitTests {

    static final long GIGABYTE = 1L << 30;

    @LocalServerPort
    int port;
    @Autowired
    SslBundles ssl;

    @Test
    void a_gigabyte_body_is_refused_with_a_problem_while_the_client_is_still_sending_and_the_server_stops_reading()
            throws Exception {
        var sent = new AtomicLong();
        List<String> answer = new ArrayList<>();
        try (Socket socket = TestHttps.trusting(ssl).getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/trace-requests HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + GIGABYTE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread sender = Thread.ofPlatform().daemon().start(() -> send(out, sent));
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && answer.size() < 40) {
                answer.add(line);
                if (line.startsWith("{")) {
                    break;
                }
            }
            socket.close();
            sender.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(answer).isNotEmpty();
        assertThat(answer.getFirst()).startsWith("HTTP/1.1 413");
        assertThat(answer).anySatisfy(h -> assertThat(h).containsIgnoringCase("content-type: application/problem+json"));
        assertThat(answer.getLast()).contains("body-too-large", "at most 1024 KB");
        // What the client got out before the server closed: Tomcat's swallow limit plus socket buffers.
        assertThat(sent.get()).isLessThan(64L << 20);
    }

    private static void send(OutputStream out, AtomicLong sent) {
        byte[] chunk = new byte[64 * 1024];
        try {
            while (sent.get() < GIGABYTE) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
            }
        } catch (IOException closedByTheServer) {
            // expected: the server answered and closed the connection
        }
    }
}
