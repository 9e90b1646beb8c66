package com.rapport.outreach.feedback;

import com.rapport.events.outreach.FeedbackReceived;
import com.rapport.events.outreach.FeedbackSource;
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

class FeedbackTest {

    private static final UUID FEEDBACK_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000002");

    private AggregateTestFixture<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(Feedback.class)));
    }

    private static RecordFeedback recording(Integer npsScore, Instant occurredAt, AccountStanding account) {
        return new RecordFeedback(FEEDBACK_ID, ACCOUNT_ID, FeedbackSource.CALL, "fast support", "slow invoices",
                "a named contact", npsScore, "alice", occurredAt, RECEIVED, account);
    }

    private static RecordFeedback recording(Instant occurredAt) {
        return recording(8, occurredAt, ACTIVE);
    }

    private static FeedbackReceived received(Instant at) {
        return new FeedbackReceived(FEEDBACK_ID, ACCOUNT_ID, FeedbackSource.CALL, "fast support", "slow invoices",
                "a named contact", 8, "alice", at);
    }

    @Test
    void recordsFeedbackAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(recording(LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(LATER));
    }

    @Test
    void recordsFeedbackWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(recording(null))
                .expectEvents(received(RECEIVED));
    }

    @Test
    void acceptsFeedbackFromALostAccount() {
        fixture.givenNoPriorActivity()
                .when(recording(8, LATER, LOST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(LATER));
    }

    @Test
    void acceptsARetryOfTheSameFeedbackWithoutASecondEvent() {
        fixture.given(received(LATER))
                .when(recording(LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(received(LATER))
                .when(recording(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRecordAnIdAgainWithOtherDetails() {
        fixture.given(received(LATER))
                .when(recording(3, LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesFeedbackDatedBeforeTheOpening() {
        fixture.givenNoPriorActivity()
                .when(recording(BEFORE_OPENING))
                .expectException(brokenRule("NotBeforeOpening"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.anotherKindOfRecord(FEEDBACK_ID))
                .when(recording(LATER))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already used by another kind of record"))
                .expectNoEvents();
    }
}
