package com.rapport.suite;

import com.rapport.suite.Api.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

/** Writes an account's history through the gateway, dated so many days before now. */
final class Script {

    private final Api api;
    private final Instant now = Instant.now();

    Script(Api api) {
        this.api = api;
    }

    String daysAgo(int days) {
        return now.minus(Duration.ofDays(days)).toString();
    }

    UUID opened(String name, String tier, int annualValue, String owner, int daysAgo) {
        return created(api.post("/api/accounts", anAccount().with("name", name).with("tier", tier)
                .with("annualValue", annualValue).with("ownerId", owner).with("occurredAt", daysAgo(daysAgo)).body()));
    }

    UUID contact(UUID account, String outcome, String channel, String role, int daysAgo) {
        return created(api.post("/api/outreach/accounts/" + account + "/contacts", Map.of("channel", channel,
                "outcome", outcome, "staffId", "alice", "staffRole", role, "occurredAt", daysAgo(daysAgo))));
    }

    UUID connectedCall(UUID account, int daysAgo) {
        return contact(account, "CONNECTED", "CALL", "ACCOUNT_MANAGER", daysAgo);
    }

    UUID voicemail(UUID account, int daysAgo) {
        return contact(account, "VOICEMAIL", "CALL", "ACCOUNT_MANAGER", daysAgo);
    }

    UUID pitch(UUID account, boolean faceToFace, int daysAgo) {
        return created(api.post("/api/outreach/accounts/" + account + "/pitches", Map.of("offering", "Managed dashboards",
                "faceToFace", faceToFace, "staffId", "bob", "occurredAt", daysAgo(daysAgo))));
    }

    UUID feedback(UUID account, Integer nps, String doingWrong, int daysAgo) {
        Map<String, Object> body = new HashMap<>(Map.of("source", "SURVEY", "occurredAt", daysAgo(daysAgo)));
        if (nps != null) {
            body.put("npsScore", nps);
        }
        if (doingWrong != null) {
            body.put("doingWrong", doingWrong);
        }
        return created(api.post("/api/outreach/accounts/" + account + "/feedback", body));
    }

    UUID need(UUID account, String description, int daysAgo) {
        return created(api.post("/api/outreach/accounts/" + account + "/unmet-needs", Map.of("description", description,
                "category", "Reporting", "occurredAt", daysAgo(daysAgo))));
    }

    UUID competitor(UUID account, String competitor, int daysAgo) {
        return created(api.post("/api/outreach/accounts/" + account + "/competitor-signals",
                Map.of("competitor", competitor, "occurredAt", daysAgo(daysAgo))));
    }

    void lost(UUID account, String reason, int daysAgo) {
        Reply reply = api.post("/api/accounts/" + account + "/loss", Map.of("reason", reason, "occurredAt", daysAgo(daysAgo)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    }

    UUID exitInterview(UUID account, String primaryReason, String competitor, int daysAgo) {
        return created(api.post("/api/outreach/accounts/" + account + "/exit-interviews", Map.of(
                "primaryReason", primaryReason, "otherReasons", java.util.List.of("NEGLECT"), "competitor", competitor,
                "whatWeCouldHaveDone", "Called before the renewal", "winBackChance", "LOW", "occurredAt", daysAgo(daysAgo))));
    }

    private static UUID created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }
}
