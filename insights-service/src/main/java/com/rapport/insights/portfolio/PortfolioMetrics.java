package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.assessment.AssessmentView;
import com.rapport.insights.assessment.Assessments;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The portfolio for Prometheus, read from the assessments at each scrape: accounts we still
 * have per band ({@code rapport.accounts}), how many are neglected ({@code rapport.accounts.neglected})
 * and the annual value at risk per currency ({@code rapport.value.at.risk}, as the portfolio
 * figures define it). Every currency of an account we still have is reported, 0 when nothing
 * in it is at risk, so that a currency's series does not vanish once its accounts recover.
 */
@Component
class PortfolioMetrics implements MeterBinder {

    private final Assessments assessments;
    private final Clock clock;
    private volatile MultiGauge valueAtRisk;

    PortfolioMetrics(Assessments assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (HealthBand band : HealthBand.values()) {
            Gauge.builder("rapport.accounts", assessments, counts -> counts.inBand(band))
                    .description("Accounts we still have, by health band")
                    .tag("band", band.name())
                    .register(registry);
        }
        Gauge.builder("rapport.accounts.neglected", assessments, Assessments::neglected)
                .description("Accounts we still have that nobody has spoken with for 1.5 times their cadence")
                .register(registry);
        valueAtRisk = MultiGauge.builder("rapport.value.at.risk")
                .description("Annual value of the accounts AT_RISK, CRITICAL or neglected, per currency")
                .register(registry);
    }

    /**
     * Which currencies there are changes only with the accounts, so the series are renewed now
     * and then; their values are read at each scrape.
     */
    @Scheduled(fixedDelay = 15, timeUnit = TimeUnit.SECONDS)
    void renewCurrencies() {
        MultiGauge gauge = valueAtRisk;
        if (gauge == null) {
            return;
        }
        gauge.register(assessments.all().stream()
                .filter(view -> "ACTIVE".equals(view.status()))
                .map(AssessmentView::currency)
                .distinct()
                .map(currency -> MultiGauge.Row.of(Tags.of("currency", currency), this,
                        metrics -> metrics.valueAtRisk(currency)))
                .toList(), true);
    }

    private double valueAtRisk(String currency) {
        return PortfolioFigures.of(clock.instant(), assessments.all()).valueAtRisk().stream()
                .filter(money -> money.currency().equals(currency))
                .map(PortfolioFigures.Money::amount)
                .findFirst()
                .orElse(BigDecimal.ZERO)
                .doubleValue();
    }
}
