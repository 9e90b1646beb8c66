package com.rapport.accounts.account;

import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.AccountOwnerAssigned;
import com.rapport.events.account.AccountProfileChanged;
import com.rapport.events.account.AccountWonBack;
import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.events.outreach.CompetitorSighted;
import com.rapport.platform.eventstore.OneKindPerId;
import com.rapport.platform.problem.Conflict;
import com.rapport.platform.problem.InvalidField;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static com.rapport.events.account.LossReason.COMPETITOR_OFFER;
import static com.rapport.events.account.LossReason.NEGLECT;

class AccountTest {

    private static final UUID ID = UUID.fromString("6f1d9b1e-3c4a-4e1b-9a53-000000000001");
    private static final Instant OPENED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-22T08:00:00Z");
    private static final AccountOpened OPENED_EVENT = new AccountOpened(ID, "Acme Ltd", Tier.KEY,
            new BigDecimal("120000.00"), "EUR", "alice", "Europe/Paris", null, OPENED);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        // as wired in the service, so that an id of another kind of record is refused
        fixture.registerAggregateFactory(new OneKindPerId<>(new GenericAggregateFactory<>(Account.class)));
    }

    private static OpenAccount opening(Instant occurredAt) {
        return new OpenAccount(ID, "Acme Ltd", Tier.KEY, new BigDecimal("120000.00"), "EUR", "alice", "Europe/Paris",
                null, occurredAt, RECEIVED);
    }

    private static AccountLost lost(LossReason reason, Instant at) {
        return new AccountLost(ID, reason, "Globex", null, at);
    }

    @Test
    void opensAnAccountAtTheTimeGiven() {
        fixture.givenNoPriorActivity()
                .when(opening(OPENED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED_EVENT);
    }

    @Test
    void opensAnAccountWhenReceivedIfNoTimeIsGiven() {
        fixture.givenNoPriorActivity()
                .when(opening(null))
                .expectEvents(new AccountOpened(ID, "Acme Ltd", Tier.KEY, new BigDecimal("120000.00"), "EUR", "alice",
                        "Europe/Paris", null, RECEIVED));
    }

    @Test
    void acceptsARetryOfTheSameOpeningWithoutASecondEvent() {
        fixture.given(OPENED_EVENT)
                .when(opening(OPENED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryThatLeavesTheTimeOut() {
        fixture.given(OPENED_EVENT)
                .when(opening(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRetryMayWriteTheSameValueWithAnotherScale() {
        fixture.given(OPENED_EVENT)
                .when(new OpenAccount(ID, "Acme Ltd", Tier.KEY, new BigDecimal("120000"), "EUR", "alice",
                        "Europe/Paris", null, OPENED, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToOpenAnIdAgainWithOtherDetails() {
        fixture.given(OPENED_EVENT)
                .when(new OpenAccount(ID, "Other Corp", Tier.KEY, new BigDecimal("120000"), "EUR", "alice",
                        "Europe/Paris", null, OPENED, RECEIVED))
                .expectException(Conflict.class)
                .expectNoEvents();
    }

    @Test
    void recordsOnlyTheProfileFieldsThatChange() {
        fixture.given(OPENED_EVENT)
                .when(new ChangeProfile(ID, "Acme Ltd", Tier.STRATEGIC, new BigDecimal("120000.0"), null, 14, LATER, RECEIVED))
                .expectEvents(new AccountProfileChanged(ID, null, Tier.STRATEGIC, null, null, 14, LATER));
    }

    @Test
    void recordsNothingWhenTheProfileDoesNotChange() {
        fixture.given(OPENED_EVENT)
                .when(new ChangeProfile(ID, "Acme Ltd", Tier.KEY, null, "Europe/Paris", null, null, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAProfileChangeDatedBeforeTheOpening() {
        fixture.given(OPENED_EVENT)
                .when(new ChangeProfile(ID, "Acme Group", null, null, null, null, OPENED.minusSeconds(1), RECEIVED))
                .expectException(InvalidField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the account was opened"))
                .expectNoEvents();
    }

    @Test
    void assignsANewOwnerRememberingThePreviousOne() {
        fixture.given(OPENED_EVENT)
                .when(new AssignOwner(ID, "bob", LATER, RECEIVED))
                .expectEvents(new AccountOwnerAssigned(ID, "bob", "alice", LATER));
    }

    @Test
    void assigningTheCurrentOwnerAgainRecordsNothing() {
        fixture.given(OPENED_EVENT)
                .when(new AssignOwner(ID, "alice", null, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnOwnerAssignmentDatedBeforeTheOpening() {
        fixture.given(OPENED_EVENT)
                .when(new AssignOwner(ID, "bob", OPENED.minusSeconds(60), RECEIVED))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void marksAnActiveAccountLost() {
        fixture.given(OPENED_EVENT)
                .when(new MarkLost(ID, NEGLECT, "Globex", null, LATER, RECEIVED))
                .expectEvents(lost(NEGLECT, LATER));
    }

    @Test
    void refusesALossDatedBeforeTheOpening() {
        fixture.given(OPENED_EVENT)
                .when(new MarkLost(ID, NEGLECT, null, null, OPENED.minusSeconds(1), RECEIVED))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void acceptsARetryOfTheSameLossWithoutASecondEvent() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER))
                .when(new MarkLost(ID, NEGLECT, "Globex", null, null, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesASecondDifferentLoss() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER))
                .when(new MarkLost(ID, COMPETITOR_OFFER, "Initech", null, null, RECEIVED))
                .expectException(Conflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already lost"))
                .expectNoEvents();
    }

    @Test
    void winsBackALostAccount() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER))
                .when(new WinBack(ID, null, RECEIVED))
                .expectEvents(new AccountWonBack(ID, RECEIVED));
    }

    @Test
    void refusesAWinBackDatedBeforeTheLoss() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER))
                .when(new WinBack(ID, LATER.minusSeconds(1), RECEIVED))
                .expectException(InvalidField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the account was lost"))
                .expectNoEvents();
    }

    @Test
    void refusesToWinBackAnAccountThatWasNeverLost() {
        fixture.given(OPENED_EVENT)
                .when(new WinBack(ID, null, RECEIVED))
                .expectException(Conflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not lost"))
                .expectNoEvents();
    }

    @Test
    void acceptsARetryOfAWinBackWithoutASecondEvent() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, LATER.plusSeconds(60)))
                .when(new WinBack(ID, null, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAWinBackAtAnotherTimeWhileTheAccountIsWonBack() {
        Instant wonBack = LATER.plusSeconds(60);
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, wonBack))
                .when(new WinBack(ID, wonBack.plusSeconds(3600), RECEIVED))
                .expectException(Conflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not lost"))
                .expectNoEvents();
    }

    @Test
    void anAccountWonBackCanBeLostAgain() {
        Instant wonBack = LATER.plusSeconds(60);
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, wonBack))
                .when(new MarkLost(ID, COMPETITOR_OFFER, "Globex", null, wonBack.plusSeconds(60), RECEIVED))
                .expectEvents(new AccountLost(ID, COMPETITOR_OFFER, "Globex", null, wonBack.plusSeconds(60)));
    }

    @Test
    void refusesALossDatedBeforeTheLastWinBack() {
        Instant wonBack = LATER.plusSeconds(60);
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, wonBack))
                .when(new MarkLost(ID, NEGLECT, null, null, LATER, RECEIVED))
                .expectException(InvalidField.class)
                .expectNoEvents();
    }

    @Test
    void acceptsARetryOfALossAfterTheAccountWasWonBack() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, LATER.plusSeconds(60)))
                .when(new MarkLost(ID, NEGLECT, "Globex", null, LATER, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsARetryOfAnEarlierLossWhileTheAccountIsLostAgain() {
        Instant wonBack = LATER.plusSeconds(60);
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, wonBack),
                        new AccountLost(ID, COMPETITOR_OFFER, "Initech", "cheaper", wonBack.plusSeconds(60)))
                .when(new MarkLost(ID, NEGLECT, "Globex", null, LATER, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLossWordedOtherwiseThanTheRecordedOneIsNoRetry() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, LATER.plusSeconds(60)))
                .when(new MarkLost(ID, NEGLECT, "Globex", "they never called", LATER, RECEIVED))
                .expectException(InvalidField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the account was won back"))
                .expectNoEvents();
    }

    @Test
    void aLossWithoutATimeAfterAWinBackIsANewLoss() {
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, LATER.plusSeconds(60)))
                .when(new MarkLost(ID, NEGLECT, "Globex", null, null, RECEIVED))
                .expectEvents(lost(NEGLECT, RECEIVED));
    }

    @Test
    void acceptsARetryOfAWinBackAfterTheAccountWasLostAgain() {
        Instant wonBack = LATER.plusSeconds(60);
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, wonBack),
                        lost(COMPETITOR_OFFER, wonBack.plusSeconds(60)))
                .when(new WinBack(ID, wonBack, RECEIVED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWinBackAtAnotherTimeThanTheRecordedOneIsNoRetry() {
        Instant wonBack = LATER.plusSeconds(60);
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, wonBack),
                        lost(COMPETITOR_OFFER, wonBack.plusSeconds(60)))
                .when(new WinBack(ID, wonBack.plusSeconds(1), RECEIVED))
                .expectException(InvalidField.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the account was lost"))
                .expectNoEvents();
    }

    @Test
    void aWinBackWithoutATimeWhileLostAgainIsANewWinBack() {
        Instant wonBack = LATER.plusSeconds(60);
        fixture.given(OPENED_EVENT, lost(NEGLECT, LATER), new AccountWonBack(ID, wonBack),
                        lost(COMPETITOR_OFFER, wonBack.plusSeconds(60)))
                .when(new WinBack(ID, null, RECEIVED))
                .expectEvents(new AccountWonBack(ID, RECEIVED));
    }

    @Test
    void acceptsARetryOfTheOpeningWhateverHappenedSince() {
        fixture.given(OPENED_EVENT, new AccountProfileChanged(ID, "Acme Group", Tier.STRATEGIC, null, null, 14, LATER),
                        lost(NEGLECT, LATER), new AccountWonBack(ID, LATER.plusSeconds(60)))
                .when(opening(OPENED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void commandsForAnUnknownAccountFindNothing() {
        fixture.givenNoPriorActivity()
                .when(new AssignOwner(ID, "bob", null, RECEIVED))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesToOpenAnIdAlreadyUsedByAnotherKindOfRecord() {
        fixture.given(new GenericDomainEventMessage<>("CompetitorSignal", ID.toString(), 0,
                        new CompetitorSighted(ID, ID, "Globex", null, "alice", LATER)))
                .when(opening(OPENED))
                .expectException(Conflict.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already used by another kind of record"))
                .expectNoEvents();
    }
}
