package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.AccountLost;
import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.LossReason;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedFirmTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:17:00Z");
    private static final GeneratedFirm FIRM = GeneratedFirm.generate(FirmParameters.defaults().withNow(NOW));

    @Test
    void theSameSeedGivesTheSameHistoryIdsIncluded() {
        GeneratedFirm again = GeneratedFirm.generate(FirmParameters.defaults().withNow(NOW));

        assertThat(again.accounts()).isEqualTo(FIRM.accounts());
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        GeneratedFirm other = GeneratedFirm.generate(FirmParameters.defaults().withNow(NOW).withSeed(2));

        assertThat(other.accounts().get(0).truth().accountId()).isNotEqualTo(FIRM.accounts().get(0).truth().accountId());
        assertThat(other.accounts().stream().map(account -> account.truth().archetype()).toList())
                .isNotEqualTo(FIRM.accounts().stream().map(account -> account.truth().archetype()).toList());
    }

    @ParameterizedTest(name = "{0} accounts, seed {1}")
    @CsvSource({"120, 1", "10, 7", "33, 3", "1000, 11"})
    void eachArchetypeGetsItsShareOfTheAccounts(int accounts, long seed) {
        FirmParameters parameters = FirmParameters.defaults().withNow(NOW).withAccounts(accounts).withSeed(seed).withYears(1);

        GeneratedFirm firm = GeneratedFirm.generate(parameters);

        assertThat(firm.accounts()).hasSize(accounts);
        for (Archetype archetype : Archetype.values()) {
            double expected = accounts * parameters.shares().get(archetype);
            assertThat(firm.of(archetype)).as(archetype.name()).hasSizeBetween((int) Math.floor(expected), (int) Math.ceil(expected));
        }
    }

    @Test
    void aShareOfNothingGivesNoAccountOfThatKind() {
        GeneratedFirm firm = GeneratedFirm.generate(FirmParameters.defaults().withNow(NOW).withAccounts(20)
                .withShares(Map.of(Archetype.STEADY, 0.5, Archetype.DRIFT_LOST, 0.5)));

        assertThat(firm.of(Archetype.STEADY)).hasSize(10);
        assertThat(firm.of(Archetype.DRIFT_LOST)).hasSize(10);
    }

    @ParameterizedTest(name = "{0} accounts over {1} years, seed {2}")
    @CsvSource({"120, 2, 1", "10, 1, 5", "60, 3, 9", "200, 1, 13"})
    void everyHistoryKeepsTheCommandRules(int accounts, int years, long seed) {
        GeneratedFirm firm = GeneratedFirm.generate(FirmParameters.defaults().withNow(NOW)
                .withAccounts(accounts).withYears(years).withSeed(seed));

        assertThat(firm.accounts()).allSatisfy(account ->
                assertThat(CommandRules.brokenBy(account.events(), NOW)).as(account.truth().toString()).isEmpty());
    }

    @Test
    void theGroundTruthIsWhatTheEventsShow() {
        assertThat(FIRM.accounts()).allSatisfy(account -> {
            GroundTruth truth = account.truth();
            List<AccountLost> losses = account.events().stream()
                    .filter(AccountLost.class::isInstance).map(AccountLost.class::cast).toList();
            assertThat(account.events().get(0)).isInstanceOfSatisfying(AccountOpened.class, opening -> {
                assertThat(opening.accountId()).isEqualTo(truth.accountId());
                assertThat(opening.occurredAt()).isEqualTo(truth.openedAt());
                assertThat(opening.tier()).isEqualTo(truth.tier());
            });
            if (truth.archetype().isLost()) {
                assertThat(losses).singleElement().satisfies(lost -> {
                    assertThat(lost.occurredAt()).isEqualTo(truth.lostAt());
                    assertThat(lost.reason()).isEqualTo(truth.lossReason());
                });
            } else {
                assertThat(losses).isEmpty();
                assertThat(truth.lostAt()).isNull();
            }
            assertThat(truth.driftStartedAt() != null).isEqualTo(truth.archetype().drifts());
            assertThat(truth.symptoms().isEmpty()).isEqualTo(!truth.archetype().drifts());
            assertThat(truth.recoveredAt() != null).isEqualTo(truth.archetype() == Archetype.DRIFT_WON_BACK);
        });
    }

    @Test
    void driftsLastAsTheParametersSayAndLossesHaveTheirArchetypesReasons() {
        FirmParameters parameters = FIRM.parameters();
        assertThat(FIRM.of(Archetype.DRIFT_LOST)).allSatisfy(account ->
                assertThat(Duration.between(account.truth().driftStartedAt(), account.truth().lostAt()).toDays())
                        .isBetween((long) parameters.driftMinDays(), (long) parameters.driftMaxDays()));
        assertThat(FIRM.of(Archetype.DRIFT_LOST)).extracting(account -> account.truth().lossReason())
                .doesNotContain(LossReason.BUDGET_CUT, LossReason.CHAMPION_LEFT);
        assertThat(FIRM.of(Archetype.SUDDEN_LOSS)).allSatisfy(account -> {
            assertThat(account.truth().lossReason()).isIn(LossReason.BUDGET_CUT, LossReason.CHAMPION_LEFT);
            assertThat(Duration.between(account.truth().openedAt(), account.truth().lostAt()).toDays()).isGreaterThanOrEqualTo(365);
        });
        assertThat(FIRM.of(Archetype.ONBOARDING)).allSatisfy(account ->
                assertThat(Duration.between(account.truth().openedAt(), NOW).toDays()).isBetween(45L, 152L));
    }

    /** Connected contacts in the 90 days before the loss against as many days at the rate before it began. */
    @Test
    void driftingAccountsReallyDriftAndSuddenLossesDoNot() {
        double drifted = contactsBeforeTheLoss(FIRM.of(Archetype.DRIFT_LOST));
        double sudden = contactsBeforeTheLoss(FIRM.of(Archetype.SUDDEN_LOSS));
        long fewer = FIRM.of(Archetype.DRIFT_LOST).stream()
                .filter(account -> contactsBeforeTheLoss(List.of(account)) < 1).count();
        System.out.printf("Connected contacts in the last 90 days before a loss, against the rate before: "
                + "drift %.2f, sudden %.2f; %d of %d drifts fewer%n", drifted, sudden, fewer, FIRM.of(Archetype.DRIFT_LOST).size());

        // some drifts are subtle, or show other symptoms than fewer contacts
        assertThat(drifted).isLessThan(0.8);
        assertThat(sudden).isGreaterThan(0.85);
        assertThat(fewer).isGreaterThanOrEqualTo(FIRM.of(Archetype.DRIFT_LOST).size() * 2L / 3);
    }

    /**
     * @return the connected contacts of the accounts' last 90 days before their loss, over what they would have had at
     * their rate before (before the drift, or the whole time up to those 90 days)
     */
    private static double contactsBeforeTheLoss(List<GeneratedAccount> accounts) {
        double last = 0;
        double expected = 0;
        for (GeneratedAccount account : accounts) {
            GroundTruth truth = account.truth();
            Instant lastStretch = truth.lostAt().minus(Duration.ofDays(90));
            Instant calmUntil = truth.driftStartedAt() != null ? truth.driftStartedAt() : lastStretch;
            last += connected(account.events(), lastStretch, truth.lostAt());
            expected += connected(account.events(), truth.openedAt(), calmUntil) * 90.0
                    / Duration.between(truth.openedAt(), calmUntil).toDays();
        }
        return last / expected;
    }

    private static long connected(List<AccountEvent> events, Instant from, Instant to) {
        return events.stream()
                .filter(event -> event instanceof ContactLogged contact && contact.outcome() == ContactOutcome.CONNECTED)
                .filter(event -> !event.occurredAt().isBefore(from) && event.occurredAt().isBefore(to))
                .count();
    }
}
