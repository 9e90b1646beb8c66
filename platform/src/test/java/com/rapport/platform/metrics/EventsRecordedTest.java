package com.rapport.platform.metrics;

import com.rapport.events.account.AccountWonBack;
import com.rapport.events.insights.NeglectFlagCleared;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events are counted by their external name once, when what appended them has committed. */
class EventsRecordedTest {

    private static final String WON_BACK = "rapport.accounts.account-won-back";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    EventsRecordedTest() {
        store.registerDispatchInterceptor(new CommittedEvents(List.of(new EventsRecorded(registry))));
    }

    @AfterEach
    void stopStore() {
        store.shutDown();
    }

    private static EventMessage<?> wonBack() {
        return GenericEventMessage.asEventMessage(new AccountWonBack(UUID.randomUUID(), Instant.now()));
    }

    private double recorded(String type) {
        Counter counter = registry.find("rapport.events.recorded").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void countsEachEventByItsExternalNameWhenTheUnitOfWorkCommits() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(wonBack(), wonBack());
        store.publish(GenericEventMessage.asEventMessage(new NeglectFlagCleared(UUID.randomUUID(), Instant.now())));

        assertThat(recorded(WON_BACK)).as("nothing is committed yet").isZero();
        unitOfWork.commit();

        assertThat(recorded(WON_BACK)).isEqualTo(2);
        assertThat(recorded("rapport.insights.neglect-flag-cleared")).isEqualTo(1);
    }

    @Test
    void countsNothingThatWasRolledBack() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(wonBack());
        unitOfWork.rollback();

        assertThat(recorded(WON_BACK)).isZero();
    }

    /** A unit of work that fails while committing (the store refused the append) counts nothing; its retry counts once. */
    @Test
    void countsARetriedAppendOnce() {
        UnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        store.publish(wonBack());
        failing.onCommit(unitOfWork -> {
            throw new IllegalStateException("lost the race on the aggregate");
        });
        assertThatThrownBy(failing::commit).isInstanceOf(IllegalStateException.class);

        UnitOfWork<?> retry = DefaultUnitOfWork.startAndGet(null);
        store.publish(wonBack());
        retry.commit();

        assertThat(recorded(WON_BACK)).isEqualTo(1);
    }

    @Test
    void countsAnEventPublishedInANestedUnitOfWorkWhenTheOutermostCommits() {
        UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(null);
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        store.publish(wonBack());
        nested.commit();

        assertThat(recorded(WON_BACK)).isZero();
        outer.commit();
        assertThat(recorded(WON_BACK)).isEqualTo(1);
    }

    /** A command's unit of work inside a chunk of an import has committed its part only; the chunk may still roll back. */
    @Test
    void countsAnEventWhenTheLongerTransactionItsUnitOfWorkJoinedCommits() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            store.publish(wonBack());
            unitOfWork.commit();

            assertThat(recorded(WON_BACK)).as("the transaction has not committed yet").isZero();
            TransactionSynchronizationUtils.triggerAfterCommit();
            assertThat(recorded(WON_BACK)).isEqualTo(1);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void countsAnEventPublishedOutsideAUnitOfWorkAtOnce() {
        store.publish(wonBack());

        assertThat(recorded(WON_BACK)).isEqualTo(1);
    }
}
