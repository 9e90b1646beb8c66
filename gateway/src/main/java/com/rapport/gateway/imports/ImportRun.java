package com.rapport.gateway.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.FluxSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;

/**
 * One import, from the first line of its body to its summary, on a thread of its own: reads each
 * line, sends the chunks the plan makes to their services one after the other, and streams the
 * answer as NDJSON: each refused line, the progress after each chunk, the summary last. A chunk a
 * service could not take (it is down, or did not see the accounts before it in time) stops the
 * import: nothing of that chunk was written, and the answer says from which line on.
 */
final class ImportRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    private final RecordSource source;
    private final ImportPlan plan;
    private final Upstream upstream;
    private final FluxSink<String> answer;
    private final long started = System.nanoTime();
    private volatile boolean cancelled;
    private int lines;
    private int recorded;
    private int unchanged;
    private int refused;
    /** the store position that accounts' chunks have reached, which outreach's must wait for */
    private Long accountsPosition;

    ImportRun(RecordSource source, ImportPlan plan, Upstream upstream, FluxSink<String> answer) {
        this.source = source;
        this.plan = plan;
        this.upstream = upstream;
        this.answer = answer;
        answer.onCancel(() -> cancelled = true);
    }

    @Override
    public void run() {
        try {
            Read read = source.next();
            if (read != null && read.refusal() != null && "$".equals(firstField(read.refusal().problem()))) {
                // nothing was sent yet: the answer can still be a plain 400
                answer.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "The body is not NDJSON (or CSV, with"
                        + " ?format=csv): its first line was refused: " + read.refusal().problem().get("detail").asString()));
                return;
            }
            for (; read != null; read = source.next()) {
                if (cancelled) {
                    return;
                }
                if (read.refusal() != null) {
                    lines++;
                    refuse(read.refusal().number(), read.refusal().type(), read.refusal().status(), read.refusal().problem());
                } else if (!send(plan.add(read.line()))) {
                    return;
                }
            }
            if (send(plan.finish())) {
                answer.next(line("summary", tally()));
                answer.complete();
            }
        } catch (IOException | RuntimeException failure) {
            // the client went away, or its body broke off
            log.warn("An import ended after {} lines: {}", lines, failure.toString());
            answer.error(failure);
        }
    }

    /** @return whether every chunk was taken; if not, the answer has been ended */
    private boolean send(List<ImportPlan.Chunk> chunks) {
        for (ImportPlan.Chunk chunk : chunks) {
            Upstream.Answer reply = upstream.send(chunk, chunk.owner() == Owner.OUTREACH ? accountsPosition : null);
            if (!reply.isReport()) {
                stop(chunk, reply);
                return false;
            }
            JsonNode report = reply.body();
            lines += chunk.lines().size();
            recorded += report.get("recorded").asInt();
            unchanged += report.get("unchanged").asInt();
            for (JsonNode line : report.get("refused")) {
                ImportLine original = chunk.lines().get(line.get("line").asInt() - 1);
                refuse(original.number(), original.type(), line.get("status").asInt(), line.get("problem"));
            }
            if (chunk.owner() == Owner.ACCOUNTS) {
                long position = report.get("position").asLong();
                accountsPosition = accountsPosition == null ? position : Math.max(accountsPosition, position);
            }
            answer.next(line("progress", tally()));
        }
        return true;
    }

    private void refuse(int number, String type, int status, JsonNode problem) {
        refused++;
        ObjectNode refusal = Problems.JSON.createObjectNode().put("line", number);
        refusal.put("type", type).put("status", status).set("problem", problem);
        answer.next(line("refused", refusal));
    }

    private void stop(ImportPlan.Chunk chunk, Upstream.Answer reply) {
        log.warn("An import stopped at line {}: {} answered a chunk {}", chunk.firstLine(), chunk.owner().route, reply.status());
        ObjectNode stopped = Problems.JSON.createObjectNode().put("line", chunk.firstLine()).put("status", reply.status());
        stopped.set("problem", reply.body());
        answer.next(line("stopped", stopped));
        answer.next(line("summary", tally()));
        answer.complete();
    }

    private ObjectNode tally() {
        return Problems.JSON.createObjectNode().put("lines", lines).put("recorded", recorded).put("unchanged", unchanged)
                .put("refused", refused).put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
    }

    private static String line(String name, JsonNode value) {
        ObjectNode line = Problems.JSON.createObjectNode();
        line.set(name, value);
        return Problems.JSON.writeValueAsString(line) + "\n";
    }

    private static String firstField(JsonNode problem) {
        return problem.path("errors").path(0).path("field").asString(null);
    }
}
