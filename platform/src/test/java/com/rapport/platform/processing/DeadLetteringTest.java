package com.rapport.platform.processing;

import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.Tier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A processor whose handler cannot take an event, on H2 and, where CI names a server, on
 * PostgreSQL, whose failed statement aborts the whole transaction: the event is set aside with the
 * events of its sequence behind it, the others are projected, and the processor shows as behind and
 * unhealthy until the dead letters are retried after a fix. A database outage is waited out instead.
 */
class DeadLetteringTest {

    private static final String PROCESSOR = "projection";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProjectingApplication {

        @Bean
        Projection projection(JdbcClient jdbc) {
            return new Projection(jdbc);
        }
    }

    /** Counts every event it applies in one statement, then writes the account's row in another. */
    @ProcessingGroup(PROCESSOR)
    static class Projection {

        final AtomicBoolean databaseDown = new AtomicBoolean();
        private final JdbcClient jdbc;

        Projection(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(AccountOpened opened) {
            applied();
            jdbc.sql("INSERT INTO projection.projected (account_id, name) VALUES (?, ?)")
                    .params(opened.accountId().toString(), opened.name())
                    .update();
        }

        @EventHandler
        void on(AccountProfileChanged changed) {
            applied();
            jdbc.sql("UPDATE projection.projected SET name = ? WHERE account_id = ?")
                    .params(changed.name(), changed.accountId().toString())
                    .update();
        }

        @ResetHandler
        void forgetEverything() {
            jdbc.sql("DELETE FROM projection.projected").update();
            jdbc.sql("UPDATE projection.projected_events SET applied = 0").update();
        }

        private void applied() {
            if (databaseDown.get()) {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms"));
            }
            jdbc.sql("UPDATE projection.projected_events SET applied = applied + 1").update();
        }
    }

    /** A running projection, its database, and what the service shows through HTTP. */
    private record Service(ConfigurableApplicationContext context) {

        static Service start(TestDatabase database, String... extraArguments) {
            List<String> arguments = new java.util.ArrayList<>(List.of(
                    "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.user(),
                    "--spring.datasource.password=" + database.password(),
                    "--spring.application.name=dead-lettering-test",
                    "--rapport.schema=projection",
                    "--spring.flyway.locations=classpath:db/platform,classpath:db/projection",
                    "--server.port=0",
                    "--axon.eventhandling.processors." + PROCESSOR + ".mode=pooled",
                    "--axon.eventhandling.processors." + PROCESSOR + ".initial-segment-count=2",
                    "--axon.eventhandling.processors." + PROCESSOR + ".dlq.cache.enabled=true"));
            arguments.addAll(List.of(extraArguments));
            return new Service(new SpringApplicationBuilder(ProjectingApplication.class).run(arguments.toArray(String[]::new)));
        }

        void record(UUID account, long sequence, Object event) {
            context.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("Account", account.toString(), sequence, event));
        }

        UUID opened(String name) {
            UUID account = UUID.randomUUID();
            record(account, 0, new AccountOpened(account, name, Tier.KEY, new BigDecimal("1000"), "EUR", "alice", "UTC",
                    null, Instant.parse("2025-01-01T00:00:00Z")));
            return account;
        }

        void renamed(UUID account, long sequence, String name) {
            record(account, sequence, new AccountProfileChanged(account, name, null, null, null, null,
                    Instant.parse("2025-01-02T00:00:00Z")));
        }

        /** An account whose opening and renaming are dead-lettered, and the refusal lifted since: what a fix deploys. */
        UUID deadLetteredThenFixed() {
            UUID refused = opened("Refused Ltd");
            renamed(refused, 1, "Refused Holdings");
            await().atMost(PATIENCE).until(() -> processor().path("deadLetters").asLong() == 2);
            jdbc().sql("ALTER TABLE projection.projected DROP CONSTRAINT projected_name_accepted").update();
            return refused;
        }

        Optional<String> projectedName(UUID account) {
            return jdbc().sql("SELECT name FROM projection.projected WHERE account_id = ?")
                    .param(account.toString()).query(String.class).optional();
        }

        long applied() {
            return jdbc().sql("SELECT applied FROM projection.projected_events").query(Long.class).single();
        }

        JdbcClient jdbc() {
            return context.getBean(JdbcClient.class);
        }

        Projection projection() {
            return context.getBean(Projection.class);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path) {
            return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
        }

        JsonNode processor() {
            return JSON.readTree(get("/actuator/processors/" + PROCESSOR).body());
        }

        /** The processor's part of {@code /actuator/health}. */
        String health() {
            return JSON.readTree(get("/actuator/health").body())
                    .path("components").path("processors").path("components").path(PROCESSOR).path("status").asString();
        }

        String scrape() {
            return get("/actuator/prometheus").body();
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
        }

        private static HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void anEventTheHandlerCannotTakeIsDeadLetteredVisiblyAndTheEventsAfterItAreProjected(String kind) {
        try (TestDatabase database = TestDatabase.create(kind); var running = Service.start(database).context()) {
            Service service = new Service(running);
            UUID acme = service.opened("Acme");
            UUID refused = service.opened("Refused Ltd");
            service.renamed(refused, 1, "Refused Holdings");
            UUID corp = service.opened("Corp");
            service.renamed(acme, 1, "Acme Group");

            await().atMost(PATIENCE).until(() -> service.projectedName(corp).isPresent()
                    && service.projectedName(acme).equals(Optional.of("Acme Group"))
                    && service.processor().path("deadLetters").asLong() == 2);

            assertThat(service.projectedName(refused)).isEmpty();
            assertThat(service.applied()).as("the refused event's first statement is undone with it").isEqualTo(3);
            JsonNode processor = service.processor();
            assertThat(processor.path("lag").asLong()).isGreaterThanOrEqualTo(2);
            JsonNode failed = processor.path("deadLettered").get(0);
            assertThat(failed.path("type").asString()).isEqualTo("rapport.accounts.account-opened");
            assertThat(failed.path("account").asString()).isEqualTo(refused.toString());
            assertThat(failed.path("sequence").asString()).isEqualTo(refused.toString());
            assertThat(failed.path("cause").asString()).containsIgnoringCase("projected_name_accepted");
            assertThat(failed.path("eventId").asString()).isNotBlank();
            assertThat(failed.path("enqueuedAt").asString()).isNotBlank();
            JsonNode waiting = processor.path("deadLettered").get(1);
            assertThat(waiting.path("type").asString()).isEqualTo("rapport.accounts.account-profile-changed");
            assertThat(waiting.path("cause").isNull()).as("it only waits behind the first").isTrue();
            assertThat(service.get("/actuator/health").statusCode()).isEqualTo(503);
            assertThat(service.health()).isEqualTo("DOWN");
            assertThat(service.scrape())
                    .containsPattern("rapport_processor_dead_letters\\{[^}]*processor=\"projection\"[^}]*\\} 2\\.0")
                    .containsPattern("rapport_processor_errors_total\\{[^}]*processor=\"projection\"[^}]*\\} 1\\.0");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void deadLettersRetriedAfterAFixAreProjectedInTheirOrder(String kind) {
        try (TestDatabase database = TestDatabase.create(kind); var running = Service.start(database).context()) {
            Service service = new Service(running);
            UUID refused = service.deadLetteredThenFixed();
            HttpResponse<String> retried = service.post("/actuator/processors/" + PROCESSOR + "/dead-letters");

            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(retried.body()).path("left").asLong()).isZero();
            assertThat(service.projectedName(refused)).contains("Refused Holdings");
            assertThat(service.processor().path("deadLetters").asLong()).isZero();
            await().atMost(PATIENCE).until(() -> service.health().equals("UP"));
        }
    }

    /** Without dropping them, the replayed events of a dead-lettered sequence would queue behind its old letters. */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void aRebuildReplaysTheDeadLetteredEventsAndDropsTheirLetters(String kind) {
        try (TestDatabase database = TestDatabase.create(kind); var running = Service.start(database).context()) {
            Service service = new Service(running);
            UUID refused = service.deadLetteredThenFixed();
            assertThat(service.post("/actuator/processors/" + PROCESSOR).statusCode()).isEqualTo(200);

            await().atMost(PATIENCE).until(() -> service.projectedName(refused).equals(Optional.of("Refused Holdings")));
            assertThat(service.processor().path("deadLetters").asLong()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void aDatabaseOutageIsWaitedOutAndDeadLettersNothing(String kind) {
        try (TestDatabase database = TestDatabase.create(kind);
             var running = Service.start(database, "--rapport.processing.stuck-after=PT1S").context()) {
            Service service = new Service(running);
            service.projection().databaseDown.set(true);
            UUID during = service.opened("Opened during the outage");

            await().atMost(PATIENCE).until(() -> service.processor().path("errors").asLong() >= 2
                    && service.health().equals("DOWN"));
            JsonNode processor = service.processor();
            assertThat(processor.path("deadLetters").asLong()).isZero();
            assertThat(processor.path("lag").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(processor.path("stuck").asBoolean()).isTrue();

            service.projection().databaseDown.set(false);

            await().atMost(PATIENCE).until(() -> service.projectedName(during).isPresent());
            assertThat(service.processor().path("deadLetters").asLong()).isZero();
            await().atMost(PATIENCE).until(() -> service.health().equals("UP"));
        }
    }
}
