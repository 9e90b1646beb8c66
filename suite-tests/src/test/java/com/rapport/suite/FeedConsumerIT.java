package com.rapport.suite;

import com.rapport.examples.tally.FeedEvent;
import com.rapport.examples.tally.Tally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * The example consumer (examples/feed-tally), run as another team would run it, follows the
 * stream while writers are busy, is killed halfway and started again, and ends with exactly the
 * store's events counted once each. Its state file is read with its own code ({@link Tally}).
 */
class FeedConsumerIT extends ThroughTheGateway {

    private static final String CONTACT_LOGGED = "rapport.outreach.contact-logged";

    private final List<Process> consumers = new ArrayList<>();

    @BeforeAll
    static void startSuite() {
        use(Suite.start("feed-consumer-h2", H2Database.start("feed-consumer-h2")));
    }

    @AfterAll
    static void stop() {
        stopSuite();
    }

    @AfterEach
    void stopConsumers() {
        consumers.forEach(Processes::stop);
    }

    @Test
    void countsEveryEventOnceAcrossACrash() throws Exception {
        Path home = SuiteFiles.logs("feed-consumer-h2").resolve("feed-tally");
        SuiteFiles.deleteRecursively(home);
        Files.createDirectories(home);
        Path state = home.resolve("tally.properties");
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(UUID.fromString(api.post("/api/accounts", anAccount().body()).json().get("id").asString()));
        }

        Process first = startConsumer(home, state);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<Long>> written = new ArrayList<>();
        for (UUID account : accounts) {
            written.add(writers.submit(() -> logContacts(account, 60)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Tally.load(state).position() > 0);
        // a crash: no shutdown hook, whatever was counted after the last save is counted again
        first.destroyForcibly();
        Processes.awaitExit(first, Duration.ofSeconds(10));
        long positionAtCrash = Tally.load(state).position();
        startConsumer(home, state);
        for (Future<Long> writer : written) {
            assertThat(writer.get()).isEqualTo(60);
        }
        writers.shutdown();

        Tally expected = feedFromTheStart();
        assertThat(expected.byType().get(CONTACT_LOGGED)).isEqualTo(store.countOfType(CONTACT_LOGGED)).isEqualTo(240);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Tally counted = Tally.load(state);
            assertThat(counted.position()).isGreaterThanOrEqualTo(expected.position());
            assertThat(counted.byType()).isEqualTo(feedFromTheStart().byType());
            assertThat(counted.position()).isEqualTo(feedFromTheStart().position());
        });
        Tally counted = Tally.load(state);
        assertThat(positionAtCrash).isLessThan(counted.position());
        for (Map.Entry<String, Long> type : counted.byType().entrySet()) {
            assertThat(type.getValue()).as(type.getKey()).isEqualTo(store.countOfType(type.getKey()));
        }
        assertThat(counted.byAccount()).isEqualTo(feedFromTheStart().byAccount());
        for (UUID account : accounts) {
            // opened, sixty contacts, and whatever insights concluded
            assertThat(counted.byAccount().get(account.toString())).as("events about " + account).isGreaterThanOrEqualTo(61);
        }
    }

    private Process startConsumer(Path home, Path state) {
        Path jar = Path.of(System.getProperty("rapport.root"), "examples", "feed-tally", "target",
                "feed-tally-" + System.getProperty("rapport.version") + "-exec.jar").normalize();
        assertThat(jar).as("the example consumer is built before the suite tests").isRegularFile();
        Process consumer = Processes.start(home.resolve("feed-tally.log"), Map.of("RAPPORT_API_KEY", Suite.API_KEY),
                Processes.java(), "-Xmx64m", "-jar", jar.toString(), suite.gateway().toString(), state.toString());
        consumers.add(consumer);
        return consumer;
    }

    private static long logContacts(UUID account, int count) {
        long created = 0;
        for (int i = 0; i < count; i++) {
            Map<String, Object> contact = new HashMap<>(Map.of("channel", "CALL", "outcome", "CONNECTED",
                    "staffId", "alice", "staffRole", "ACCOUNT_MANAGER"));
            if (api.post("/api/outreach/accounts/" + account + "/contacts", contact).status() == 201) {
                created++;
            }
        }
        return created;
    }

    /** What a consumer should end with: the feed read page by page, as GET /api/events serves it. */
    private static Tally feedFromTheStart() {
        Tally tally = new Tally();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/events?limit=1000&after=" + after).json();
            // a page reads a bounded stretch of the store: only an empty one that moved nowhere is the end
            if (page.get("items").isEmpty() && page.get("next").asLong() == after) {
                return tally;
            }
            for (JsonNode item : page.get("items")) {
                tally.count(new FeedEvent(item.get("position").asLong(), item.get("type").asString(),
                        item.hasNonNull("subject") ? item.get("subject").asString() : null));
            }
            after = page.get("next").asLong();
        }
    }
}
