package com.rapport.examples.tally;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The follower against a stand-in stream that breaks, refuses once, and redelivers. */
class FeedFollowerTest {

    private final HttpServer server = startServer();
    private final List<String> resumedFrom = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @TempDir
    Path directory;

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void resumesAfterABreakAndCountsRedeliveriesOnce() throws Exception {
        server.createContext("/api/events/stream", exchange -> {
            resumedFrom.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            keys.add(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            switch (connections.incrementAndGet()) {
                case 1 -> stream(exchange, item(1, "opened", "a") + ":heartbeat\n\n" + item(2, "contact", "a"));
                case 2 -> refuse(exchange);
                // a resumed stream may start again with what the consumer saw last
                case 3 -> stream(exchange, item(2, "contact", "a") + item(3, "contact", "b"));
                default -> stream(exchange, "");
            }
        });
        Path state = directory.resolve("tally.properties");
        FeedFollower follower = new FeedFollower(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "key", state);
        Thread following = new Thread(() -> {
            try {
                follower.follow();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        following.start();

        awaitConnections(4);
        follower.close();
        following.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(resumedFrom.subList(0, 3)).containsExactly("null", "2", "2");
        assertThat(keys).containsOnly("key");
        Tally saved = Tally.load(state);
        assertThat(saved.position()).isEqualTo(3);
        assertThat(saved.byType()).isEqualTo(Map.of("opened", 1L, "contact", 2L));
        assertThat(saved.byAccount()).isEqualTo(Map.of("a", 2L, "b", 1L));
    }

    private void awaitConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (connections.get() < count) {
            assertThat(System.nanoTime()).as("connections made").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String item(long position, String type, String subject) {
        return "id: " + position + "\nevent: " + type + "\ndata: {\"position\":" + position + ",\"id\":\"e" + position
                + "\",\"source\":\"/test\",\"specversion\":\"1.0\",\"type\":\"" + type + "\",\"subject\":\"" + subject
                + "\",\"time\":\"2026-11-20T14:05:00Z\",\"datacontenttype\":\"application/json\",\"revision\":\"1\",\"data\":{}}\n\n";
    }

    private static void stream(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        byte[] bytes = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(503, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static HttpServer startServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
