package com.rapport.suite;

import com.rapport.suite.Api.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The accounts part of the contract, end to end: through the real gateway to the real
 * accounts-service, on the database each subclass starts.
 */
abstract class AccountsThroughTheGateway extends ThroughTheGateway {

    private static UUID open(AccountOpening opening) {
        Reply reply = api.post("/api/accounts", opening.body());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    private static JsonNode awaitInDirectory(UUID accountId, String field, String expected) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            Reply reply = api.get("/api/accounts/" + accountId);
            return reply.status() == 200 ? reply.json() : null;
        }, entry -> entry != null && expected.equals(entry.get(field).asString()));
    }

    @Test
    void opensAnAccountAndReadsItBackFromTheDirectory() {
        AccountOpening opening = anAccount().with("cadenceDays", 21);

        Reply reply = api.post("/api/accounts", opening.body());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        UUID id = UUID.fromString(reply.json().get("id").asString());
        assertThat(reply.header("Location")).isEqualTo("/api/accounts/" + id);
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        JsonNode entry = awaitInDirectory(id, "name", (String) opening.get("name"));
        assertThat(entry.get("tier").asString()).isEqualTo("KEY");
        assertThat(entry.get("annualValue").decimalValue()).isEqualByComparingTo("120000");
        assertThat(entry.get("currency").asString()).isEqualTo("EUR");
        assertThat(entry.get("ownerId").asString()).isEqualTo("alice");
        assertThat(entry.get("timezone").asString()).isEqualTo("Europe/Paris");
        assertThat(entry.get("cadenceDays").asInt()).isEqualTo(21);
        assertThat(entry.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(store.typesOf(id)).containsExactly("rapport.accounts.account-opened");
    }

    @Test
    void listsTheDirectoryByOwnerTierStatusAndName() {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        UUID strategic = open(anAccount().with("name", "Zenith Strategic Holdings").with("ownerId", owner).with("tier", "STRATEGIC"));
        UUID core = open(anAccount().with("name", "Zenith Core Supplies").with("ownerId", owner).with("tier", "CORE"));
        open(anAccount().with("name", "Elsewhere Ltd").with("ownerId", owner).with("tier", "CORE"));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/accounts?owner=" + owner).json().get("total").asInt() == 3);

        assertThat(ids(api.get("/api/accounts?owner=" + owner + "&tier=STRATEGIC"))).containsExactly(strategic);
        assertThat(ids(api.get("/api/accounts?owner=" + owner + "&q=zenith"))).containsExactly(core, strategic);
        assertThat(ids(api.get("/api/accounts?owner=" + owner + "&status=LOST"))).isEmpty();

        Reply firstPage = api.get("/api/accounts?owner=" + owner + "&size=2&page=0");
        assertThat(firstPage.json().get("items").size()).isEqualTo(2);
        assertThat(firstPage.json().get("total").asInt()).isEqualTo(3);
        assertThat(firstPage.json().get("size").asInt()).isEqualTo(2);
        assertThat(api.get("/api/accounts?owner=" + owner + "&size=2&page=1").json().get("items").size()).isEqualTo(1);
    }

    @Test
    void profileOwnerLossAndWinBackReachTheDirectory() {
        UUID id = open(anAccount());

        assertThat(api.patch("/api/accounts/" + id, Map.of("tier", "STRATEGIC", "annualValue", 250000)).status()).isEqualTo(202);
        awaitInDirectory(id, "tier", "STRATEGIC");
        assertThat(api.put("/api/accounts/" + id + "/owner", Map.of("ownerId", "bob")).status()).isEqualTo(202);
        awaitInDirectory(id, "ownerId", "bob");
        Reply loss = api.post("/api/accounts/" + id + "/loss", Map.of("reason", "COMPETITOR_OFFER", "competitor", "Globex"));
        assertThat(loss.status()).as(loss.toString()).isEqualTo(202);
        JsonNode lost = awaitInDirectory(id, "status", "LOST");
        assertThat(lost.get("lossReason").asString()).isEqualTo("COMPETITOR_OFFER");
        assertThat(lost.get("competitor").asString()).isEqualTo("Globex");
        assertThat(api.post("/api/accounts/" + id + "/win-back", Map.of()).status()).isEqualTo(202);
        awaitInDirectory(id, "status", "ACTIVE");

        assertThat(store.typesOf(id)).containsExactly(
                "rapport.accounts.account-opened",
                "rapport.accounts.account-profile-changed",
                "rapport.accounts.account-owner-assigned",
                "rapport.accounts.account-lost",
                "rapport.accounts.account-won-back");
    }

    @Test
    void anOpeningRetriedWithTheSameIdIsAnsweredAsBeforeAndAppendsNothing() {
        UUID id = UUID.randomUUID();
        AccountOpening opening = anAccount().with("accountId", id.toString());

        Reply first = api.post("/api/accounts", opening.body());
        Reply retry = api.post("/api/accounts", opening.body());

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(store.countFor(id)).isEqualTo(1);
    }

    @Test
    void anIdReusedWithOtherContentIsAConflictAndAppendsNothing() {
        UUID id = UUID.randomUUID();
        open(anAccount().with("accountId", id.toString()));

        Reply reused = api.post("/api/accounts", anAccount().with("accountId", id.toString()).body());

        assertProblem(reused, 409);
        assertThat(reused.json().get("detail").asString()).contains(id.toString());
        assertThat(store.countFor(id)).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyMakesARetryWithoutAnIdSafe() {
        String key = "import-" + UUID.randomUUID();
        String body = Api.JSON.writeValueAsString(anAccount().body());

        Reply first = api.post("/api/accounts", body, Map.of("Idempotency-Key", key));
        Reply retry = api.post("/api/accounts", body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(store.countFor(UUID.fromString(first.json().get("id").asString()))).isEqualTo(1);
    }

    static Stream<Arguments> badOpenings() {
        return Stream.of(
                Arguments.of("missing name", Api.JSON.writeValueAsString(anAccount().without("name").body()), "name", "NotBlank"),
                Arguments.of("unknown tier", Api.JSON.writeValueAsString(anAccount().with("tier", "GOLD").body()), "tier", "Format"),
                Arguments.of("negative annual value", Api.JSON.writeValueAsString(anAccount().with("annualValue", -1).body()),
                        "annualValue", "PositiveOrZero"),
                Arguments.of("unknown currency", Api.JSON.writeValueAsString(anAccount().with("currency", "EURO").body()),
                        "currency", "CurrencyCode"),
                Arguments.of("future occurredAt", Api.JSON.writeValueAsString(anAccount()
                        .with("occurredAt", Instant.now().plus(Duration.ofDays(2)).toString()).body()), "occurredAt", "NotInFuture"),
                Arguments.of("malformed JSON", "{\"name\": \"Acme\", \"tier\": ", "$", "JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOpenings")
    void badInputIsAProblemNamingTheFieldAndAppendsNothing(String description, String body, String field, String rule) {
        long before = store.count();

        Reply reply = api.post("/api/accounts", body, Map.of());

        assertProblem(reply, 400);
        assertThat(reply.json().get("errors").valueStream()
                .map(error -> error.get("field").asString() + ":" + error.get("rule").asString()))
                .contains(field + ":" + rule);
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void aCommandForAnUnknownAccountIsNotFoundAndAppendsNothing() {
        UUID unknown = UUID.randomUUID();
        long before = store.count();

        Reply reply = api.put("/api/accounts/" + unknown + "/owner", Map.of("ownerId", "bob"));

        assertProblem(reply, 404);
        assertThat(reply.json().get("detail").asString()).contains(unknown.toString());
        assertProblem(api.get("/api/accounts/" + unknown), 404);
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void aLossOnALostAccountWithOtherContentIsAConflict() {
        UUID id = open(anAccount());
        assertThat(api.post("/api/accounts/" + id + "/loss", Map.of("reason", "NEGLECT")).status()).isEqualTo(202);

        assertThat(api.post("/api/accounts/" + id + "/loss", Map.of("reason", "NEGLECT")).status()).isEqualTo(202);
        assertProblem(api.post("/api/accounts/" + id + "/loss", Map.of("reason", "PRICE")), 409);
        assertThat(store.countFor(id)).isEqualTo(2);
    }

    /**
     * Eight writers on one account, half through the gateway, half on a second instance of
     * accounts-service: the instances race on the same aggregate in the event store, and still
     * every change is kept, in order, and none of the writers sees a 5xx.
     */
    @Test
    void concurrentWritersOnTwoInstancesLoseNothing() throws Exception {
        UUID id = open(anAccount());
        Api secondInstance = new Api(suite.startSecondInstance(Suite.Component.ACCOUNTS));
        int writers = 8;
        int changesEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            int w = writer;
            Api client = writer % 2 == 0 ? api : secondInstance;
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int change = 0; change < changesEach; change++) {
                    statuses.add(client.patch("/api/accounts/" + id, Map.of("name", "Renamed " + w + "-" + change)).status());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
            statuses.addAll(result.get());
        }
        pool.shutdown();

        assertThat(statuses).hasSize(writers * changesEach).allMatch(status -> status == 202);
        assertThat(store.sequenceNumbersOf(id))
                .containsExactlyElementsOf(LongStream.rangeClosed(0, writers * changesEach).boxed().toList());
    }

    private static List<UUID> ids(Reply page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> UUID.fromString(item.get("accountId").asString())).toList();
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.text()).doesNotContain("Exception", "at com.", "at org.");
    }
}
