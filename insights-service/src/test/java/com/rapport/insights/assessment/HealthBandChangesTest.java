package com.rapport.insights.assessment;

import com.rapport.events.insights.HealthBand;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HealthBandChangesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HealthBandChanges changes = new HealthBandChanges(registry);

    private void published(Object event) {
        changes.committed(GenericEventMessage.asEventMessage(event));
    }

    private static HealthBandChanged changed(HealthBand from, HealthBand to) {
        return new HealthBandChanged(UUID.randomUUID(), from, to, 40, List.of(), Instant.now());
    }

    private double count(String from, String to) {
        var counter = registry.find("rapport.health.band.changes").tags("from", from, "to", to).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void countsEachChangeByTheBandsItLeftAndEntered() {
        published(changed(HealthBand.WATCH, HealthBand.AT_RISK));
        published(changed(HealthBand.WATCH, HealthBand.AT_RISK));
        published(changed(HealthBand.AT_RISK, HealthBand.CRITICAL));

        assertThat(count("WATCH", "AT_RISK")).isEqualTo(2);
        assertThat(count("AT_RISK", "CRITICAL")).isEqualTo(1);
    }

    @Test
    void countsAnAccountsFirstAssessmentAsAChangeFromNone() {
        published(changed(null, HealthBand.HEALTHY));

        assertThat(count("NONE", "HEALTHY")).isEqualTo(1);
    }

    @Test
    void ignoresOtherEvents() {
        published(new NeglectFlagCleared(UUID.randomUUID(), Instant.now()));

        assertThat(registry.find("rapport.health.band.changes").counters()).isEmpty();
    }
}
