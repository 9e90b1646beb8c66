package com.rapport.outreach.contact;

import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.StaffRole;
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

class ContactTest {

    private static final UUID CONTACT_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000001");

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(Contact.class)));
    }

    private static LogContact logging(String note, Integer durationMinutes, Instant occurredAt, AccountStanding account) {
        return new LogContact(CONTACT_ID, ACCOUNT_ID, Channel.MEETING, ContactOutcome.CONNECTED, Direction.OUTBOUND,
                "alice", StaffRole.ACCOUNT_MANAGER, Agenda.REVIEW, note, durationMinutes, occurredAt, RECEIVED, account);
    }

    private static LogContact logging(String note, Instant occurredAt, AccountStanding account) {
        return logging(note, 45, occurredAt, account);
    }

    private static LogContact logging(Instant occurredAt) {
        return logging("quarterly review", occurredAt, ACTIVE);
    }

    private static ContactLogged logged(Instant at) {
        return new ContactLogged(CONTACT_ID, ACCOUNT_ID, Channel.MEETING, ContactOutcome.CONNECTED, Direction.OUTBOUND,
                "alice", StaffRole.ACCOUNT_MANAGER, Agenda.REVIEW, "quarterly review", 45, at);
    }

    @Test
    void logsAContactAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(logging(LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(logged(LATER));
    }

    @Test
    void logsAContactWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(logging(null))
                .expectEvents(logged(RECEIVED));
    }

    @Test
    void anUndatedContactIsNotDatedBeforeTheOpening() {
        Instant openedAfterReceipt = RECEIVED.plusSeconds(60);
        fixture.givenNoPriorActivity()
                .when(logging("quarterly review", null, new AccountStanding(ACCOUNT_ID, openedAfterReceipt, false)))
                .expectEvents(logged(openedAfterReceipt));
    }

    @Test
    void acceptsARetryOfTheSameContactWithoutASecondEvent() {
        fixture.given(logged(LATER))
                .when(logging(LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(logged(LATER))
                .when(logging(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryAfterTheAccountWasLost() {
        fixture.given(logged(LATER))
                .when(logging("quarterly review", LATER, LOST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToLogAnIdAgainWithOtherDetails() {
        fixture.given(logged(LATER))
                .when(logging("something else", LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesToLogAnIdAgainWithAnotherDuration() {
        fixture.given(logged(LATER))
                .when(logging("quarterly review", 60, LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesToLogAnIdAgainAtAnotherTime() {
        fixture.given(logged(LATER))
                .when(logging(LATER.plusSeconds(60)))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesAContactDatedBeforeTheOpening() {
        fixture.givenNoPriorActivity()
                .when(logging(BEFORE_OPENING))
                .expectException(brokenRule("NotBeforeOpening"))
                .expectNoEvents();
    }

    @Test
    void refusesAContactForALostAccount() {
        fixture.givenNoPriorActivity()
                .when(logging("quarterly review", LATER, LOST))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("is lost"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.anotherKindOfRecord(CONTACT_ID))
                .when(logging(LATER))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already used by another kind of record"))
                .expectNoEvents();
    }
}
