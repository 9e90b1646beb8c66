package com.rapport.platform.web.outage;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.rapport.platform.web.outage.BreakableDataSource.Where.COMMITTING;
import static com.rapport.platform.web.outage.BreakableDataSource.Where.CONNECTING;
import static com.rapport.platform.web.outage.BreakableDataSource.Where.INSERTING;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A service whose database goes away answers every request that needs it with a 503 problem and
 * a Retry-After, through Axon's command handling and event store, Spring's transactions and JDBC,
 * whichever of them the driver's or the pool's exception comes through; a bug stays a 500.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:outage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.hikari.maximum-pool-size=2",
        "rapport.schema=outage",
        "spring.application.name=outage-test"})
@AutoConfigureMockMvc
class DatabaseOutageAnswersTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan
    static class Service {

        @Bean
        static BeanPostProcessor breakableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof BreakableDataSource)
                            ? new BreakableDataSource(dataSource) : bean;
                }
            };
        }
    }

    @RestController
    static class Notes {

        private final CommandGateway commands;
        private final JdbcClient jdbc;

        Notes(CommandGateway commands, JdbcClient jdbc) {
            this.commands = commands;
            this.jdbc = jdbc;
        }

        @PostMapping("/notes/{noteId}")
        void write(@PathVariable UUID noteId) {
            commands.sendAndWait(new Note.Write(noteId));
        }

        @GetMapping("/notes/count")
        long count() {
            return jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry").query(Long.class).single();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void mend() {
        ((BreakableDataSource) dataSource).mend();
    }

    private static PSQLException postgres(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0C" + state + "\0M" + message + "\0"));
    }

    static Stream<Arguments> outages() {
        return Stream.of(
                arguments("the pool gives no connection in time", CONNECTING, (Supplier<SQLException>) () ->
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms")),
                arguments("PostgreSQL refuses connections", CONNECTING, (Supplier<SQLException>) () ->
                        new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)),
                arguments("PostgreSQL is starting up", CONNECTING, (Supplier<SQLException>) () ->
                        postgres("57P03", "the database system is starting up")),
                arguments("PostgreSQL stops while an event is appended", INSERTING, (Supplier<SQLException>) () ->
                        postgres("57P01", "terminating connection due to administrator command")),
                arguments("the connection breaks at commit", COMMITTING, (Supplier<SQLException>) () ->
                        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
    }

    @ParameterizedTest(name = "{0}: a command is a 503")
    @MethodSource("outages")
    void aCommandIsA503WithRetryAfter(String description, BreakableDataSource.Where where, Supplier<SQLException> failure)
            throws Exception {
        ((BreakableDataSource) dataSource).fail(where, failure);

        mvc.perform(post("/notes/{id}", UUID.randomUUID()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The database is unavailable")));
    }

    @Test
    void aQueryIsA503WithRetryAfter() throws Exception {
        ((BreakableDataSource) dataSource).fail(CONNECTING, () -> postgres("57P03", "the database system is starting up"));

        mvc.perform(get("/notes/count"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBugIsStillA500() throws Exception {
        ((BreakableDataSource) dataSource).fail(INSERTING, () -> new SQLSyntaxErrorException("relation \"domain_event_entry\" does not exist", "42P01"));

        mvc.perform(post("/notes/{id}", UUID.randomUUID()))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.detail").value("The request could not be completed; it has been logged."));
    }

    @Test
    void onceTheDatabaseIsBackTheSameRequestSucceeds() throws Exception {
        UUID noteId = UUID.randomUUID();
        ((BreakableDataSource) dataSource).fail(INSERTING, () -> postgres("57P01", "terminating connection due to administrator command"));
        mvc.perform(post("/notes/{id}", noteId)).andExpect(status().isServiceUnavailable());

        ((BreakableDataSource) dataSource).mend();

        mvc.perform(post("/notes/{id}", noteId)).andExpect(status().isOk());
    }
}
