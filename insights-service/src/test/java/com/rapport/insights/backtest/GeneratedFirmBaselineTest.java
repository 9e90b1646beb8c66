package com.rapport.insights.backtest;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthModel;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.losses.Loss;
import com.rapport.insights.losses.LossAnalysis;
import com.rapport.insights.losses.Window;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the health model and loss analysis as they stand do on the benchmark history: the figures are printed,
 * not asserted, so that a change to the model can be compared against them (docs/generated-history.md).
 */
class GeneratedFirmBaselineTest {

    private static final Duration MONTH = Duration.ofDays(30);

    @Test
    void printsWhatTheDefaultPolicyCatchesAndHowOftenItCriesWolf() {
        GeneratedFirm firm = GeneratedFirm.generate(FirmParameters.defaults().withNow(GeneratedFirmTest.NOW));
        HealthPolicy policy = HealthPolicy.defaults();
        LossAnalysis analysis = new LossAnalysis(policy);
        Window everything = Window.of(Instant.EPOCH, GeneratedFirmTest.NOW, GeneratedFirmTest.NOW);

        StringBuilder report = new StringBuilder("Baseline on the default generated firm (HealthPolicy.defaults()):\n");
        for (Archetype lost : List.of(Archetype.DRIFT_LOST, Archetype.SUDDEN_LOSS)) {
            List<Loss> losses = firm.of(lost).stream()
                    .flatMap(account -> analysis.lossesIn(account.events(), everything).stream()).toList();
            List<Long> leads = losses.stream().map(Loss::leadTimeDays).filter(Objects::nonNull).sorted().toList();
            report.append(String.format("  %-15s %d of %d losses flagged before the loss (%.0f %%), median lead %s days%n",
                    lost, leads.size(), losses.size(), 100.0 * leads.size() / losses.size(), median(leads)));
            assertThat(losses).hasSize(firm.of(lost).size());
        }
        long assessed = 0;
        long flagged = 0;
        for (Archetype kept : Archetype.values()) {
            if (kept.isLost()) {
                continue;
            }
            long[] counts = monthlyFlags(firm.of(kept), policy);
            report.append(String.format("  %-15s %d of %d monthly assessments flagged (%.1f %%)%n",
                    kept, counts[1], counts[0], 100.0 * counts[1] / counts[0]));
            assessed += counts[0];
            flagged += counts[1];
        }
        report.append(String.format("  %-15s %d of %d monthly assessments flagged (%.1f %%)%n",
                "never lost", flagged, assessed, 100.0 * flagged / assessed));
        System.out.print(report);
    }

    /** @return the monthly assessments of the accounts from a month after each opening, and how many were flagged */
    private static long[] monthlyFlags(List<GeneratedAccount> accounts, HealthPolicy policy) {
        long assessed = 0;
        long flagged = 0;
        for (GeneratedAccount account : accounts) {
            for (Instant asOf = account.truth().openedAt().plus(MONTH); asOf.isBefore(GeneratedFirmTest.NOW); asOf = asOf.plus(MONTH)) {
                Optional<Assessment> assessment = HealthModel.assess(account.events(), asOf, policy);
                assessed++;
                if (assessment.map(GeneratedFirmBaselineTest::flagged).orElse(false)) {
                    flagged++;
                }
            }
        }
        return new long[] {assessed, flagged};
    }

    /** As the loss analysis flags: a band at risk or worse, or neglect. */
    private static boolean flagged(Assessment assessment) {
        return assessment.band() == HealthBand.AT_RISK || assessment.band() == HealthBand.CRITICAL || assessment.neglected();
    }

    private static String median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? String.valueOf(sorted.get(middle))
                : String.valueOf((sorted.get(middle - 1) + sorted.get(middle)) / 2.0);
    }
}
