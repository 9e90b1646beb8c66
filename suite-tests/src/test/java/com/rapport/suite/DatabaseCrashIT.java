package com.rapport.suite;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 201 means the event is committed: kill the embedded database process while writers are
 * busy, start it again, and every account that was acknowledged is in the event store.
 */
class DatabaseCrashIT {

    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 150;

    @Test
    void everyAcknowledgedEventSurvivesTheDatabaseBeingKilledUnderLoad() throws Exception {
        H2Database database = H2Database.start("crash-h2");
        try (Suite suite = Suite.start("crash-h2", database)) {
            Api api = new Api(suite.gateway());
            Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            for (int i = 0; i < WRITERS; i++) {
                running.add(writers.submit(() -> {
                    while (writing.get() && Instant.now().isBefore(giveUp)) {
                        UUID id = UUID.randomUUID();
                        try {
                            if (api.post("/api/accounts", anAccount().with("accountId", id.toString()).body()).status() == 201) {
                                acknowledged.add(id);
                            }
                        } catch (RuntimeException refused) {
                            // the gateway or the service could not answer: not acknowledged, so nothing is promised
                        }
                    }
                }));
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_THE_CRASH);

            database.kill();
            Thread.sleep(1_000);
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(1, TimeUnit.MINUTES);
            }
            writers.shutdown();
            database.startServer();

            EventStore store = new EventStore(database);
            List<UUID> missing = acknowledged.stream().filter(id -> store.countFor(id) != 1).toList();
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_THE_CRASH);
            assertThat(missing).as("acknowledged but not stored, of %d", acknowledged.size()).isEmpty();
        }
    }
}
