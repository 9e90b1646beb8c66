package com.rapport.outreach.pitch;

import com.rapport.events.outreach.PitchMade;
import com.rapport.events.outreach.PitchOutcomeRecorded;
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

import static com.rapport.events.outreach.PitchOutcome.DECLINED;
import static com.rapport.events.outreach.PitchOutcome.WON;
import static com.rapport.outreach.BrokenRule.brokenRule;
import static com.rapport.outreach.TestAccount.ACCOUNT_ID;
import static com.rapport.outreach.TestAccount.ACTIVE;
import static com.rapport.outreach.TestAccount.BEFORE_OPENING;
import static com.rapport.outreach.TestAccount.LATER;
import static com.rapport.outreach.TestAccount.LOST;
import static com.rapport.outreach.TestAccount.RECEIVED;
import static org.hamcrest.Matchers.containsString;

class PitchTest {

    private static final UUID PITCH_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000005");
    private static final Instant ANSWERED = LATER.plusSeconds(7 * 24 * 3600);

    private AggregateTestFixture<Pitch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Pitch.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(Pitch.class)));
    }

    private static MakePitch pitching(String offering, Instant occurredAt, AccountStanding account) {
        return new MakePitch(PITCH_ID, ACCOUNT_ID, offering, true, "alice", occurredAt, RECEIVED, account);
    }

    private static MakePitch pitching(Instant occurredAt) {
        return pitching("managed backups", occurredAt, ACTIVE);
    }

    private static PitchMade made(Instant at) {
        return new PitchMade(PITCH_ID, ACCOUNT_ID, "managed backups", true, "alice", at);
    }

    @Test
    void makesAPitchAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(pitching(LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(made(LATER));
    }

    @Test
    void makesAPitchWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(pitching(null))
                .expectEvents(made(RECEIVED));
    }

    @Test
    void acceptsARetryOfTheSamePitchWithoutASecondEvent() {
        fixture.given(made(LATER))
                .when(pitching(LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(made(LATER))
                .when(pitching(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToPitchAnIdAgainWithOtherDetails() {
        fixture.given(made(LATER))
                .when(pitching("managed firewalls", LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesAPitchDatedBeforeTheOpening() {
        fixture.givenNoPriorActivity()
                .when(pitching(BEFORE_OPENING))
                .expectException(brokenRule("NotBeforeOpening"))
                .expectNoEvents();
    }

    @Test
    void refusesAPitchToALostAccount() {
        fixture.givenNoPriorActivity()
                .when(pitching("managed backups", LATER, LOST))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("is lost"))
                .expectNoEvents();
    }

    @Test
    void recordsTheOutcomeOfAPitch() {
        fixture.given(made(LATER))
                .when(new RecordPitchOutcome(PITCH_ID, WON, ANSWERED, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PitchOutcomeRecorded(PITCH_ID, ACCOUNT_ID, WON, ANSWERED));
    }

    @Test
    void datesAnOutcomeWhenReceivedIfNoTimeIsGiven() {
        fixture.given(made(LATER))
                .when(new RecordPitchOutcome(PITCH_ID, WON, null, RECEIVED))
                .expectEvents(new PitchOutcomeRecorded(PITCH_ID, ACCOUNT_ID, WON, RECEIVED));
    }

    @Test
    void anUndatedOutcomeIsNotDatedBeforeThePitch() {
        Instant pitchedAfterReceipt = RECEIVED.plusSeconds(60);
        fixture.given(made(pitchedAfterReceipt))
                .when(new RecordPitchOutcome(PITCH_ID, WON, null, RECEIVED))
                .expectEvents(new PitchOutcomeRecorded(PITCH_ID, ACCOUNT_ID, WON, pitchedAfterReceipt));
    }

    @Test
    void anOutcomeForAnUnknownPitchFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(new RecordPitchOutcome(PITCH_ID, WON, ANSWERED, RECEIVED))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnOutcomeDatedBeforeThePitch() {
        fixture.given(made(LATER))
                .when(new RecordPitchOutcome(PITCH_ID, WON, LATER.minusSeconds(1), RECEIVED))
                .expectException(brokenRule("NotBeforePitch"))
                .expectNoEvents();
    }

    @Test
    void acceptsTheSameOutcomeAgainWithoutASecondEvent() {
        fixture.given(made(LATER), new PitchOutcomeRecorded(PITCH_ID, ACCOUNT_ID, WON, ANSWERED))
                .when(new RecordPitchOutcome(PITCH_ID, WON, ANSWERED, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsTheSameOutcomeAgainWithTheTimeLeftOut() {
        fixture.given(made(LATER), new PitchOutcomeRecorded(PITCH_ID, ACCOUNT_ID, WON, ANSWERED))
                .when(new RecordPitchOutcome(PITCH_ID, WON, null, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesADifferentOutcomeOnceAnswered() {
        fixture.given(made(LATER), new PitchOutcomeRecorded(PITCH_ID, ACCOUNT_ID, WON, ANSWERED))
                .when(new RecordPitchOutcome(PITCH_ID, DECLINED, null, RECEIVED))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("(WON) was already recorded"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.aContact(PITCH_ID))
                .when(pitching(LATER))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already used by another kind of record"))
                .expectNoEvents();
    }

    @Test
    void refusesAnOutcomeForAnIdUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.aContact(PITCH_ID))
                .when(new RecordPitchOutcome(PITCH_ID, WON, null, RECEIVED))
                .expectException(Conflict.class)
                .expectNoEvents();
    }
}
