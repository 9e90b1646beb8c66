package com.rapport.insights.backtest;

import com.rapport.insights.calibration.Calibration;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.health.RiskSignal;
import com.rapport.insights.losses.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals of the warnings, on the benchmark history (docs/generated-history.md): at least 90 % of the
 * losses a relationship's history could show are flagged before they happen, with a median lead of 60 days
 * or more, while at most 10 % of the monthly assessments of accounts never lost are flagged. They hold for
 * the default policy and for one calibrated on the same history; the figures, with those of the bands and
 * neglect alone, are printed for docs/benchmarks.md.
 */
class GeneratedFirmBacktestTest {

    private static final Window EVERYTHING = Window.of(Instant.EPOCH, GeneratedFirmTest.NOW, GeneratedFirmTest.NOW);
    private static GeneratedFirm firm;

    @BeforeAll
    static void generate() {
        firm = GeneratedFirm.generate(FirmParameters.defaults().withNow(GeneratedFirmTest.NOW));
    }

    @Test
    void theDefaultPolicyMeetsTheGoals() {
        BacktestReport report = backtest("default policy", HealthPolicy.defaults());

        meetsTheGoals(report);
    }

    @Test
    void aPolicyCalibratedOnTheFirmsLossesMeetsTheGoals() {
        Calibration.Proposal proposal = new Calibration(0.10, Backtest.OUTSIDE_BY_DEFAULT)
                .propose(firm.histories(), EVERYTHING, HealthPolicy.defaults());
        System.out.println(proposal.why() + "\n  weights " + proposal.proposed().weights() + ", AT_RISK below "
                + proposal.proposed().watchFrom() + ", signals off " + proposal.proposed().signals().off());

        meetsTheGoals(backtest("calibrated policy", proposal.proposed()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2, 3, 4, 5})
    void theDefaultPolicyNearlyMeetsTheGoalsOnFirmsItWasNotTunedOn(long seed) {
        GeneratedFirm other = GeneratedFirm.generate(FirmParameters.defaults().withNow(GeneratedFirmTest.NOW).withSeed(seed));
        BacktestReport report = new Backtest(HealthPolicy.defaults()).run(other.histories(), EVERYTHING);
        System.out.printf("seed %d: %d of %d flagged (%s), median lead %s days; %d of %d kept flagged (%s)%n", seed,
                report.foreseeable().flagged(), report.foreseeable().losses(), report.foreseeable().flaggedShare(),
                report.foreseeable().leadTimeDays().median(), report.falseAlarms().flagged(),
                report.falseAlarms().assessments(), report.falseAlarms().share());
        // tuned on six seeds, the defaults catch 89 % to 100 % of such a firm's losses: a floor a little lower
        assertThat(report.foreseeable().flaggedShare().doubleValue()).isGreaterThanOrEqualTo(0.85);
        assertThat(report.foreseeable().leadTimeDays().median().doubleValue()).isGreaterThanOrEqualTo(60);
        assertThat(report.falseAlarms().share().doubleValue()).isLessThanOrEqualTo(0.10);
    }

    @Test
    void theBandsAndNeglectAloneMissMostDrift() {
        HealthPolicy defaults = HealthPolicy.defaults();
        BacktestReport report = backtest("bands and neglect alone",
                defaults.withSignals(defaults.signals().withOff(EnumSet.allOf(RiskSignal.class))));

        assertThat(report.foreseeable().flaggedShare().doubleValue()).isLessThan(0.5);
    }

    private static void meetsTheGoals(BacktestReport report) {
        assertThat(report.foreseeable().flaggedShare().doubleValue()).isGreaterThanOrEqualTo(0.90);
        assertThat(report.foreseeable().leadTimeDays().median().doubleValue()).isGreaterThanOrEqualTo(60);
        assertThat(report.falseAlarms().share().doubleValue()).isLessThanOrEqualTo(0.10);
        // losses no history could show are counted apart, never in the share above
        assertThat(report.outside().losses()).isEqualTo(firm.of(Archetype.SUDDEN_LOSS).stream()
                .filter(account -> Backtest.OUTSIDE_BY_DEFAULT.contains(account.truth().lossReason())).count());
    }

    private static BacktestReport backtest(String what, HealthPolicy policy) {
        BacktestReport report = new Backtest(policy).run(firm.histories(), EVERYTHING);
        System.out.printf("%-24s %d of %d foreseeable losses flagged (%s), lead quartiles %s / %s / %s days;"
                        + " %d of %d outside losses flagged; %d of %d monthly assessments of accounts kept flagged (%s)%n",
                what, report.foreseeable().flagged(), report.foreseeable().losses(), report.foreseeable().flaggedShare(),
                lead(report, 0), lead(report, 1), lead(report, 2), report.outside().flagged(), report.outside().losses(),
                report.falseAlarms().flagged(), report.falseAlarms().assessments(), report.falseAlarms().share());
        return report;
    }

    private static Object lead(BacktestReport report, int quartile) {
        BacktestReport.LeadTimes lead = report.foreseeable().leadTimeDays();
        return lead == null ? "-" : quartile == 0 ? lead.lowerQuartile() : quartile == 1 ? lead.median() : lead.upperQuartile();
    }
}
