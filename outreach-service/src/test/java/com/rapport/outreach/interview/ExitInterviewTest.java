package com.rapport.outreach.interview;

import com.rapport.events.outreach.LostClientInterviewRecorded;
import com.rapport.events.outreach.WinBackChance;
import com.rapport.outreach.account.AccountStanding;
import com.rapport.platform.eventstore.OneKindPerId;
import com.rapport.platform.problem.Conflict;
import com.rapport.outreach.TestAccount;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.rapport.events.account.LossReason.COMPETITOR_OFFER;
import static com.rapport.events.account.LossReason.NEGLECT;
import static com.rapport.outreach.BrokenRule.brokenRule;
import static com.rapport.outreach.TestAccount.ACCOUNT_ID;
import static com.rapport.outreach.TestAccount.ACTIVE;
import static com.rapport.outreach.TestAccount.BEFORE_OPENING;
import static com.rapport.outreach.TestAccount.LATER;
import static com.rapport.outreach.TestAccount.LOST;
import static com.rapport.outreach.TestAccount.RECEIVED;
import static org.hamcrest.Matchers.containsString;

class ExitInterviewTest {

    private static final UUID INTERVIEW_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000004");

    private AggregateTestFixture<ExitInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExitInterview.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(ExitInterview.class)));
    }

    private static RecordExitInterview interviewing(WinBackChance chance, Instant occurredAt, AccountStanding account) {
        return new RecordExitInterview(INTERVIEW_ID, ACCOUNT_ID, COMPETITOR_OFFER, List.of(NEGLECT), "Globex",
                "call them more often", chance, "alice", occurredAt, RECEIVED, account);
    }

    private static RecordExitInterview interviewing(Instant occurredAt) {
        return interviewing(WinBackChance.LOW, occurredAt, LOST);
    }

    private static LostClientInterviewRecorded recorded(Instant at) {
        return new LostClientInterviewRecorded(INTERVIEW_ID, ACCOUNT_ID, COMPETITOR_OFFER, List.of(NEGLECT), "Globex",
                "call them more often", WinBackChance.LOW, "alice", at);
    }

    @Test
    void recordsAnExitInterviewForALostAccountAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(interviewing(LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded(LATER));
    }

    @Test
    void recordsAnExitInterviewWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(interviewing(null))
                .expectEvents(recorded(RECEIVED));
    }

    @Test
    void refusesExitInterviewForActiveAccount() {
        fixture.givenNoPriorActivity()
                .when(interviewing(WinBackChance.LOW, LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("is not lost"))
                .expectNoEvents();
    }

    @Test
    void acceptsARetryOfTheSameInterviewWithoutASecondEvent() {
        fixture.given(recorded(LATER))
                .when(interviewing(LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(recorded(LATER))
                .when(interviewing(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRecordAnIdAgainWithOtherDetails() {
        fixture.given(recorded(LATER))
                .when(interviewing(WinBackChance.HIGH, LATER, LOST))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesAnInterviewDatedBeforeTheOpening() {
        fixture.givenNoPriorActivity()
                .when(interviewing(BEFORE_OPENING))
                .expectException(brokenRule("NotBeforeOpening"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.anotherKindOfRecord(INTERVIEW_ID))
                .when(interviewing(LATER))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already used by another kind of record"))
                .expectNoEvents();
    }
}
