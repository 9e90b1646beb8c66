package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The portfolio for Prometheus: accounts we still have per band ({@code rapport.accounts}) and how
 * many are neglected ({@code rapport.accounts.neglected}), counted at each scrape, and the annual
 * value at risk per currency ({@code rapport.value.at.risk}, as the portfolio figures define it).
 * Every currency of an account we still have is reported, 0 when nothing in it is at risk, so that
 * a currency's series does not vanish once its accounts recover.
 */
@Component
class PortfolioMetrics implements MeterBinder {

    private final LivePortfolio portfolio;
    private final Clock clock;
    private volatile MultiGauge valueAtRisk;
    private volatile Map<String, BigDecimal> atRiskByCurrency = Map.of();

    PortfolioMetrics(LivePortfolio portfolio, Clock clock) {
        this.portfolio = portfolio;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (HealthBand band : HealthBand.values()) {
            Gauge.builder("rapport.accounts", portfolio, counts -> counts.inBand(band))
                    .description("Accounts we still have, by health band")
                    .tag("band", band.name())
                    .register(registry);
        }
        Gauge.builder("rapport.accounts.neglected", portfolio, LivePortfolio::neglected)
                .description("Accounts we still have that nobody has spoken with for 1.5 times their cadence")
                .register(registry);
        valueAtRisk = MultiGauge.builder("rapport.value.at.risk")
                .description("Annual value of the accounts AT_RISK, CRITICAL or neglected, per currency")
                .register(registry);
    }

    /**
     * The value at risk is added up by the database, once for all currencies every 15 s rather than at
     * each scrape for each currency; a scrape reads what the last renewal found.
     */
    @Scheduled(fixedDelay = 15, timeUnit = TimeUnit.SECONDS)
    void renewValueAtRisk() {
        MultiGauge gauge = valueAtRisk;
        if (gauge == null) {
            return;
        }
        PortfolioFigures figures = portfolio.figures(clock.instant());
        atRiskByCurrency = figures.valueAtRisk().stream()
                .collect(Collectors.toUnmodifiableMap(PortfolioFigures.Money::currency, PortfolioFigures.Money::amount));
        // Rows already registered are kept and read the new figures; only currencies gone are dropped.
        gauge.register(portfolio.currencies().stream()
                .map(currency -> MultiGauge.Row.of(Tags.of("currency", currency), this,
                        metrics -> metrics.valueAtRisk(currency)))
                .toList());
    }

    private double valueAtRisk(String currency) {
        return atRiskByCurrency.getOrDefault(currency, BigDecimal.ZERO).doubleValue();
    }
}
