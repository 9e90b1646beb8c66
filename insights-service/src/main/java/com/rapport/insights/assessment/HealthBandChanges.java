package com.rapport.insights.assessment;

import com.rapport.events.insights.HealthBandChanged;
import com.rapport.platform.metrics.CommittedEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * {@code rapport.health.band.changes{from,to}}: the band changes insights has published, once
 * committed. A rebuild publishes nothing ({@link AccountHealth} is not asked during a replay),
 * so only live changes count. An account's first assessment counts as a change from NONE.
 */
@Component
class HealthBandChanges implements CommittedEventListener {

    static final String NO_BAND = "NONE";

    private final MeterRegistry registry;

    HealthBandChanges(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void committed(EventMessage<?> event) {
        if (event.getPayload() instanceof HealthBandChanged changed) {
            Counter.builder("rapport.health.band.changes")
                    .description("Health band changes insights published, from one band to another")
                    .tag("from", changed.fromBand() == null ? NO_BAND : changed.fromBand().name())
                    .tag("to", changed.toBand().name())
                    .register(registry)
                    .increment();
        }
    }
}
