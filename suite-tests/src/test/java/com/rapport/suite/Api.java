package com.rapport.suite;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP contract as a client sees it, through the gateway: every request carries the suite's
 * API key ({@link Suite#API_KEY}).
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String API_KEY_HEADER = "X-Api-Key";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(URI base) {
        this.base = base;
    }

    record Reply(int status, Map<String, java.util.List<String>> headers, String text) {

        JsonNode json() {
            return JSON.readTree(text);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of());
    }

    /** A plain-text resource, such as a Prometheus scrape. */
    Reply getText(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of("Accept", "text/plain"));
    }

    Reply post(String path, Object body) {
        return post(path, JSON.writeValueAsString(body), Map.of());
    }

    Reply post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    Reply patch(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), Map.of());
    }

    Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), Map.of());
    }

    private Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        request.header("Content-Type", "application/json").header("Accept", "application/json")
                .header(API_KEY_HEADER, Suite.API_KEY)
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
