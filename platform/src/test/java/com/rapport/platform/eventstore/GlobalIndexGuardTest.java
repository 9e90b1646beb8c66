package com.rapport.platform.eventstore;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store that lost events its processors had handled must not hand their positions out again:
 * the processors would skip the events given them.
 */
class GlobalIndexGuardTest {

    private static final Duration HANDLED_WITHIN = Duration.ofSeconds(30);
    private static final String DATABASE = "jdbc:h2:mem:guard-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    record Noted(String text) {
    }

    /** A read model of this service: what its processor has handled, in order. */
    @ProcessingGroup("notes")
    static class Notes {

        static final Queue<String> handled = new ConcurrentLinkedQueue<>();

        @EventHandler
        void on(Noted noted) {
            handled.add(noted.text());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Notes.class)
    static class ServiceWithAReadModel {
    }

    private ConfigurableApplicationContext service;

    @AfterEach
    void stopAndDropTheDatabase() throws SQLException {
        if (service != null) {
            service.close();
        }
        Notes.handled.clear();
        sql("SHUTDOWN");
    }

    @Test
    void atStartMovesTheIndexPastWhatTheProcessorsHandledSoThatANewEventIsHandled() throws SQLException {
        startTheService();
        note(20);
        awaitHandled(20);
        service.close();

        theStoreLosesEventsAfter(12);
        startTheService();
        publish("after the loss");

        await().atMost(HANDLED_WITHIN).until(() -> Notes.handled.contains("after the loss"));
        assertThat(globalIndexOf("after the loss")).isGreaterThan(20);
    }

    @Test
    void whileRunningMovesTheIndexOnceTheStoreHasComeBackBehindTheProcessors() throws SQLException {
        startTheService();
        note(20);
        awaitHandled(20);

        theStoreLosesEventsAfter(12);
        GlobalIndexGuard guard = service.getBean(GlobalIndexGuard.class);
        OptionalLong next = guard.check();
        OptionalLong checkedAgain = guard.check();
        publish("after the loss");

        assertThat(next).isPresent();
        assertThat(next.getAsLong()).isGreaterThan(20);
        assertThat(checkedAgain).as("moved once, not at every check until the next event").isEmpty();
        await().atMost(HANDLED_WITHIN).until(() -> Notes.handled.contains("after the loss"));
        assertThat(globalIndexOf("after the loss")).isEqualTo(next.getAsLong());
    }

    @Test
    void leavesTheIndexAloneWhileTheStoreIsAheadOfTheProcessors() throws SQLException {
        startTheService();
        note(5);
        awaitHandled(5);

        assertThat(service.getBean(GlobalIndexGuard.class).check()).isEmpty();
        publish("next");
        assertThat(globalIndexOf("next")).isEqualTo(6);
    }

    private void startTheService() {
        service = new SpringApplicationBuilder(ServiceWithAReadModel.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + DATABASE,
                        "--rapport.schema=guarded",
                        "--spring.application.name=guard-test",
                        "--axon.eventhandling.processors.notes.mode=pooled",
                        "--axon.eventhandling.processors.notes.initial-segment-count=1");
    }

    private void note(int events) {
        IntStream.rangeClosed(1, events).forEach(n -> publish("note " + n));
    }

    private void publish(String text) {
        service.getBean(EventGateway.class).publish(new Noted(text));
    }

    private static void awaitHandled(int events) {
        await().atMost(HANDLED_WITHIN).until(() -> Notes.handled.size() == events);
    }

    /** As a crash that lost acknowledged commits leaves it: the events are gone, and so are their positions. */
    private static void theStoreLosesEventsAfter(long position) throws SQLException {
        sql("DELETE FROM eventstore.domain_event_entry WHERE global_index > " + position);
        sql("ALTER SEQUENCE eventstore.domain_event_entry_global_index RESTART WITH " + (position + 1));
    }

    private static long globalIndexOf(String text) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT global_index, payload FROM eventstore.domain_event_entry")) {
            while (rows.next()) {
                if (new String(rows.getBytes("payload")).contains("\"" + text + "\"")) {
                    return rows.getLong("global_index");
                }
            }
        }
        throw new AssertionError("no stored event notes " + text);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
