package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.assessment.Assessments;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The portfolio for Prometheus: accounts we still have per band ({@code rapport.accounts}) and
 * how many are neglected ({@code rapport.accounts.neglected}), read from the assessments at
 * each scrape.
 */
@Component
class PortfolioMetrics implements MeterBinder {

    private final Assessments assessments;

    PortfolioMetrics(Assessments assessments) {
        this.assessments = assessments;
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
    }
}
