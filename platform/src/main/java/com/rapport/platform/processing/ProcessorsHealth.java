package com.rapport.platform.processing;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.stream.Stream;

/**
 * {@code /actuator/health}'s {@code processors} component, one part per processor: DOWN while a
 * processor's read model lacks events, because it dead-lettered some, or one of its segments has
 * just failed, or is stuck (behind and not moving for {@code rapport.processing.stuck-after}); UP
 * otherwise, also while it is catching up, at start or in a rebuild.
 * <p>
 * It counts in the overall health only, in neither probe group: restarting the service does not
 * mend an event its handler cannot take (liveness), and the service answers and records as well as
 * ever (readiness), only the read model is stale. It is for operators and alerts to see.
 */
public class ProcessorsHealth implements CompositeHealthContributor {

    private final ProcessorProgress progress;

    public ProcessorsHealth(ProcessorProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthContributor getContributor(String processor) {
        return progress.processors().contains(processor) ? indicator(processor) : null;
    }

    @Override
    public Stream<Entry> stream() {
        return progress.processors().stream().map(processor -> new Entry(processor, indicator(processor)));
    }

    private HealthIndicator indicator(String processor) {
        return () -> {
            ProcessorProgress.Progress state;
            try {
                state = progress.of(processor);
            } catch (RuntimeException unreadable) {
                // the token store or the event store cannot be read: where the read model is, nobody knows
                return Health.down(unreadable).build();
            }
            return (state.healthy() ? Health.up() : Health.down())
                    .withDetail("position", state.position())
                    .withDetail("lag", state.lag())
                    .withDetail("deadLetters", state.deadLetters())
                    .withDetail("errored", state.errored())
                    .withDetail("stuck", state.stuck())
                    .withDetail("replaying", state.replaying())
                    .build();
        };
    }
}
