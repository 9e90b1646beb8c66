package com.rapport.insights.portfolio;

import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.assessment.AssessmentView;
import com.rapport.insights.assessment.Assessments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Value at risk for Prometheus is the portfolio's, per currency, as of the last renewal. */
class PortfolioMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AssessmentView> assessed = new ArrayList<>();
    private final Assessments assessments = mock(Assessments.class);
    private PortfolioMetrics metrics;

    @BeforeEach
    void bind() {
        when(assessments.all()).thenAnswer(invocation -> List.copyOf(assessed));
        metrics = new PortfolioMetrics(assessments, Clock.systemUTC());
        metrics.bindTo(registry);
    }

    private void account(int value, String currency, String status, HealthBand band, boolean neglected) {
        assessed.add(new AssessmentView(UUID.randomUUID(), "Client", "alice", Tier.KEY, BigDecimal.valueOf(value),
                currency, status, Instant.now(), 50, band, neglected, 10, 30, List.of(), List.of()));
    }

    private void nowIn(int index, HealthBand band) {
        AssessmentView was = assessed.get(index);
        assessed.set(index, new AssessmentView(was.accountId(), was.name(), was.ownerId(), was.tier(), was.annualValue(),
                was.currency(), was.status(), Instant.now(), 20, band, false, 10, 30, List.of(), List.of()));
    }

    private double valueAtRisk(String currency) {
        return registry.get("rapport.value.at.risk").tag("currency", currency).gauge().value();
    }

    @Test
    void sumsTheAnnualValueOfAccountsAtRiskCriticalOrNeglectedPerCurrency() {
        account(100_000, "EUR", "ACTIVE", HealthBand.AT_RISK, false);
        account(40_000, "EUR", "ACTIVE", HealthBand.CRITICAL, false);
        account(25_000, "EUR", "ACTIVE", HealthBand.WATCH, true);
        account(900_000, "EUR", "ACTIVE", HealthBand.HEALTHY, false);
        account(70_000, "USD", "ACTIVE", HealthBand.CRITICAL, false);
        metrics.renewValueAtRisk();

        assertThat(valueAtRisk("EUR")).isEqualTo(165_000);
        assertThat(valueAtRisk("USD")).isEqualTo(70_000);
    }

    @Test
    void aCurrencyWithNothingAtRiskReadsZeroAndLostAccountsAreLeftOut() {
        account(300_000, "GBP", "ACTIVE", HealthBand.HEALTHY, false);
        account(500_000, "GBP", "LOST", HealthBand.CRITICAL, true);
        account(80_000, "CHF", "LOST", HealthBand.CRITICAL, true);
        metrics.renewValueAtRisk();

        assertThat(valueAtRisk("GBP")).isZero();
        assertThat(registry.find("rapport.value.at.risk").tag("currency", "CHF").gauge()).isNull();
    }

    @Test
    void followsTheAccountsAtEachRenewalAndKeepsTheSeriesOfACurrencyThatRecovers() {
        account(100_000, "EUR", "ACTIVE", HealthBand.HEALTHY, false);
        metrics.renewValueAtRisk();
        nowIn(0, HealthBand.CRITICAL);
        metrics.renewValueAtRisk();
        assertThat(valueAtRisk("EUR")).isEqualTo(100_000);

        nowIn(0, HealthBand.HEALTHY);
        metrics.renewValueAtRisk();
        assertThat(valueAtRisk("EUR")).isZero();
    }

    @Test
    void aScrapeReadsTheLastRenewalWhichReadsTheAssessmentsOnceForEveryCurrency() {
        account(100_000, "EUR", "ACTIVE", HealthBand.CRITICAL, false);
        account(70_000, "USD", "ACTIVE", HealthBand.CRITICAL, false);
        account(50_000, "GBP", "ACTIVE", HealthBand.AT_RISK, false);
        metrics.renewValueAtRisk();
        nowIn(0, HealthBand.HEALTHY);

        assertThat(List.of(valueAtRisk("EUR"), valueAtRisk("USD"), valueAtRisk("GBP")))
                .containsExactly(100_000.0, 70_000.0, 50_000.0);
        assertThat(valueAtRisk("EUR")).as("until the next renewal").isEqualTo(100_000);
        verify(assessments, times(1)).all();
    }
}
