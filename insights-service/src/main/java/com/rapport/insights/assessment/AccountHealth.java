package com.rapport.insights.assessment;

import com.rapport.events.insights.HealthBand;
import com.rapport.events.insights.HealthBandChanged;
import com.rapport.events.insights.NeglectFlagCleared;
import com.rapport.events.insights.NeglectFlagRaised;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What insights has told the world about an account's health: its band and its neglect flag.
 * It guards that each change is published once, and nothing while nothing changes, however
 * often (on every event, on every scheduled round, on several instances) the account is
 * re-assessed; a view older than the last one published is ignored.
 */
@Aggregate
public class AccountHealth {

    @AggregateIdentifier
    private UUID healthId;
    private HealthBand band;
    private boolean neglected;
    private Instant lastAsOf;

    protected AccountHealth() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAssessment assessment) {
        if (lastAsOf != null && assessment.asOf().isBefore(lastAsOf)) {
            return;
        }
        if (!assessment.lost() && assessment.band() != band) {
            apply(new HealthBandChanged(assessment.accountId(), band, assessment.band(), assessment.score(),
                    assessment.reasons(), assessment.asOf()));
        }
        if (assessment.neglected() && !neglected) {
            apply(new NeglectFlagRaised(assessment.accountId(), assessment.daysSinceContact(), assessment.cadenceDays(),
                    assessment.asOf()));
        } else if (!assessment.neglected() && neglected) {
            apply(new NeglectFlagCleared(assessment.accountId(), assessment.asOf()));
        }
        if (healthId == null) {
            healthId = assessment.healthId();
        }
    }

    @EventSourcingHandler
    void on(HealthBandChanged changed) {
        healthId = RecordAssessment.healthIdOf(changed.accountId());
        band = changed.toBand();
        lastAsOf = changed.asOf();
    }

    @EventSourcingHandler
    void on(NeglectFlagRaised raised) {
        healthId = RecordAssessment.healthIdOf(raised.accountId());
        neglected = true;
        lastAsOf = raised.asOf();
    }

    @EventSourcingHandler
    void on(NeglectFlagCleared cleared) {
        healthId = RecordAssessment.healthIdOf(cleared.accountId());
        neglected = false;
        lastAsOf = cleared.asOf();
    }
}
