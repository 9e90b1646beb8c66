package com.rapport.platform.eventstore;

import com.rapport.platform.problem.Conflict;
import com.rapport.platform.web.outage.Note;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * All aggregates of all services share one id space in the store: an id that one kind of
 * aggregate holds is refused to every other kind the platform wires, and nothing is appended.
 */
class OneKindPerIdTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Note.class)
    static class Service {
    }

    /** What another service's aggregate, a sketch, recorded. */
    record Sketched(UUID sketchId) {
    }

    private static ConfigurableApplicationContext service;
    private static CommandGateway commands;

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:mem:kinds-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "--rapport.schema=kinds",
                        "--spring.application.name=kinds-test");
        commands = service.getBean(CommandGateway.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void sketchedByAnotherService(UUID id) {
        service.getBean(TransactionManager.class).executeInTransaction(() ->
                service.getBean(EventStorageEngine.class).appendEvents(
                        new GenericDomainEventMessage<>("Sketch", id.toString(), 0, new Sketched(id))));
    }

    private static Object[] typesStoredUnder(UUID id) {
        return service.getBean(EventStore.class).readEvents(id.toString()).asStream()
                .map(DomainEventMessage::getType).toArray();
    }

    @Test
    void refusesAnIdThatAnotherKindOfAggregateHolds() {
        UUID id = UUID.randomUUID();
        sketchedByAnotherService(id);

        assertThatThrownBy(() -> commands.sendAndWait(new Note.Write(id)))
                .isInstanceOf(Conflict.class)
                .hasMessage("Id " + id + " is already used by another kind of record");
        assertThat(typesStoredUnder(id)).containsExactly("Sketch");
    }

    @Test
    void loadsAnAggregateFromEventsOfItsOwnKind() {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new Note.Write(id));
        commands.sendAndWait(new Note.Write(id)); // loads the note, which has been written already

        assertThat(typesStoredUnder(id)).containsExactly("Note");
    }
}
