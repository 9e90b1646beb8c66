package com.rapport.insights.history;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.StaffRole;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Each event is kept once, and only an event newly kept re-assesses its account. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:account-histories;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "rapport.insights.reassess-every=PT24H"})
class AccountHistoriesTest {

    private static final Instant NOW = Instant.now();

    @Autowired
    EventStore events;
    @Autowired
    AccountHistories histories;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;
    @MockitoSpyBean
    HistoryListener listener;

    private void recorded(String aggregateType, UUID aggregateId, AccountEvent event) {
        events.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), 0, event));
    }

    private UUID accountWithOneContact() {
        UUID accountId = UUID.randomUUID();
        recorded("Account", accountId, new AccountOpened(accountId, "Acme", Tier.KEY, new BigDecimal("100000"), "EUR",
                "alice", "UTC", null, NOW.minus(Duration.ofDays(90))));
        UUID contactId = UUID.randomUUID();
        recorded("Contact", contactId, new ContactLogged(contactId, accountId, Channel.CALL, ContactOutcome.CONNECTED,
                Direction.OUTBOUND, "alice", StaffRole.ACCOUNT_MANAGER, Agenda.CHECK_IN, null, null, NOW.minus(Duration.ofDays(3))));
        return accountId;
    }

    private long kept(UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM insights.account_event WHERE account_id = :id")
                .param("id", accountId).query(Long.class).single();
    }

    @Test
    void aRebuildKeepsEachEventOnceAndReassessesOnlyTheAccountsWhoseHistoryGainedAnEvent() {
        UUID unchanged = accountWithOneContact();
        UUID missingAnEvent = accountWithOneContact();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            verify(listener, times(2)).historyChanged(unchanged, false);
            verify(listener, times(2)).historyChanged(missingAnEvent, false);
        });
        jdbc.sql("""
                        DELETE FROM insights.account_event WHERE event_id =
                            (SELECT event_id FROM insights.account_event WHERE account_id = :id ORDER BY position DESC LIMIT 1)""")
                .param("id", missingAnEvent).update();
        clearInvocations(listener);

        StreamingEventProcessor processor = processing
                .eventProcessor(AccountHistories.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        // The missing event is the last one the replay keeps, so once it is back the rebuild has passed the rest.
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(missingAnEvent) == 2 && !processor.isReplaying());

        assertThat(kept(unchanged)).isEqualTo(2);
        assertThat(histories.of(missingAnEvent)).hasSize(2);
        // At least once: a segment's batch that is rolled back and retried tells the listener again.
        verify(listener, atLeastOnce()).historyChanged(missingAnEvent, true);
        verify(listener, never()).historyChanged(eq(unchanged), anyBoolean());
    }
}
