package com.rapport.outreach.call;

import com.rapport.events.outreach.CallCompleted;
import com.rapport.events.outreach.CallMissed;
import com.rapport.events.outreach.CallRescheduled;
import com.rapport.events.outreach.CallScheduled;
import com.rapport.outreach.account.AccountStanding;
import com.rapport.platform.eventstore.OneKindPerId;
import com.rapport.platform.problem.Conflict;
import org.axonframework.modelling.command.AggregateNotFoundException;
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

class CallTest {

    private static final UUID CALL_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000007");
    private static final UUID CONTACT_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000001");
    private static final UUID OTHER_CONTACT_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000008");
    private static final UUID OTHER_ACCOUNT_ID = UUID.fromString("6f1d9b1e-3c4a-4e1b-9a53-000000000002");
    private static final Instant DUE = LATER.plusSeconds(7 * 24 * 3600);
    private static final Instant MOVED_TO = DUE.plusSeconds(2 * 24 * 3600);
    private static final Instant BEFORE_SCHEDULING = LATER.minusSeconds(1);
    private static final CallScheduled SCHEDULED = scheduled(LATER);
    private static final CallCompleted COMPLETED = new CallCompleted(CALL_ID, ACCOUNT_ID, CONTACT_ID, DUE);
    private static final CallMissed MISSED = new CallMissed(CALL_ID, ACCOUNT_ID, DUE);

    private AggregateTestFixture<Call> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Call.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(Call.class)));
    }

    private static ScheduleCall scheduling(String purpose, Instant occurredAt, AccountStanding account) {
        return new ScheduleCall(CALL_ID, ACCOUNT_ID, "alice", DUE, purpose, occurredAt, RECEIVED, account);
    }

    private static ScheduleCall scheduling(Instant occurredAt) {
        return scheduling("renewal check-in", occurredAt, ACTIVE);
    }

    private static CallScheduled scheduled(Instant at) {
        return new CallScheduled(CALL_ID, ACCOUNT_ID, "alice", DUE, "renewal check-in", at);
    }

    private static RescheduleCall rescheduling(Instant dueAt, Instant occurredAt) {
        return new RescheduleCall(CALL_ID, dueAt, "voicemail", occurredAt, RECEIVED);
    }

    private static CompleteCall completing(UUID contactId, Instant occurredAt) {
        return new CompleteCall(CALL_ID, contactId, ACCOUNT_ID, occurredAt, RECEIVED);
    }

    @Test
    void schedulesACallAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(scheduling(LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SCHEDULED);
    }

    @Test
    void schedulesACallWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(scheduling(null))
                .expectEvents(scheduled(RECEIVED));
    }

    @Test
    void acceptsARetryOfTheSameSchedulingWithoutASecondEvent() {
        fixture.given(SCHEDULED)
                .when(scheduling(LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(SCHEDULED)
                .when(scheduling(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToScheduleAnIdAgainWithOtherDetails() {
        fixture.given(SCHEDULED)
                .when(scheduling("upsell", LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesASchedulingDatedBeforeTheOpening() {
        fixture.givenNoPriorActivity()
                .when(scheduling(BEFORE_OPENING))
                .expectException(brokenRule("NotBeforeOpening"))
                .expectNoEvents();
    }

    @Test
    void refusesToScheduleACallForALostAccount() {
        fixture.givenNoPriorActivity()
                .when(scheduling("renewal check-in", LATER, LOST))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("is lost"))
                .expectNoEvents();
    }

    @Test
    void reschedulesACallToANewTime() {
        fixture.given(SCHEDULED)
                .when(rescheduling(MOVED_TO, DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CallRescheduled(CALL_ID, ACCOUNT_ID, MOVED_TO, "voicemail", DUE));
    }

    @Test
    void datesARescheduleWhenReceivedIfNoTimeIsGiven() {
        fixture.given(SCHEDULED)
                .when(rescheduling(MOVED_TO, null))
                .expectEvents(new CallRescheduled(CALL_ID, ACCOUNT_ID, MOVED_TO, "voicemail", RECEIVED));
    }

    @Test
    void reschedulingToTheTimeAlreadyDueRecordsNothing() {
        fixture.given(SCHEDULED)
                .when(rescheduling(DUE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reschedulingAgainToTheNewTimeRecordsNothing() {
        fixture.given(SCHEDULED, new CallRescheduled(CALL_ID, ACCOUNT_ID, MOVED_TO, "voicemail", DUE))
                .when(rescheduling(MOVED_TO, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRescheduleACompletedCall() {
        fixture.given(SCHEDULED, COMPLETED)
                .when(rescheduling(MOVED_TO, null))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("cannot be rescheduled"))
                .expectNoEvents();
    }

    @Test
    void refusesToRescheduleAMissedCall() {
        fixture.given(SCHEDULED, MISSED)
                .when(rescheduling(MOVED_TO, null))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("was missed"))
                .expectNoEvents();
    }

    @Test
    void refusesARescheduleDatedBeforeTheScheduling() {
        fixture.given(SCHEDULED)
                .when(rescheduling(MOVED_TO, BEFORE_SCHEDULING))
                .expectException(brokenRule("NotBeforeScheduled"))
                .expectNoEvents();
    }

    @Test
    void reschedulingAnUnknownCallFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(rescheduling(MOVED_TO, null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void completesACallLinkingItsContact() {
        fixture.given(SCHEDULED)
                .when(completing(CONTACT_ID, DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(COMPLETED);
    }

    @Test
    void datesACompletionWhenReceivedIfNoTimeIsGiven() {
        fixture.given(SCHEDULED)
                .when(completing(CONTACT_ID, null))
                .expectEvents(new CallCompleted(CALL_ID, ACCOUNT_ID, CONTACT_ID, RECEIVED));
    }

    @Test
    void refusesToCompleteACallWithAContactOfAnotherAccount() {
        fixture.given(SCHEDULED)
                .when(new CompleteCall(CALL_ID, CONTACT_ID, OTHER_ACCOUNT_ID, DUE, RECEIVED))
                .expectException(brokenRule("SameAccount"))
                .expectNoEvents();
    }

    @Test
    void completingAgainWithTheSameContactRecordsNothing() {
        fixture.given(SCHEDULED, COMPLETED)
                .when(completing(CONTACT_ID, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToCompleteACallAgainAsAnotherContact() {
        fixture.given(SCHEDULED, COMPLETED)
                .when(completing(OTHER_CONTACT_ID, DUE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("The completion of call " + CALL_ID + " was already recorded"))
                .expectNoEvents();
    }

    @Test
    void refusesToCompleteAMissedCall() {
        fixture.given(SCHEDULED, MISSED)
                .when(completing(CONTACT_ID, null))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("was missed"))
                .expectNoEvents();
    }

    @Test
    void refusesACompletionDatedBeforeTheScheduling() {
        fixture.given(SCHEDULED)
                .when(completing(CONTACT_ID, BEFORE_SCHEDULING))
                .expectException(brokenRule("NotBeforeScheduled"))
                .expectNoEvents();
    }

    @Test
    void marksACallMissed() {
        fixture.given(SCHEDULED)
                .when(new MarkCallMissed(CALL_ID, DUE, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(MISSED);
    }

    @Test
    void datesAMissWhenReceivedIfNoTimeIsGiven() {
        fixture.given(SCHEDULED)
                .when(new MarkCallMissed(CALL_ID, null, RECEIVED))
                .expectEvents(new CallMissed(CALL_ID, ACCOUNT_ID, RECEIVED));
    }

    @Test
    void markingACallMissedAgainRecordsNothing() {
        fixture.given(SCHEDULED, MISSED)
                .when(new MarkCallMissed(CALL_ID, DUE, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToMarkACompletedCallMissed() {
        fixture.given(SCHEDULED, COMPLETED)
                .when(new MarkCallMissed(CALL_ID, null, RECEIVED))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("was completed"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissDatedBeforeTheScheduling() {
        fixture.given(SCHEDULED)
                .when(new MarkCallMissed(CALL_ID, BEFORE_SCHEDULING, RECEIVED))
                .expectException(brokenRule("NotBeforeScheduled"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.anotherKindOfRecord(CALL_ID))
                .when(scheduling(LATER))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already used by another kind of record"))
                .expectNoEvents();
    }

    @Test
    void refusesToCompleteACallAgainAtAnotherTime() {
        fixture.given(SCHEDULED, COMPLETED)
                .when(completing(CONTACT_ID, COMPLETED.occurredAt().plusSeconds(60)))
                .expectException(Conflict.class)
                .expectNoEvents();
    }
}
