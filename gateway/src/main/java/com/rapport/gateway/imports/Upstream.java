package com.rapport.gateway.imports;

import com.rapport.gateway.requestid.RequestId;
import com.rapport.gateway.security.RapportUserFilter;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends a chunk to the service that owns it and waits for its answer: the services' own import
 * endpoints, reached as their routes reach them, with the principal in {@code X-Rapport-User} as
 * every routed request carries it.
 */
final class Upstream {

    /** Outreach reads a chunk once it has seen the store up to here (platform's LineImport.AFTER_POSITION). */
    static final String AFTER_POSITION = "X-Rapport-After-Position";
    /** "csv": every value is a CSV cell (platform's LineImport.LINE_FORMAT). */
    static final String LINE_FORMAT = "X-Rapport-Line-Format";

    /** A service's answer to a chunk: 200 with its report, or the problem that stopped it. */
    record Answer(int status, JsonNode body) {

        boolean isReport() {
            return status == 200 && body != null && body.has("refused");
        }
    }

    private final WebClient client;
    private final Map<Owner, URI> services;
    private final String user;
    private final String requestId;
    private final boolean csvCells;
    private final Duration timeout;

    Upstream(WebClient client, Map<Owner, URI> services, String user, String requestId, boolean csvCells,
             Duration timeout) {
        this.client = client;
        this.services = services;
        this.user = user;
        this.requestId = requestId;
        this.csvCells = csvCells;
        this.timeout = timeout;
    }

    /** @param afterPosition for outreach: the store position accounts' chunks have reached, if any */
    Answer send(ImportPlan.Chunk chunk, Long afterPosition) {
        String body = chunk.lines().stream().map(ImportLine::json).collect(Collectors.joining("\n"));
        String service = chunk.owner().route + "-service";
        try {
            Answer answer = client.post()
                    .uri(services.get(chunk.owner()).resolve(chunk.owner().path))
                    .contentType(MediaType.APPLICATION_NDJSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(headers -> {
                        if (!user.isEmpty()) {
                            headers.set(RapportUserFilter.HEADER, user);
                        }
                        headers.set(RequestId.HEADER, requestId);
                        if (afterPosition != null) {
                            headers.set(AFTER_POSITION, afterPosition.toString());
                        }
                        if (csvCells) {
                            headers.set(LINE_FORMAT, "csv");
                        }
                    })
                    .bodyValue(body)
                    .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(text -> new Answer(response.statusCode().value(), parse(text))))
                    .block(timeout);
            return answer != null ? answer : unreachable(service);
        } catch (IllegalStateException timedOut) {
            // block(timeout) gives up with an IllegalStateException
            return new Answer(504, Problems.problem(504, "Gateway Timeout",
                    service + " did not answer a chunk of the import within " + timeout));
        } catch (RuntimeException failure) {
            return unreachable(service);
        }
    }

    private static Answer unreachable(String service) {
        return new Answer(503, Problems.problem(503, "Service Unavailable", service + " is not reachable; try again shortly"));
    }

    private static JsonNode parse(String text) {
        try {
            return Problems.JSON.readTree(text);
        } catch (RuntimeException notJson) {
            return Problems.problem(502, "Bad Gateway", "The service's answer could not be read");
        }
    }
}
