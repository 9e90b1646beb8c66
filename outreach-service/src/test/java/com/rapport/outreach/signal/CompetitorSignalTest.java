package com.rapport.outreach.signal;

import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.outreach.account.AccountStanding;
import com.rapport.platform.eventstore.OneKindPerId;
import com.rapport.platform.problem.Conflict;
import com.rapport.outreach.TestAccount;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.rapport.outreach.BrokenRule.brokenRule;
import static com.rapport.outreach.TestAccount.ACCOUNT_ID;
import static com.rapport.outreach.TestAccount.ACTIVE;
import static com.rapport.outreach.TestAccount.BEFORE_OPENING;
import static com.rapport.outreach.TestAccount.LATER;
import static com.rapport.outreach.TestAccount.LOST;
import static com.rapport.outreach.TestAccount.RECEIVED;
import static org.hamcrest.Matchers.containsString;

class CompetitorSignalTest {

    private static final UUID SIGNAL_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000003");

    private AggregateTestFixture<CompetitorSignal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CompetitorSignal.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(CompetitorSignal.class)));
    }

    private static RecordCompetitorSighting sighting(String competitor, Instant occurredAt, AccountStanding account) {
        return new RecordCompetitorSighting(SIGNAL_ID, ACCOUNT_ID, competitor, "at their offices", "alice",
                occurredAt, RECEIVED, account);
    }

    private static RecordCompetitorSighting sighting(Instant occurredAt) {
        return sighting("Globex", occurredAt, ACTIVE);
    }

    private static CompetitorSighted sighted(Instant at) {
        return new CompetitorSighted(SIGNAL_ID, ACCOUNT_ID, "Globex", "at their offices", "alice", at);
    }

    @Test
    void recordsASightingAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(sighting(LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(sighted(LATER));
    }

    @Test
    void recordsASightingWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(sighting(null))
                .expectEvents(sighted(RECEIVED));
    }

    @Test
    void acceptsARetryOfTheSameSightingWithoutASecondEvent() {
        fixture.given(sighted(LATER))
                .when(sighting(LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(sighted(LATER))
                .when(sighting(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRecordAnIdAgainWithOtherDetails() {
        fixture.given(sighted(LATER))
                .when(sighting("Initech", LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesASightingDatedBeforeTheOpening() {
        fixture.givenNoPriorActivity()
                .when(sighting(BEFORE_OPENING))
                .expectException(brokenRule("NotBeforeOpening"))
                .expectNoEvents();
    }

    @Test
    void refusesASightingForALostAccount() {
        fixture.givenNoPriorActivity()
                .when(sighting("Globex", LATER, LOST))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("is lost"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.anotherKindOfRecord(SIGNAL_ID))
                .when(sighting(LATER))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already used by another kind of record"))
                .expectNoEvents();
    }
}
