package com.rapport.insights.assessment;

import com.rapport.events.insights.HealthBand;
import com.rapport.insights.health.Assessment;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tell the account's health record what the latest assessment found; it publishes what changed. */
public record RecordAssessment(@TargetAggregateIdentifier UUID healthId, UUID accountId, HealthBand band, int score,
                               List<String> reasons, boolean neglected, long daysSinceContact, int cadenceDays,
                               boolean lost, Instant asOf) {

    static RecordAssessment of(Assessment assessment) {
        return new RecordAssessment(healthIdOf(assessment.accountId()), assessment.accountId(), assessment.band(),
                assessment.score(), assessment.topReasons(3), assessment.neglected(), assessment.daysSinceContact(),
                assessment.cadenceDays(), assessment.lost(), assessment.asOf());
    }

    /** Ids are unique across the whole event store: the health record's is derived from, not equal to, the account's. */
    static UUID healthIdOf(UUID accountId) {
        return UUID.nameUUIDFromBytes(("rapport.insights.health:" + accountId).getBytes(StandardCharsets.UTF_8));
    }
}
