package com.rapport.insights.losses;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.insights.AccountHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.rapport.events.account.LossReason.BUDGET_CUT;
import static com.rapport.events.account.LossReason.NEGLECT;
import static com.rapport.events.account.LossReason.PRICE;
import static com.rapport.insights.AccountHistory.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What the losses of a window add up to. */
class LossReportTest {

    private static final Window WINDOW = new Window(day(0), day(365));

    /** A loss as the analysis would report it: {@code aLoss().on(40).forReason(PRICE).interviewed().flagged(12)}. */
    static final class ALoss {
        private static int accounts;
        private final UUID accountId = new UUID(0x1055L, ++accounts);
        private Instant lostAt = day(100);
        private LossReason reason = NEGLECT;
        private String competitor;
        private Instant interviewedAt;
        private Long leadTimeDays;

        ALoss on(int day) {
            lostAt = day(day);
            return this;
        }

        ALoss forReason(LossReason reason) {
            this.reason = reason;
            return this;
        }

        ALoss to(String competitor) {
            this.competitor = competitor;
            return this;
        }

        ALoss interviewed() {
            interviewedAt = lostAt.plusSeconds(86_400);
            return this;
        }

        ALoss flagged(long daysBefore) {
            leadTimeDays = daysBefore;
            return this;
        }

        Loss build() {
            return new Loss(accountId, "Account " + accountId, "alice", Tier.KEY, new BigDecimal("100000"), "EUR",
                    lostAt, reason, competitor, interviewedAt != null, interviewedAt, null,
                    leadTimeDays == null ? null : lostAt.minusSeconds(86_400 * leadTimeDays),
                    leadTimeDays == null ? null : Flag.NEGLECTED, leadTimeDays, null);
        }
    }

    static ALoss aLoss() {
        return new ALoss();
    }

    private static LossReport reportOf(ALoss... losses) {
        return LossReport.of(Stream.of(losses).map(ALoss::build).toList(), WINDOW);
    }

    @Test
    void newestLossFirst() {
        LossReport report = reportOf(aLoss().on(40), aLoss().on(300), aLoss().on(120));

        assertThat(report.items()).extracting(Loss::lostAt).containsExactly(day(300), day(120), day(40));
        assertThat(report).extracting(LossReport::from, LossReport::to).containsExactly(day(0), day(365));
    }

    @Test
    void countsByReasonTheMostFrequentFirst() {
        LossReport report = reportOf(aLoss().forReason(PRICE), aLoss().forReason(NEGLECT), aLoss().forReason(PRICE),
                aLoss().forReason(BUDGET_CUT), aLoss().forReason(NEGLECT), aLoss().forReason(PRICE));

        assertThat(report.byReason()).containsExactly(Map.entry(PRICE, 3L), Map.entry(NEGLECT, 2L), Map.entry(BUDGET_CUT, 1L));
    }

    @Test
    void countsByCompetitorLeavingOutLossesToNone() {
        LossReport report = reportOf(aLoss().to("Globex"), aLoss(), aLoss().to("Initech"), aLoss().to("Globex"));

        assertThat(report.byCompetitor()).containsExactly(Map.entry("Globex", 2L), Map.entry("Initech", 1L));
    }

    static Stream<Arguments> shares() {
        return Stream.of(
                // losses, of which interviewed, of which flagged; coverage, flagged share
                arguments(1, 1, 0, "1.00", "0.00"),
                arguments(3, 2, 1, "0.67", "0.33"),
                arguments(4, 1, 3, "0.25", "0.75"),
                arguments(8, 1, 7, "0.13", "0.88"),
                arguments(6, 0, 6, "0.00", "1.00"));
    }

    @ParameterizedTest(name = "{0} losses, {1} interviewed, {2} flagged: {3}, {4}")
    @MethodSource
    void shares(int count, int interviewed, int flagged, String coverage, String flaggedShare) {
        List<ALoss> losses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ALoss loss = aLoss();
            losses.add(i < flagged ? loss.flagged(10) : loss);
        }
        for (int i = 0; i < interviewed; i++) {
            losses.get(count - 1 - i).interviewed();
        }

        LossReport report = reportOf(losses.toArray(ALoss[]::new));

        assertThat(report.interviewCoverage()).isEqualTo(new BigDecimal(coverage));
        assertThat(report.flaggedShare()).isEqualTo(new BigDecimal(flaggedShare));
    }

    static Stream<Arguments> medianLeadTimeOfTheFlaggedLosses() {
        return Stream.of(
                // lead times (null: not flagged), median
                arguments(List.of(), null),
                arguments(nullable(null, null), null),
                arguments(List.of(12L), "12"),
                arguments(List.of(44L, 5L, 30L), "30"),
                arguments(nullable(44L, null, 5L, null, 30L), "30"),
                arguments(List.of(10L, 11L), "10.5"),
                arguments(List.of(40L, 10L, 25L, 20L), "22.5"),
                arguments(List.of(0L, 0L, 7L), "0"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void medianLeadTimeOfTheFlaggedLosses(List<Long> leadTimes, String median) {
        LossReport report = reportOf(leadTimes.stream().map(days -> days == null ? aLoss() : aLoss().flagged(days))
                .toArray(ALoss[]::new));

        assertThat(report.medianLeadTimeDays()).isEqualTo(median == null ? null : new BigDecimal(median));
    }

    @Test
    void withoutLossesThereIsNoShareToSpeakOf() {
        LossReport report = reportOf();

        assertThat(report.items()).isEmpty();
        assertThat(report.byReason()).isEmpty();
        assertThat(report.byCompetitor()).isEmpty();
        assertThat(report.interviewCoverage()).isNull();
        assertThat(report.flaggedShare()).isNull();
        assertThat(report.medianLeadTimeDays()).isNull();
    }

    private static List<Long> nullable(Long... leadTimes) {
        return Arrays.asList(leadTimes);
    }
}
