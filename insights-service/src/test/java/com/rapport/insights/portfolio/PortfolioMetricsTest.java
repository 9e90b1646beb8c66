package com.rapport.insights.portfolio;

import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import com.rapport.events.insights.HealthBand;
import com.rapport.insights.ReadModels;
import com.rapport.insights.account.AccountState;
import com.rapport.insights.account.AccountStates;
import com.rapport.insights.account.Tables;
import com.rapport.insights.health.Assessment;
import com.rapport.insights.health.HealthPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Value at risk for Prometheus is the portfolio's, per currency, as of the last renewal, added up by the database. */
class PortfolioMetricsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private JdbcClient jdbc;
    private AccountStates states;
    private PortfolioMetrics metrics;

    @BeforeEach
    void bind() {
        jdbc = ReadModels.empty();
        states = new AccountStates(jdbc, JsonMapper.builder().build());
        metrics = new PortfolioMetrics(new LivePortfolio(jdbc), Clock.systemUTC());
        metrics.bindTo(registry);
    }

    /** An account whose latest assessment found it in this band, lost or not. */
    private UUID account(int value, String currency, boolean lost, HealthBand band, boolean neglected) {
        UUID accountId = UUID.randomUUID();
        save(accountId, value, currency, lost, band, neglected, true);
        return accountId;
    }

    private void nowIn(UUID accountId, int value, String currency, HealthBand band) {
        save(accountId, value, currency, false, band, false, false);
    }

    private void save(UUID accountId, int value, String currency, boolean lost, HealthBand band, boolean neglected,
                      boolean first) {
        AccountState state = AccountState.fold(List.of(new AccountOpened(accountId, "Client", Tier.KEY,
                BigDecimal.valueOf(value), currency, "alice", "UTC", null, NOW)), NOW, HealthPolicy.defaults());
        Assessment assessment = new Assessment(accountId, "Client", "alice", Tier.KEY, BigDecimal.valueOf(value), currency,
                lost, NOW, 50, band, neglected, 10, 30, List.of(), List.of());
        states.save(Tables.LIVE, new AccountStates.Fresh(state, assessment, null, null, AccountStates.Published.NOTHING), !first);
    }

    private double valueAtRisk(String currency) {
        return registry.get("rapport.value.at.risk").tag("currency", currency).gauge().value();
    }

    @Test
    void sumsTheAnnualValueOfAccountsAtRiskCriticalOrNeglectedPerCurrency() {
        account(100_000, "EUR", false, HealthBand.AT_RISK, false);
        account(40_000, "EUR", false, HealthBand.CRITICAL, false);
        account(25_000, "EUR", false, HealthBand.WATCH, true);
        account(900_000, "EUR", false, HealthBand.HEALTHY, false);
        account(70_000, "USD", false, HealthBand.CRITICAL, false);
        metrics.renewValueAtRisk();

        assertThat(valueAtRisk("EUR")).isEqualTo(165_000);
        assertThat(valueAtRisk("USD")).isEqualTo(70_000);
        assertThat(registry.get("rapport.accounts").tag("band", "CRITICAL").gauge().value()).isEqualTo(2);
        assertThat(registry.get("rapport.accounts.neglected").gauge().value()).isEqualTo(1);
    }

    @Test
    void aCurrencyWithNothingAtRiskReadsZeroAndLostAccountsAreLeftOut() {
        account(300_000, "GBP", false, HealthBand.HEALTHY, false);
        account(500_000, "GBP", true, HealthBand.CRITICAL, true);
        account(80_000, "CHF", true, HealthBand.CRITICAL, true);
        metrics.renewValueAtRisk();

        assertThat(valueAtRisk("GBP")).isZero();
        assertThat(registry.find("rapport.value.at.risk").tag("currency", "CHF").gauge()).isNull();
        assertThat(registry.get("rapport.accounts").tag("band", "CRITICAL").gauge().value()).isZero();
    }

    @Test
    void followsTheAccountsAtEachRenewalAndKeepsTheSeriesOfACurrencyThatRecovers() {
        UUID account = account(100_000, "EUR", false, HealthBand.HEALTHY, false);
        metrics.renewValueAtRisk();
        nowIn(account, 100_000, "EUR", HealthBand.CRITICAL);
        metrics.renewValueAtRisk();
        assertThat(valueAtRisk("EUR")).isEqualTo(100_000);

        nowIn(account, 100_000, "EUR", HealthBand.HEALTHY);
        metrics.renewValueAtRisk();
        assertThat(valueAtRisk("EUR")).isZero();
    }

    @Test
    void aScrapeReadsTheLastRenewal() {
        UUID euro = account(100_000, "EUR", false, HealthBand.CRITICAL, false);
        account(70_000, "USD", false, HealthBand.CRITICAL, false);
        account(50_000, "GBP", false, HealthBand.AT_RISK, false);
        metrics.renewValueAtRisk();
        nowIn(euro, 100_000, "EUR", HealthBand.HEALTHY);

        assertThat(List.of(valueAtRisk("EUR"), valueAtRisk("USD"), valueAtRisk("GBP")))
                .containsExactly(100_000.0, 70_000.0, 50_000.0);
        metrics.renewValueAtRisk();
        assertThat(valueAtRisk("EUR")).as("after the next renewal").isZero();
    }
}
