package com.rapport.insights.assessment;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.StaffRole;
import com.rapport.insights.history.AccountHistories;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:reassessment;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        // the test runs the scheduled job itself, when it has moved the clock
        "rapport.insights.reassess-every=PT24H"})
@Import(ReassessmentTest.Clocks.class)
class ReassessmentTest {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock(START);
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    EventStore events;
    @Autowired
    Reassessment reassessment;
    @Autowired
    Assessments assessments;
    @Autowired
    AccountHistories histories;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    /** Publishes an event as its own service would: the first event of its aggregate. */
    private void recorded(String aggregateType, UUID aggregateId, AccountEvent event) {
        events.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), 0, event));
    }

    private UUID openedKeyAccount(Instant at) {
        UUID accountId = UUID.randomUUID();
        recorded("Account", accountId, new AccountOpened(accountId, "Acme " + accountId.toString().substring(0, 6), Tier.KEY,
                new BigDecimal("100000"), "EUR", "alice", "UTC", null, at));
        return accountId;
    }

    private void connected(UUID accountId, Instant at) {
        UUID contactId = UUID.randomUUID();
        recorded("Contact", contactId, new ContactLogged(contactId, accountId, Channel.CALL, ContactOutcome.CONNECTED,
                Direction.OUTBOUND, "alice", StaffRole.ACCOUNT_MANAGER, Agenda.CHECK_IN, null, null, at));
    }

    private long published(UUID accountId, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id AND payload_type = :type")
                .param("id", RecordAssessment.healthIdOf(accountId).toString())
                .param("type", type)
                .query(Long.class).single();
    }

    private AssessmentView current(UUID accountId) {
        return assessments.all().stream().filter(view -> view.accountId().equals(accountId)).findFirst().orElse(null);
    }

    @Test
    void theScheduledJobRaisesTheNeglectFlagWhenOnlyTimePassesAndOncePerChange() {
        UUID account = openedKeyAccount(clock.instant());
        connected(account, clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> published(account, "rapport.insights.health-band-changed") == 1);
        assertThat(current(account).band()).isEqualTo(HealthBand.HEALTHY);

        clock.advance(Duration.ofDays(40));
        reassessment.reassessEveryAccount();
        assertThat(published(account, "rapport.insights.neglect-flag-raised")).as("40 days: within 1.5 x 30").isZero();

        clock.advance(Duration.ofDays(6));
        reassessment.reassessEveryAccount();
        reassessment.reassessEveryAccount();
        assertThat(published(account, "rapport.insights.neglect-flag-raised")).as("46 days: neglected, said once").isEqualTo(1);
        assertThat(current(account).neglected()).isTrue();
        assertThat(current(account).daysSinceContact()).isEqualTo(46);

        connected(account, clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> published(account, "rapport.insights.neglect-flag-cleared") == 1);
        reassessment.reassessEveryAccount();
        assertThat(published(account, "rapport.insights.neglect-flag-cleared")).isEqualTo(1);
        assertThat(published(account, "rapport.insights.neglect-flag-raised")).isEqualTo(1);
    }

    @Test
    void aRebuildFromTheEventStoreGivesTheSameAnswersWhileAnsweringAndPublishesNothing() {
        UUID quiet = openedKeyAccount(clock.instant().minus(Duration.ofDays(200)));
        connected(quiet, clock.instant().minus(Duration.ofDays(100)));
        UUID tended = openedKeyAccount(clock.instant().minus(Duration.ofDays(100)));
        connected(tended, clock.instant().minus(Duration.ofDays(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> current(quiet) != null && current(tended) != null
                && histories.of(quiet).size() == 2 && histories.of(tended).size() == 2);
        reassessment.reassessEveryAccount();
        List<AssessmentView> before = List.of(current(quiet), current(tended));
        long publishedBefore = jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry").query(Long.class).single();

        StreamingEventProcessor processor = processing
                .eventProcessor(AccountHistories.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(List.of(current(quiet), current(tended))).as("still answering").containsExactlyElementsOf(before);
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying()
                && current(quiet) != null && current(tended) != null);
        assertThat(List.of(current(quiet), current(tended)))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("asOf")
                .containsExactlyElementsOf(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM eventstore.domain_event_entry").query(Long.class).single())
                .isEqualTo(publishedBefore);
    }
}
