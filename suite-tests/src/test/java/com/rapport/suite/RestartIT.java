package com.rapport.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Services stopped and started again keep their read models and go on from their tokens. */
class RestartIT {

    @Test
    void onH2() throws Exception {
        restartKeepsTheDirectoryAndTheTokens("restart-h2", H2Database.start("restart-h2"));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = PostgresDatabase.SERVER_URL, matches = ".+")
    void onPostgres() throws Exception {
        restartKeepsTheDirectoryAndTheTokens("restart-postgres", PostgresDatabase.create());
    }

    private static void restartKeepsTheDirectoryAndTheTokens(String run, Database database) throws Exception {
        try (Suite suite = Suite.start(run, database)) {
            Api api = new Api(suite.gateway());
            EventStore store = new EventStore(database);
            String owner = "restart-" + UUID.randomUUID().toString().substring(0, 8);
            List<UUID> opened = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Api.Reply reply = api.post("/api/accounts", anAccount().with("ownerId", owner).body());
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                opened.add(UUID.fromString(reply.json().get("id").asString()));
            }
            awaitDirectoryCount(api, owner, 5);
            // insights publishes its first assessment of each account: wait until it has, and the
            // processors have passed those events too, so that the tokens stand still
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/api/insights/health?owner=" + owner).json().get("total").asInt() == 5);
            List<String> tokensBefore = settled(store);
            assertThat(tokensBefore).isNotEmpty();

            suite.restartServices();

            assertThat(api.get("/api/accounts?owner=" + owner).json().get("total").asInt()).isEqualTo(5);
            assertThat(store.tokens("accounts", "directory")).isEqualTo(tokensBefore);
            Api.Reply sixth = api.post("/api/accounts", anAccount().with("ownerId", owner).body());
            assertThat(sixth.status()).isEqualTo(201);
            awaitDirectoryCount(api, owner, 6);
            assertThat(store.tokens("accounts", "directory")).isNotEqualTo(tokensBefore);
            for (UUID id : opened) {
                assertThat(store.countFor(id)).isEqualTo(1);
            }
            // a processor that started again from zero would trip over the rows it made before
            Path log = Path.of(System.getProperty("rapport.logs"), run, "accounts-service.log");
            assertThat(Files.readString(log)).doesNotContain(" ERROR ");
        }
    }

    private static List<String> settled(EventStore store) throws InterruptedException {
        List<String> previous = store.tokens("accounts", "directory");
        for (int attempt = 0; attempt < 30; attempt++) {
            Thread.sleep(1_500);
            List<String> current = store.tokens("accounts", "directory");
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the directory's tokens kept moving: " + previous);
    }

    private static void awaitDirectoryCount(Api api, String owner, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/accounts?owner=" + owner).json().get("total").asInt() == count);
    }
}
