package com.rapport.outreach.need;

import com.rapport.events.outreach.UnmetNeedAddressed;
import com.rapport.events.outreach.UnmetNeedDeclined;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import com.rapport.events.outreach.UnmetNeedRaised;
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
import static com.rapport.outreach.need.NeedResolution.ADDRESSED;
import static com.rapport.outreach.need.NeedResolution.DECLINED;
import static com.rapport.outreach.need.NeedResolution.LOST_TO_COMPETITOR;
import static org.hamcrest.Matchers.containsString;

class UnmetNeedTest {

    private static final UUID NEED_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000006");
    private static final Instant ENDED = LATER.plusSeconds(30 * 24 * 3600);
    private static final UnmetNeedRaised RAISED = raised(LATER);

    private AggregateTestFixture<UnmetNeed> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnmetNeed.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(UnmetNeed.class)));
    }

    private static RaiseUnmetNeed raising(String description, Instant occurredAt, AccountStanding account) {
        return new RaiseUnmetNeed(NEED_ID, ACCOUNT_ID, description, "hosting", "quarterly review", "alice",
                occurredAt, RECEIVED, account);
    }

    private static RaiseUnmetNeed raising(Instant occurredAt) {
        return raising("24/7 support", occurredAt, ACTIVE);
    }

    private static UnmetNeedRaised raised(Instant at) {
        return new UnmetNeedRaised(NEED_ID, ACCOUNT_ID, "24/7 support", "hosting", "quarterly review", "alice", at);
    }

    private static ResolveUnmetNeed resolving(NeedResolution outcome, Instant occurredAt) {
        return new ResolveUnmetNeed(NEED_ID, outcome, "night shift added", "too costly", "Globex", occurredAt, RECEIVED);
    }

    private static UnmetNeedAddressed addressed(Instant at) {
        return new UnmetNeedAddressed(NEED_ID, ACCOUNT_ID, "night shift added", at);
    }

    @Test
    void raisesANeedAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(raising(LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(RAISED);
    }

    @Test
    void raisesANeedWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(raising(null))
                .expectEvents(raised(RECEIVED));
    }

    @Test
    void acceptsARetryOfTheSameNeedWithoutASecondEvent() {
        fixture.given(RAISED)
                .when(raising(LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(RAISED)
                .when(raising(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRaiseAnIdAgainWithOtherDetails() {
        fixture.given(RAISED)
                .when(raising("on-site support", LATER, ACTIVE))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesANeedDatedBeforeTheOpening() {
        fixture.givenNoPriorActivity()
                .when(raising(BEFORE_OPENING))
                .expectException(brokenRule("NotBeforeOpening"))
                .expectNoEvents();
    }

    @Test
    void refusesANeedForALostAccount() {
        fixture.givenNoPriorActivity()
                .when(raising("24/7 support", LATER, LOST))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("is lost"))
                .expectNoEvents();
    }

    @Test
    void addressesANeed() {
        fixture.given(RAISED)
                .when(resolving(ADDRESSED, ENDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(addressed(ENDED));
    }

    @Test
    void declinesANeed() {
        fixture.given(RAISED)
                .when(resolving(DECLINED, ENDED))
                .expectEvents(new UnmetNeedDeclined(NEED_ID, ACCOUNT_ID, "too costly", ENDED));
    }

    @Test
    void losesANeedToACompetitor() {
        fixture.given(RAISED)
                .when(resolving(LOST_TO_COMPETITOR, ENDED))
                .expectEvents(new UnmetNeedLostToCompetitor(NEED_ID, ACCOUNT_ID, "Globex", ENDED));
    }

    @Test
    void endsANeedWhenReceivedIfNoTimeIsGiven() {
        fixture.given(RAISED)
                .when(resolving(ADDRESSED, null))
                .expectEvents(addressed(RECEIVED));
    }

    @Test
    void resolvingAnUnknownNeedFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(resolving(ADDRESSED, ENDED))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnEndDatedBeforeTheNeedWasRaised() {
        fixture.given(RAISED)
                .when(resolving(DECLINED, LATER.minusSeconds(1)))
                .expectException(brokenRule("NotBeforeRaised"))
                .expectNoEvents();
    }

    @Test
    void acceptsTheSameEndAgainWithoutASecondEvent() {
        fixture.given(RAISED, addressed(ENDED))
                .when(resolving(ADDRESSED, ENDED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsTheSameEndAgainWithTheTimeLeftOut() {
        fixture.given(RAISED, addressed(ENDED))
                .when(resolving(ADDRESSED, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesADifferentEndOnceEnded() {
        fixture.given(RAISED, addressed(ENDED))
                .when(resolving(LOST_TO_COMPETITOR, null))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already recorded with other details"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(TestAccount.anotherKindOfRecord(NEED_ID))
                .when(raising(LATER))
                .expectException(Conflict.class)
                .expectExceptionMessage(containsString("already used by another kind of record"))
                .expectNoEvents();
    }
}
