package com.rapport.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for one Rapport service on a free loopback port. It answers every request with
 * "{name} {method} {path}?{query}", echoes the request id as the services do, and remembers the
 * last request it saw. A path ending in /slow answers after {@link #SLOW}; /api/events/stream
 * answers after {@link #STREAM_DELAY}.
 */
public final class StubService implements AutoCloseable {

    public static final Duration SLOW = Duration.ofSeconds(4);
    public static final Duration STREAM_DELAY = Duration.ofMillis(1500);

    /** What the stub received. */
    public record Received(String method, String path, String rawQuery, String requestId,
                           Map<String, List<String>> headers) {

        /** The values of one header, by any case of its name. */
        public List<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .toList();
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicReference<Received> last = new AtomicReference<>();

    private StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    public static StubService start(String name) {
        return new StubService(name);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Received lastRequest() {
        return last.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            last.set(new Received(exchange.getRequestMethod(), path, query, requestId,
                    Map.copyOf(exchange.getRequestHeaders())));
            exchange.getRequestBody().readAllBytes();
            String contentType = "text/plain";
            if (path.endsWith("/slow")) {
                pause(SLOW);
            } else if (path.equals("/api/events/stream")) {
                pause(STREAM_DELAY);
                contentType = "text/event-stream";
            }
            byte[] body = (name + " " + exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (requestId != null) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
