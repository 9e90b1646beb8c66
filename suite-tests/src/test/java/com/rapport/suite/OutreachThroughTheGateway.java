package com.rapport.suite;

import com.rapport.suite.Api.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outreach part of the contract, end to end through the gateway, on the database each subclass starts. */
abstract class OutreachThroughTheGateway extends ThroughTheGateway {

    private static UUID openedAt(String when) {
        Reply reply = api.post("/api/accounts", anAccount().with("occurredAt", when).body());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    private static UUID created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    private static void accepted(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
    }

    private static Map<String, Object> contact(String outcome, String when) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "CALL", "outcome", outcome, "staffId", "alice",
                "staffRole", "ACCOUNT_MANAGER"));
        if (when != null) {
            body.put("occurredAt", when);
        }
        return body;
    }

    /** The account's story as recorded by staff, leaving out insights' conclusions, which depend on the moment. */
    private static List<JsonNode> recorded(UUID accountId) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode timeline = api.get("/api/outreach/accounts/" + accountId + "/timeline?size=500&page=" + page).json();
            timeline.get("items").valueStream()
                    .filter(item -> !item.get("type").asString().startsWith("rapport.insights."))
                    .forEach(items::add);
            if ((long) (page + 1) * 500 >= timeline.get("total").asLong()) {
                return items;
            }
        }
    }

    private static List<JsonNode> awaitTimeline(UUID accountId, int entries) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> recorded(accountId), items -> items.size() == entries);
    }

    /** An account just opened through the gateway can be written to at once: outreach waits for its event. */
    @Test
    void aDayInTheLifeReadsAsTheAccountsStory() {
        UUID account = openedAt("2026-01-05T09:00:00Z");
        UUID call = created(api.post("/api/outreach/accounts/" + account + "/calls", Map.of("staffId", "alice",
                "dueAt", "2026-11-20T10:00:00Z", "purpose", "Quarterly check-in", "occurredAt", "2026-11-10T09:00:00Z")));
        created(api.post("/api/outreach/accounts/" + account + "/contacts", contact("VOICEMAIL", "2026-11-20T10:02:00Z")));
        accepted(api.post("/api/outreach/calls/" + call + "/reschedule",
                Map.of("dueAt", "2026-11-21T10:00:00Z", "why", "Voicemail left", "occurredAt", "2026-11-20T10:05:00Z")));
        Map<String, Object> connected = contact("CONNECTED", "2026-11-21T10:03:00Z");
        connected.put("note", "Happy overall; reports are slow");
        UUID contact = created(api.post("/api/outreach/accounts/" + account + "/contacts", connected));
        accepted(api.post("/api/outreach/calls/" + call + "/completion",
                Map.of("contactId", contact.toString(), "occurredAt", "2026-11-21T10:20:00Z")));
        UUID need = created(api.post("/api/outreach/accounts/" + account + "/unmet-needs", Map.of(
                "description", "Weekly usage dashboards", "category", "Reporting", "discoveredVia", "check-in call",
                "staffId", "alice", "occurredAt", "2026-11-21T10:30:00Z")));
        UUID pitch = created(api.post("/api/outreach/accounts/" + account + "/pitches", Map.of(
                "offering", "Managed dashboards", "faceToFace", true, "staffId", "bob", "occurredAt", "2026-11-21T14:00:00Z")));
        accepted(api.post("/api/outreach/pitches/" + pitch + "/outcome", Map.of("outcome", "WON", "occurredAt", "2026-11-21T15:00:00Z")));
        accepted(api.post("/api/outreach/unmet-needs/" + need + "/resolution", Map.of(
                "outcome", "ADDRESSED", "how", "Managed dashboards sold", "occurredAt", "2026-11-21T15:05:00Z")));
        created(api.post("/api/outreach/accounts/" + account + "/feedback", Map.of("source", "CALL",
                "doingRight", "Fast support", "doingWrong", "Slow reports", "couldImprove", "Weekly dashboards",
                "npsScore", 9, "staffId", "alice", "occurredAt", "2026-11-21T15:10:00Z")));

        List<JsonNode> timeline = awaitTimeline(account, 11);

        List<String> story = timeline.stream()
                .map(item -> item.get("type").asString().replace("rapport.", "") + " | " + item.get("summary").asString())
                .toList();
        assertThat(story).containsExactly(
                "outreach.feedback-received | Feedback by call: NPS 9 (promoter); right: Fast support; wrong: Slow reports; improve: Weekly dashboards",
                "outreach.unmet-need-addressed | Need of Weekly usage dashboards addressed: Managed dashboards sold",
                "outreach.pitch-outcome-recorded | Pitch of Managed dashboards: won",
                "outreach.pitch-made | bob pitched Managed dashboards face to face",
                "outreach.unmet-need-raised | Unmet need raised (Reporting): Weekly usage dashboards, found through check-in call",
                "outreach.call-completed | Planned call of Quarterly check-in made",
                "outreach.contact-logged | alice (account manager) called the client — check in: \u201cHappy overall; reports are slow\u201d",
                "outreach.call-rescheduled | Call of Quarterly check-in moved to 21 Nov 2026 10:00 UTC: Voicemail left",
                "outreach.contact-logged | alice (account manager) called the client; left a voicemail",
                "outreach.call-scheduled | Call planned for 20 Nov 2026 10:00 UTC by alice: Quarterly check-in",
                "accounts.account-opened | Account opened: " + timeline.get(10).get("data").get("name").asString()
                        + ", key tier, worth EUR 120,000 a year, owned by alice");
        JsonNode newest = timeline.get(0);
        assertThat(newest.get("occurredAt").asString()).isEqualTo("2026-11-21T15:10:00Z");
        assertThat(newest.get("staffId").asString()).isEqualTo("alice");
        assertThat(newest.get("recordedAt").asString()).isNotBlank();
        assertThat(newest.get("data").get("npsScore").asInt()).isEqualTo(9);
        JsonNode firstPage = api.get("/api/outreach/accounts/" + account + "/timeline?size=4&page=0").json();
        assertThat(firstPage.get("items").size()).isEqualTo(4);
        assertThat(firstPage.get("total").asInt()).isGreaterThanOrEqualTo(11);
    }

    /** The gateway names who is signed in; a record that names nobody is theirs. */
    @Test
    void aContactThatNamesNoStaffIsRecordedAsTheSignedInPrincipal() {
        UUID account = openedAt("2026-02-01T09:00:00Z");
        Map<String, Object> anonymous = contact("CONNECTED", null);
        anonymous.remove("staffId");

        UUID contact = created(api.post("/api/outreach/accounts/" + account + "/contacts", anonymous));

        JsonNode logged = awaitTimeline(account, 2).get(0);
        assertThat(logged.get("data").get("contactId").asString()).isEqualTo(contact.toString());
        assertThat(logged.get("staffId").asString()).isEqualTo(Suite.API_KEY_NAME);
    }

    @Test
    void aLostAccountTakesAnExitInterviewButNoContact() {
        UUID account = openedAt("2026-02-01T09:00:00Z");
        accepted(api.post("/api/accounts/" + account + "/loss", Map.of("reason", "PRICE", "competitor", "Globex")));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.post("/api/outreach/accounts/" + account + "/contacts",
                contact("CONNECTED", null)).status() == 409);

        Reply contact = api.post("/api/outreach/accounts/" + account + "/contacts", contact("CONNECTED", null));
        Reply interview = api.post("/api/outreach/accounts/" + account + "/exit-interviews", Map.of(
                "primaryReason", "PRICE", "otherReasons", List.of("NEGLECT"), "competitor", "Globex",
                "whatWeCouldHaveDone", "Called them before renewal", "winBackChance", "MEDIUM", "staffId", "alice"));
        Reply feedback = api.post("/api/outreach/accounts/" + account + "/feedback",
                Map.of("source", "SURVEY", "npsScore", 3));

        assertThat(contact.status()).isEqualTo(409);
        assertThat(contact.header("Content-Type")).startsWith("application/problem+json");
        assertThat(contact.json().get("detail").asString()).contains("is lost");
        created(interview);
        created(feedback);
    }

    @Test
    void anActiveAccountTakesNoExitInterview() {
        UUID account = openedAt("2026-02-01T09:00:00Z");
        long before = store.countOfType("rapport.outreach.lost-client-interview-recorded");

        Reply interview = api.post("/api/outreach/accounts/" + account + "/exit-interviews",
                Map.of("primaryReason", "PRICE", "winBackChance", "LOW"));

        assertThat(interview.status()).as(interview.toString()).isEqualTo(409);
        assertThat(interview.json().get("detail").asString()).contains("not lost");
        assertThat(store.countOfType("rapport.outreach.lost-client-interview-recorded")).isEqualTo(before);
    }

    @Test
    void aRetriedRecordAppendsNothingAndAConflictingOneIsRefused() {
        UUID account = openedAt("2026-02-01T09:00:00Z");
        UUID contactId = UUID.randomUUID();
        Map<String, Object> body = contact("CONNECTED", "2026-03-01T10:00:00Z");
        body.put("contactId", contactId.toString());

        Reply first = api.post("/api/outreach/accounts/" + account + "/contacts", body);
        Reply retry = api.post("/api/outreach/accounts/" + account + "/contacts", body);
        body.put("outcome", "NO_ANSWER");
        Reply conflicting = api.post("/api/outreach/accounts/" + account + "/contacts", body);

        assertThat(created(first)).isEqualTo(contactId);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(conflicting.status()).as(conflicting.toString()).isEqualTo(409);
        assertThat(store.countFor(contactId)).isEqualTo(1);

        String key = "retry-" + UUID.randomUUID();
        String need = Api.JSON.writeValueAsString(Map.of("description", "Single sign-on", "category", "Security"));
        Reply keyed = api.post("/api/outreach/accounts/" + account + "/unmet-needs", need, Map.of("Idempotency-Key", key));
        Reply keyedAgain = api.post("/api/outreach/accounts/" + account + "/unmet-needs", need, Map.of("Idempotency-Key", key));
        assertThat(keyedAgain.text()).isEqualTo(keyed.text());
        assertThat(store.countFor(created(keyed))).isEqualTo(1);
    }

    @Test
    void lifecyclesEndOnce() {
        UUID account = openedAt("2026-02-01T09:00:00Z");
        UUID pitch = created(api.post("/api/outreach/accounts/" + account + "/pitches",
                Map.of("offering", "Support plus", "faceToFace", false, "staffId", "bob")));
        accepted(api.post("/api/outreach/pitches/" + pitch + "/outcome", Map.of("outcome", "DEFERRED")));
        accepted(api.post("/api/outreach/pitches/" + pitch + "/outcome", Map.of("outcome", "DEFERRED")));
        assertThat(api.post("/api/outreach/pitches/" + pitch + "/outcome", Map.of("outcome", "WON")).status()).isEqualTo(409);
        assertThat(store.countFor(pitch)).isEqualTo(2);

        UUID need = created(api.post("/api/outreach/accounts/" + account + "/unmet-needs",
                Map.of("description", "On-site training", "category", "Training")));
        Reply withoutItsDetail = api.post("/api/outreach/unmet-needs/" + need + "/resolution", Map.of("outcome", "DECLINED"));
        assertThat(withoutItsDetail.status()).isEqualTo(400);
        assertThat(withoutItsDetail.json().get("errors").get(0).get("field").asString()).isEqualTo("why");
        accepted(api.post("/api/outreach/unmet-needs/" + need + "/resolution",
                Map.of("outcome", "LOST_TO_COMPETITOR", "competitor", "Initech")));
        assertThat(api.post("/api/outreach/unmet-needs/" + need + "/resolution",
                Map.of("outcome", "ADDRESSED", "how", "Too late")).status()).isEqualTo(409);

        UUID call = created(api.post("/api/outreach/accounts/" + account + "/calls",
                Map.of("staffId", "alice", "dueAt", Instant.now().plusSeconds(3600).toString(), "purpose", "Renewal")));
        UUID elsewhere = created(api.post("/api/outreach/accounts/" + openedAt("2026-02-01T09:00:00Z") + "/contacts",
                contact("CONNECTED", null)));
        Reply wrongContact = api.post("/api/outreach/calls/" + call + "/completion", Map.of("contactId", elsewhere.toString()));
        assertThat(wrongContact.status()).as(wrongContact.toString()).isEqualTo(400);
        assertThat(api.post("/api/outreach/calls/" + call + "/completion",
                Map.of("contactId", UUID.randomUUID().toString())).status()).isEqualTo(404);
        accepted(api.post("/api/outreach/calls/" + call + "/missed", Map.of()));
        assertThat(api.post("/api/outreach/calls/" + call + "/reschedule",
                Map.of("dueAt", Instant.now().plusSeconds(7200).toString(), "why", "Too late")).status()).isEqualTo(409);
        assertThat(api.post("/api/outreach/pitches/" + UUID.randomUUID() + "/outcome", Map.of("outcome", "WON")).status())
                .isEqualTo(404);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndAppendsNothing() {
        UUID account = openedAt("2026-02-01T09:00:00Z");
        long before = store.count();
        Map<String, Object> unknownChannel = contact("CONNECTED", null);
        unknownChannel.put("channel", "PIGEON");
        Map<String, Object> longNote = contact("CONNECTED", null);
        longNote.put("note", "x".repeat(2001));

        assertField(api.post("/api/outreach/accounts/" + account + "/contacts", unknownChannel), 400, "channel", "Format");
        assertField(api.post("/api/outreach/accounts/" + account + "/contacts", longNote), 400, "note", "Size");
        assertField(api.post("/api/outreach/accounts/" + account + "/contacts", contact("CONNECTED",
                Instant.now().plus(Duration.ofDays(1)).toString())), 400, "occurredAt", "NotInFuture");
        assertField(api.post("/api/outreach/accounts/" + account + "/contacts", contact("CONNECTED",
                "2026-01-31T09:00:00Z")), 400, "occurredAt", "NotBeforeOpening");
        assertField(api.post("/api/outreach/accounts/" + account + "/feedback", Map.of("source", "CALL", "npsScore", 11)),
                400, "npsScore", "Max");
        Reply unknownAccount = api.post("/api/outreach/accounts/" + UUID.randomUUID() + "/contacts", contact("CONNECTED", null));
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(unknownAccount.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/outreach/accounts/" + UUID.randomUUID() + "/timeline").status()).isEqualTo(404);

        assertThat(store.count()).isEqualTo(before);
    }

    /** Eight writers logging a hundred contacts each on one account: all 800 are kept and none sees a 5xx. */
    @Test
    void eightConcurrentWritersLoseNoContact() throws Exception {
        UUID account = openedAt("2026-02-01T09:00:00Z");
        long before = store.countOfType("rapport.outreach.contact-logged");
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            results.add(writers.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    statuses.add(api.post("/api/outreach/accounts/" + account + "/contacts", contact("CONNECTED", null)).status());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
            statuses.addAll(result.get());
        }
        writers.shutdown();

        assertThat(statuses).hasSize(800).allMatch(status -> status == 201);
        assertThat(store.countOfType("rapport.outreach.contact-logged") - before).isEqualTo(800);
        awaitTimeline(account, 801);
    }

    private static void assertField(Reply reply, int status, String field, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("errors").valueStream()
                .map(error -> error.get("field").asString() + ":" + error.get("rule").asString()))
                .as(reply.toString()).contains(field + ":" + rule);
    }
}
