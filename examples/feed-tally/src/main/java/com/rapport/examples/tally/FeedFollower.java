package com.rapport.examples.tally;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Follows Rapport's event stream for as long as it runs: it resumes from the saved position
 * (Last-Event-ID), counts each event, saves after each, and reconnects with a growing pause
 * when the stream breaks or the gateway is away.
 */
final class FeedFollower implements AutoCloseable {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final URI stream;
    private final String apiKey;
    private final Path stateFile;
    private final Tally tally;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean closed;
    private volatile InputStream open;

    FeedFollower(URI gateway, String apiKey, Path stateFile) {
        this.stream = gateway.resolve("/api/events/stream");
        this.apiKey = apiKey;
        this.stateFile = stateFile;
        this.tally = Tally.load(stateFile);
    }

    /** Runs until {@link #close()}. */
    void follow() throws InterruptedException {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            try {
                if (readUntilBroken()) {
                    pause = FIRST_PAUSE;
                }
            } catch (IOException | RefusedException broken) {
                if (closed) {
                    return;
                }
                System.err.println("feed-tally: " + broken.getMessage() + "; reconnecting in " + pause.toMillis() + " ms");
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** @return whether the stream was open before it broke */
    private boolean readUntilBroken() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream)
                .header("Accept", "text/event-stream")
                .header("X-Api-Key", apiKey);
        if (tally.position() > 0) {
            request.header("Last-Event-ID", Long.toString(tally.position()));
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                // 401/403: a wrong key; 503: every subscriber place is taken; either way, try later
                throw new RefusedException("the stream answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            open = body;
            if (closed) {
                return true;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            ServerSentEvents.read(lines, message -> {
                if (tally.count(FeedEvent.of(message))) {
                    tally.save(stateFile);
                }
            });
            return true;
        } finally {
            open = null;
        }
    }

    Tally tally() {
        return tally;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        InputStream body = open;
        if (body != null) {
            body.close();
        }
    }

    private static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }
}
