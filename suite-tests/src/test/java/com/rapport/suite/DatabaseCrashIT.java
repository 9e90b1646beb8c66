package com.rapport.suite;

import com.rapport.suite.Api.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static com.rapport.suite.AccountOpening.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 201 means the event is committed: kill the embedded database's process (kill -9) while
 * eight writers open accounts and log contacts, start it again while they go on, and every event
 * that was acknowledged, before the crash or after the restart, is in the event store exactly
 * once and reaches every read model: none was lost, and none was given a position the read
 * models had already passed. A request the crash made fail is answered 503, never 500.
 */
class DatabaseCrashIT {

    private static final int WRITERS = 8;
    private static final int CONTACTS_BEFORE_THE_CRASH = 80;
    private static final int CONTACTS_AFTER_THE_RESTART = 24;
    private static final Duration WRITING = Duration.ofMinutes(3);
    private static final Duration READ_MODELS_CATCH_UP = Duration.ofMinutes(3);
    private static final int OPENED_DAYS_AGO = 40;
    private static final int CONTACTED_DAYS_AGO = 10;

    @Test
    void everyAcknowledgedEventSurvivesTheDatabaseBeingKilledUnderLoadAndReachesEveryReadModel() {
        H2Database database = H2Database.start("crash-h2");
        try (Suite suite = Suite.start("crash-h2", database)) {
            Api api = new Api(suite.gateway());
            Writers writers = new Writers(api);
            try {
                await().atMost(WRITING).until(() -> writers.contacts() >= CONTACTS_BEFORE_THE_CRASH);
                database.kill();
                int acknowledgedBeforeTheCrash = writers.contacts();
                database.startServer();
                await().atMost(WRITING).until(() -> writers.contacts() >= acknowledgedBeforeTheCrash + CONTACTS_AFTER_THE_RESTART);
            } finally {
                writers.stop();
            }

            EventStore store = new EventStore(database);
            List<String> notStoredOnce = new ArrayList<>();
            writers.accounts.forEach((account, contact) -> {
                if (store.countFor(account, "rapport.accounts.account-opened") != 1) {
                    notStoredOnce.add("account " + account);
                }
                if (!contact.equals(Writers.NONE) && store.countFor(contact) != 1) {
                    notStoredOnce.add("contact " + contact);
                }
            });
            assertThat(notStoredOnce).as("acknowledged but not stored exactly once, of %d accounts and %d contacts",
                    writers.accounts.size(), writers.contacts()).isEmpty();
            assertThat(writers.refusals.keySet()).as("statuses of the requests that failed").doesNotContain(500);

            Set<UUID> pending = new HashSet<>(writers.accounts.keySet());
            await().atMost(READ_MODELS_CATCH_UP).untilAsserted(() -> {
                pending.removeIf(account -> readEverywhere(api, account, writers.accounts.get(account)));
                assertThat(pending).as("acknowledged accounts (and their contacts) missing from a read model").isEmpty();
            });
        }
    }

    /** The directory knows the account; the timeline and insights' history hold its contact. */
    private static boolean readEverywhere(Api api, UUID account, UUID contact) {
        if (api.get("/api/accounts/" + account).status() != 200) {
            return false;
        }
        Reply timeline = api.get("/api/outreach/accounts/" + account + "/timeline?size=50");
        Reply health = api.get("/api/insights/accounts/" + account + "/health");
        if (timeline.status() != 200 || health.status() != 200) {
            return false;
        }
        if (contact.equals(Writers.NONE)) {
            return true;
        }
        boolean inTheTimeline = StreamSupport.stream(timeline.json().get("items").spliterator(), false)
                .map(item -> item.get("data").get("contactId"))
                .anyMatch(id -> id != null && contact.toString().equals(id.asString()));
        // without the contact, insights would count the days since the opening
        JsonNode daysSinceContact = health.json().get("daysSinceContact");
        return inTheTimeline && daysSinceContact != null && daysSinceContact.asInt() < OPENED_DAYS_AGO;
    }

    /**
     * Eight clients, each opening an account dated {@value #OPENED_DAYS_AGO} days ago and logging one
     * connected call with it dated {@value #CONTACTED_DAYS_AGO} days ago, again and again; a request
     * that fails is not retried (nothing was promised) and the next one is sent.
     */
    private static final class Writers {

        /** The contact of an account whose contact was not acknowledged. */
        static final UUID NONE = new UUID(0, 0);

        /** Every acknowledged account, with its acknowledged contact or {@link #NONE}. */
        final Map<UUID, UUID> accounts = new ConcurrentHashMap<>();
        /** How many requests were answered with each status other than 201. */
        final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
        private final Api api;
        private final Instant now = Instant.now();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);

        Writers(Api api) {
            this.api = api;
            for (int i = 0; i < WRITERS; i++) {
                threads.submit(this::write);
            }
        }

        int contacts() {
            return (int) accounts.values().stream().filter(contact -> !contact.equals(NONE)).count();
        }

        private void write() {
            while (writing.get()) {
                UUID account = UUID.randomUUID();
                if (!acknowledged("/api/accounts", anAccount().with("accountId", account.toString())
                        .with("occurredAt", daysAgo(OPENED_DAYS_AGO)).body())) {
                    pause();
                    continue;
                }
                accounts.put(account, NONE);
                UUID contact = UUID.randomUUID();
                if (acknowledged("/api/outreach/accounts/" + account + "/contacts", Map.of("contactId", contact.toString(),
                        "channel", "CALL", "outcome", "CONNECTED", "staffId", "alice", "staffRole", "ACCOUNT_MANAGER",
                        "occurredAt", daysAgo(CONTACTED_DAYS_AGO)))) {
                    accounts.put(account, contact);
                } else {
                    pause();
                }
            }
        }

        private boolean acknowledged(String path, Object body) {
            try {
                int status = api.post(path, body).status();
                if (status != 201) {
                    refusals.merge(status, 1, Integer::sum);
                }
                return status == 201;
            } catch (RuntimeException unanswered) {
                // the gateway or the service could not answer: not acknowledged, so nothing is promised
                return false;
            }
        }

        /** While the database is away every request fails at once: no need to spin. */
        private void pause() {
            Processes.pause(Duration.ofMillis(100));
        }

        private String daysAgo(int days) {
            return now.minus(Duration.ofDays(days)).toString();
        }

        void stop() {
            writing.set(false);
            threads.shutdown();
            try {
                assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).as("the writers stopped").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
