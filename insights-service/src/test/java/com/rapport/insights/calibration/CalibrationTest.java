package com.rapport.insights.calibration;

import com.rapport.events.AccountEvent;
import com.rapport.events.account.LossReason;
import com.rapport.insights.AccountHistory;
import com.rapport.insights.backtest.Backtest;
import com.rapport.insights.health.Factor;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.losses.Window;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.rapport.events.account.Tier.CORE;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;

/** Calibration of the health policy from a firm's losses, on histories whose pattern is known. */
class CalibrationTest {

    private static final HealthPolicy DEFAULTS = HealthPolicy.defaults();
    private static final Window EVERYTHING = Window.of(Instant.EPOCH, day(800), day(800));
    private static final Calibration CALIBRATION = new Calibration(0.10, Backtest.OUTSIDE_BY_DEFAULT);

    /**
     * Every account is tended alike, week after week, for two years; those lost had a competitor at the door
     * for the five months before: competitor pressure is what tells them apart.
     */
    static List<List<AccountEvent>> firmLosingToCompetitors(int lost, int kept) {
        List<List<AccountEvent>> firm = new ArrayList<>();
        for (int account = 0; account < lost; account++) {
            int lostOn = 400 + 20 * account;
            AccountHistory history = AccountHistory.opened("Lost " + account, CORE, day(0)).tended(0, lostOn - 1);
            for (int sighting = lostOn - 150; sighting < lostOn; sighting += 25) {
                history.competitor("Globex", day(sighting));
            }
            firm.add(history.lost(LossReason.COMPETITOR_OFFER, "Globex", day(lostOn)).events());
        }
        for (int account = 0; account < kept; account++) {
            firm.add(AccountHistory.opened("Kept " + account, CORE, day(0)).tended(0, 790).events());
        }
        return firm;
    }

    @Test
    void recoversWeightsThatRankTheKnownPatternFirst() {
        Calibration.Proposal proposal = CALIBRATION.propose(firmLosingToCompetitors(12, 30).stream(), EVERYTHING, DEFAULTS);

        assertThat(proposal.enough()).isTrue();
        assertThat(strongest(proposal.coefficients())).isEqualTo(Factor.COMPETITOR_PRESSURE);
        Factor heaviest = proposal.proposed().weights().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(heaviest).isEqualTo(Factor.COMPETITOR_PRESSURE);
        assertThat(proposal.why()).startsWith("Fitted to 12 losses");
    }

    @Test
    void neverProposesAPolicyThatContradictsItself() {
        for (int lost = 8; lost <= 14; lost += 3) {
            HealthPolicy proposed = CALIBRATION.propose(firmLosingToCompetitors(lost, 20).stream(), EVERYTHING, DEFAULTS)
                    .proposed();

            assertThat(proposed.healthyFrom()).isGreaterThan(proposed.watchFrom());
            assertThat(proposed.watchFrom()).isGreaterThan(proposed.atRiskFrom());
            assertThat(proposed.atRiskFrom()).isPositive();
            assertThat(proposed.weights().values()).allSatisfy(weight -> assertThat(weight).isNotNegative());
            assertThat(proposed.weights().values().stream().mapToInt(Integer::intValue).sum()).isBetween(95, 105);
            // only the weights, the bands and which signals flag are fitted: the expectations stay the firm's
            assertThat(proposed.cadenceDays()).isEqualTo(DEFAULTS.cadenceDays());
            assertThat(proposed.competitorWindowDays()).isEqualTo(DEFAULTS.competitorWindowDays());
            assertThat(proposed.signals().competitorWithinDays()).isEqualTo(DEFAULTS.signals().competitorWithinDays());
        }
    }

    @Test
    void theProposalFlagsTheLossesItWasFittedToWithinTheFalseAlarmTarget() {
        List<List<AccountEvent>> firm = firmLosingToCompetitors(12, 30);
        HealthPolicy proposed = CALIBRATION.propose(firm.stream(), EVERYTHING, DEFAULTS).proposed();

        var report = new Backtest(proposed).run(firm.stream(), EVERYTHING);

        assertThat(report.foreseeable().flagged()).isEqualTo(12);
        assertThat(report.falseAlarms().share().doubleValue()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void withTooFewLossesSaysSoAndKeepsThePolicy() {
        Calibration.Proposal proposal = CALIBRATION.propose(firmLosingToCompetitors(3, 30).stream(), EVERYTHING, DEFAULTS);

        assertThat(proposal.enough()).isFalse();
        assertThat(proposal.proposed()).isEqualTo(DEFAULTS);
        assertThat(proposal.why()).isEqualTo("Only 3 losses that a relationship's history could show in the window;"
                + " calibration needs at least 8, so the policy in force stays");
    }

    @Test
    void lossesNoHistoryCouldShowAreNotFittedTo() {
        List<List<AccountEvent>> firm = new ArrayList<>(firmLosingToCompetitors(5, 30));
        for (int account = 0; account < 10; account++) {
            firm.add(AccountHistory.opened("Cut " + account, CORE, day(0)).tended(0, 500)
                    .lost(LossReason.BUDGET_CUT, null, day(501)).events());
        }

        assertThat(CALIBRATION.propose(firm.stream(), EVERYTHING, DEFAULTS).enough()).isFalse();
    }

    private static Factor strongest(Map<Factor, Double> coefficients) {
        return coefficients.entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow().getKey();
    }
}
